import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Readable } from 'stream';

/**
 * One cost row, as FOCUS 1.x names its columns. Amounts are decimal strings
 * exactly as the source wrote them: the backend sums them without floats.
 * @public
 */
export interface CostRow {
  /** Inclusive. */
  chargePeriodStart: Date;
  /** Exclusive. */
  chargePeriodEnd: Date;
  billedCost: string;
  effectiveCost: string;
  billingCurrency: string;
  chargeCategory?: string;
  serviceName?: string;
  serviceCategory?: string;
  resourceId?: string;
  subAccountId?: string;
  tags: Record<string, string>;
  /** The source may still change this row (AWS marks unfinished days `Estimated`). */
  estimated?: boolean;
}

/**
 * Rows that replace what a source stored for a period: after the batch is
 * stored, that source's days in the period hold exactly these rows. All or
 * nothing.
 * @public
 */
export interface CostBatch {
  /** [start, end) at UTC day boundaries; defaults to the days the rows cover. */
  period?: { start: Date; end: Date };
  /** Where the rows came from, for the import log: a file name, an API call. */
  origin: string;
  /** Changes when the origin's content changes (e.g. size and mtime); a batch whose origin and fingerprint were stored last time is skipped. */
  fingerprint?: string;
  rows: AsyncIterable<CostRow>;
}

/** Pulls cost rows from a billing system (AWS Cost Explorer, FOCUS files, …) on the sre backend's schedule. @public */
export interface CostSource {
  /** Unique id of this source, stored with each row so re-imports replace their own rows. */
  readonly id: string;
  /**
   * The batches to store now. `finalDays` are the UTC days (YYYY-MM-DD)
   * already stored for this source and not estimated: a source whose
   * requests cost money fetches only the others.
   */
  pull(context: {
    finalDays: ReadonlySet<string>;
    now: Date;
  }): AsyncIterable<CostBatch>;
}

/** Reads a cost file format (FOCUS CSV, …) for `POST /costs/import` and the CLI. @public */
export interface CostFileFormat {
  /** The format's name in `POST /costs/import?format=`, e.g. `focus`. */
  readonly id: string;
  /**
   * Parses a file as it streams in (gzip is detected by its magic bytes).
   * Throws an error with `row` and `column` (and name `InputError`) for the first bad cell.
   */
  read(body: Readable): AsyncIterable<CostRow>;
}

/** Lets modules add cost sources and file formats to the sre backend plugin. @public */
export interface SreCostSourcesExtensionPoint {
  addCostSource(...sources: CostSource[]): void;
  addCostFileFormat(...formats: CostFileFormat[]): void;
}

/** @public */
export const sreCostSourcesExtensionPoint =
  createExtensionPoint<SreCostSourcesExtensionPoint>({
    id: 'sre.cost-sources',
  });
