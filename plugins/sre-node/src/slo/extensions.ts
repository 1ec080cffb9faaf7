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

/** An OpenSLO `metricSource`: which system to ask, and what. @public */
export interface SliMetricSource {
  /** The OpenSLO `metricSource.type`, e.g. `Prometheus` or `Mackerel`. */
  type: string;
  /** The OpenSLO `metricSourceRef`: a named instance of that system. */
  sourceRef?: string;
  /** The OpenSLO `metricSource.spec`, as the source defines it. */
  spec: Record<string, unknown>;
}

/**
 * Reads SLI series from a metric system (Prometheus, Mackerel, …). Chosen by
 * the OpenSLO `metricSource.type` it answers to.
 *
 * Baton asks for whole evaluation steps and assigns each sample to the step
 * `(t - step, t]` that holds its timestamp. For an OpenSLO `counter: true`
 * query the samples are the counter's values (Baton computes the increases
 * and handles resets); otherwise each sample is the number of events since
 * the previous one.
 *
 * @public
 */
export interface SliSource {
  /** The OpenSLO `metricSource.type` this source serves, e.g. `Prometheus`. */
  readonly type: string;
  /**
   * Whether this source serves a metric source of its type. A source that
   * answers only some queries of a type (the demo source) says so here, and
   * is asked before the sources that take every query of the type.
   */
  handles?(metricSource: SliMetricSource): boolean;
  /**
   * Runs one query of an SLI over a range and returns its samples in time
   * order; the source chooses its own resolution, at most one sample per step
   * where it can. Throws when the system cannot answer, with a message that
   * says why (never a secret).
   */
  queryRange(options: {
    metricSource: SliMetricSource;
    range: TimeRange;
    stepSeconds: number;
  }): Promise<SliSample[]>;
}

/** Lets modules add SLI sources to the sre backend plugin. @public */
export interface SreSliSourcesExtensionPoint {
  /** Adds one or more SLI sources. */
  addSliSource(...sources: SliSource[]): void;
}

/** @public */
export const sreSliSourcesExtensionPoint =
  createExtensionPoint<SreSliSourcesExtensionPoint>({
    id: 'sre.sli-sources',
  });
