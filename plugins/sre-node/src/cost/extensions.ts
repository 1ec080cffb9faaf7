import { createExtensionPoint } from '@backstage/backend-plugin-api';

/** One cost row, as FOCUS 1.x names its columns. @public */
export interface CostRow {
  chargePeriodStart: Date;
  chargePeriodEnd: Date;
  billedCost: number;
  effectiveCost: number;
  billingCurrency: string;
  chargeCategory?: string;
  serviceName?: string;
  serviceCategory?: string;
  resourceId?: string;
  subAccountId?: string;
  tags: Record<string, string>;
}

/** Pulls cost rows from a billing system (AWS Cost Explorer, FOCUS files, …). @public */
export interface CostSource {
  /** Unique id of this source, stored with each row so re-imports replace their own rows. */
  readonly id: string;
  /** Yields the rows for a range of days; a source fetches only what it lacks. */
  fetch(options: { start: Date; end: Date }): AsyncIterable<CostRow>;
}

/** Lets modules add cost sources to the sre backend plugin. @public */
export interface SreCostSourcesExtensionPoint {
  addCostSource(...sources: CostSource[]): void;
}

/** @public */
export const sreCostSourcesExtensionPoint =
  createExtensionPoint<SreCostSourcesExtensionPoint>({
    id: 'sre.cost-sources',
  });
