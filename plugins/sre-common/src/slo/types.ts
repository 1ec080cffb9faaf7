/** Windows over which Baton computes burn rates. @public */
export const BURN_RATE_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const;

/** A burn-rate window, e.g. `1h`. @public */
export type BurnRateWindow = (typeof BURN_RATE_WINDOWS)[number];

/** An OpenSLO `metricSource`: which system to ask, and what. @public */
export interface SloMetricSource {
  /** e.g. `Prometheus`, `Mackerel`. */
  type: string;
  /** The OpenSLO `metricSourceRef`: a named instance of that system. */
  sourceRef?: string;
  spec: Record<string, unknown>;
}

/** The SLO's time window. @public */
export type SloWindow =
  | {
      type: 'rolling';
      /** As written, e.g. `28d`. */
      duration: string;
      seconds: number;
    }
  | {
      type: 'calendar';
      duration: string;
      unit: 'days' | 'weeks' | 'months' | 'quarters' | 'years';
      count: number;
      /** Local time in `timeZone` at which the first period starts. */
      startTime: string;
      timeZone: string;
    };

/** Comparison of a threshold objective: good when `value op threshold`. @public */
export type SloThresholdOperator = 'lt' | 'lte' | 'gt' | 'gte';

/** What counts as good and total events. @public */
export type SloIndicator =
  | {
      type: 'ratio';
      name?: string;
      /** The queries return cumulative counters; Baton computes the increases. */
      counter: boolean;
      good?: SloMetricSource;
      bad?: SloMetricSource;
      total: SloMetricSource;
    }
  | {
      type: 'threshold';
      name?: string;
      /** One value per step; the step is good when it meets the objective's threshold. */
      metric: SloMetricSource;
    };

/** One objective of an SLO. @public */
export interface SloObjective {
  displayName?: string;
  /** Fraction of good events, in (0, 1). */
  target: number;
  /** Threshold metrics only. */
  op?: SloThresholdOperator;
  value?: number;
  /** Timeslices only: a slice is good when this share of its events is good. */
  timeSliceTarget?: number;
  /** Timeslices only: the slice length as written, e.g. `5m`, and in seconds. */
  timeSliceWindow?: string;
  timeSliceSeconds?: number;
}

/** One OpenSLO v1 `kind: SLO`, checked and normalised. @public */
export interface SloDefinition {
  name: string;
  displayName?: string;
  description?: string;
  /** Where it was read from. */
  file: string;
  /** Field path prefix of its document in a file of several, e.g. `[2].`; empty otherwise. */
  fieldPrefix: string;
  /** Occurrences counts events; Timeslices counts good slices of time. */
  budgetingMethod: 'Occurrences' | 'Timeslices';
  window: SloWindow;
  indicator: SloIndicator;
  objectives: SloObjective[];
}

/**
 * Why an OpenSLO file or SLO cannot be used. `code` and `params` are stable,
 * so that a UI can translate; `message` is the English text for scripts.
 * @public
 */
export interface SloProblem {
  file: string;
  /** The SLO's name when the problem is inside one. */
  slo?: string;
  /** Path of the field, e.g. `spec.objectives[0].target`; empty for the whole file. */
  field: string;
  code:
    | 'unreadable'
    | 'yaml'
    | 'required'
    | 'invalid-type'
    | 'invalid-value'
    | 'unsupported'
    | 'unknown-reference'
    | 'duplicate'
    | 'no-source';
  params: Record<string, string | number>;
  message: string;
}

/** A query as Baton ran it, so that every number can be traced. @public */
export interface SloQuery {
  role: 'good' | 'bad' | 'total' | 'metric';
  type: string;
  sourceRef?: string;
  spec: Record<string, unknown>;
}

/** State of the multiwindow multi-burn-rate alert. @public */
export type SloAlertState = 'ok' | 'ticket' | 'page' | 'unknown';

/** One rule of the multiwindow alert as evaluated. @public */
export interface SloAlertRuleResult {
  severity: 'page' | 'ticket';
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
  /** Threshold after scaling to the SLO's window. */
  threshold: number;
  longBurnRate: number | null;
  shortBurnRate: number | null;
  firing: boolean;
}

/** A point of the budget burn-down: the window so far, up to `timestamp`. @public */
export interface SloHistoryPoint {
  timestamp: string;
  sli: number | null;
  budgetRemaining: number | null;
}

/** One objective of one SLO as `GET /entities/{ref}/slos` returns it. @public */
export interface SloSummary {
  /** Stable id: `<slo name>` or `<slo name>#<objective index>` when it has several. */
  id: string;
  name: string;
  displayName?: string;
  objectiveDisplayName?: string;
  description?: string;
  file: string;
  /** Target as a fraction in 0..1, e.g. 0.999. */
  objective: number;
  /** As written in the file, e.g. `28d`, or `1M` for a calendar month. */
  window: string;
  windowType: 'rolling' | 'calendar';
  /** With Timeslices the counts are slices of `timeSliceWindow`, good when `timeSliceTarget` of their events are. */
  budgetingMethod: 'Occurrences' | 'Timeslices';
  timeSliceTarget?: number;
  timeSliceWindow?: string;
  /** The window evaluated now: start and end (the last evaluated step). */
  windowStart: string | null;
  windowEnd: string | null;
  /** Good / total over the window, a fraction in 0..1; null before any traffic. */
  sli: number | null;
  counts: { good: number; bad: number; total: number };
  errorBudget: {
    /** 1 − consumed; negative once the budget is spent. */
    remaining: number | null;
    consumed: number | null;
    /** Bad events the window allows at its traffic so far. */
    allowedBadEvents: number | null;
  };
  burnRates: Record<BurnRateWindow, number | null>;
  alerting: SloAlertState;
  alertRules: SloAlertRuleResult[];
  /** Seconds until the budget is spent at the current 1h and 6h burn rates; null when not burning. */
  timeToExhaustion: { '1h': number | null; '6h': number | null };
  /** True when one bad event would consume at least the configured share of the budget. */
  lowTraffic: boolean;
  /** Maintenance intervals left out of every count. */
  maintenance: Array<{ start: string; end: string }>;
  queries: SloQuery[];
  stepSeconds: number;
  lastEvaluatedAt: string | null;
  /** The last evaluation's error, e.g. the source was unreachable; the numbers are from stored data. */
  lastError: string | null;
  history: SloHistoryPoint[];
}

/** `GET /entities/{ref}/slos`. @public */
export interface SloResponse {
  items: SloSummary[];
  /** Files or SLOs that could not be used, with the field and reason. */
  problems: SloProblem[];
  /**
   * The entity is seen for the first time and another replica is still
   * reading its SLI history from the sources: nothing is evaluated yet.
   */
  backfilling?: boolean;
}
