import { createExtensionPoint } from '@backstage/backend-plugin-api';

/** A time range for a query, start inclusive and end exclusive. @public */
export interface TimeRange {
  start: Date;
  end: Date;
}

/** One sample of an SLI query. @public */
export interface SliSample {
  timestamp: Date;
  value: number;
}

/**
 * Reads SLI series from a metric system (Prometheus, Mackerel, …). Chosen by
 * the OpenSLO `metricSource.type` it answers to.
 * @public
 */
export interface SliSource {
  /** The OpenSLO `metricSource.type` this source serves, e.g. `Prometheus`. */
  readonly type: string;
  /**
   * Runs one query of an SLI over a range at a step and returns its samples.
   * `spec` is the OpenSLO `metricSource.spec`; `sourceRef` its `metricSourceRef`.
   */
  queryRange(options: {
    spec: Record<string, unknown>;
    sourceRef?: string;
    range: TimeRange;
    stepSeconds: number;
  }): Promise<SliSample[]>;
}

/** Lets modules add SLI sources to the sre backend plugin. @public */
export interface SreSliSourcesExtensionPoint {
  /** Adds one or more SLI sources; a later source with the same type replaces an earlier one. */
  addSliSource(...sources: SliSource[]): void;
}

/** @public */
export const sreSliSourcesExtensionPoint =
  createExtensionPoint<SreSliSourcesExtensionPoint>({
    id: 'sre.sli-sources',
  });
