import { CumulativeCounts, SloInterval } from './counts';
import {
  alertStateOf,
  BURN_RATE_WINDOW_SECONDS,
  burnRatesOf,
  DEFAULT_SLO_POLICY,
  errorBudgetOf,
  isLowTraffic,
  sliOf,
  SloPolicy,
  timeToExhaustion,
} from './math';
import type { SloHistoryPoint, SloSummary, SloWindow } from './types';
import { BURN_RATE_WINDOWS } from './types';
import { windowAt } from './window';

/** What an objective's evaluation adds to its definition. @public */
export type SloObjectiveEvaluation = Pick<
  SloSummary,
  | 'windowStart'
  | 'windowEnd'
  | 'sli'
  | 'counts'
  | 'errorBudget'
  | 'burnRates'
  | 'alerting'
  | 'alertRules'
  | 'timeToExhaustion'
  | 'lowTraffic'
  | 'history'
  | 'maintenance'
>;

const alignDown = (timestamp: number, stepMs: number) =>
  Math.floor(timestamp / stepMs) * stepMs;

/** The window start and the history points' times, all on step ends. */
function evaluationPlan(
  window: SloWindow,
  asOf: number,
  stepMs: number,
  historyPoints: number,
) {
  const bounds = windowAt(window, asOf);
  const start = alignDown(bounds.start, stepMs);
  const span = asOf - start;
  const interval = Math.max(
    stepMs,
    Math.ceil(span / Math.max(1, historyPoints) / stepMs) * stepMs,
  );
  const history: number[] = [];
  for (let t = asOf; t > start; t -= interval) history.unshift(t);
  return { start, seconds: bounds.seconds, history };
}

/**
 * The step ends whose running totals an evaluation reads, so that a store
 * can fetch only those rows.
 * @public
 */
export function sloEvaluationTimestamps(options: {
  window: SloWindow;
  asOf: number;
  stepSeconds: number;
  maintenance?: SloInterval[];
  policy?: SloPolicy;
}): number[] {
  const stepMs = options.stepSeconds * 1000;
  const plan = evaluationPlan(
    options.window,
    options.asOf,
    stepMs,
    (options.policy ?? DEFAULT_SLO_POLICY).historyPoints,
  );
  const times = new Set<number>([plan.start, options.asOf, ...plan.history]);
  for (const window of BURN_RATE_WINDOWS) {
    times.add(options.asOf - BURN_RATE_WINDOW_SECONDS[window] * 1000);
  }
  for (const interval of options.maintenance ?? []) {
    times.add(interval.start);
    times.add(interval.end);
  }
  return [...times].sort((a, b) => a - b);
}

/**
 * Evaluates one objective as of the end of the last stored step: SLI and
 * budget over the window, burn rates, the multiwindow alert state, time to
 * exhaustion, the low-traffic flag and the burn-down (the window so far at
 * each point). `counts` must hold running totals at every time that
 * {@link sloEvaluationTimestamps} names, with maintenance already excluded.
 * @public
 */
export function evaluateSloObjective(options: {
  window: SloWindow;
  objective: number;
  counts: CumulativeCounts;
  /** End of the last stored step, or null before any data. */
  asOf: number | null;
  stepSeconds: number;
  maintenance?: SloInterval[];
  policy?: SloPolicy;
}): SloObjectiveEvaluation {
  const policy = options.policy ?? DEFAULT_SLO_POLICY;
  const { objective, counts, asOf } = options;
  const nullRates = Object.fromEntries(
    BURN_RATE_WINDOWS.map(window => [window, null]),
  ) as SloSummary['burnRates'];
  if (asOf === null) {
    const alert = alertStateOf(nullRates, 30 * 86400, policy.alertRules);
    return {
      windowStart: null,
      windowEnd: null,
      sli: null,
      counts: { good: 0, bad: 0, total: 0 },
      errorBudget: { remaining: null, consumed: null, allowedBadEvents: null },
      burnRates: nullRates,
      alerting: 'unknown',
      alertRules: alert.rules,
      timeToExhaustion: { '1h': null, '6h': null },
      lowTraffic: true,
      history: [],
      maintenance: [],
    };
  }
  const stepMs = options.stepSeconds * 1000;
  const plan = evaluationPlan(
    options.window,
    asOf,
    stepMs,
    policy.historyPoints,
  );
  const windowCounts = counts.between(plan.start, asOf);
  const errorBudget = errorBudgetOf(windowCounts, objective);
  const burnRates = burnRatesOf(
    seconds => counts.between(asOf - seconds * 1000, asOf),
    objective,
  );
  const alert = alertStateOf(burnRates, plan.seconds, policy.alertRules);
  const history: SloHistoryPoint[] = plan.history.map(timestamp => {
    const sofar = counts.between(plan.start, timestamp);
    return {
      timestamp: new Date(timestamp).toISOString(),
      sli: sliOf(sofar),
      budgetRemaining: errorBudgetOf(sofar, objective).remaining,
    };
  });
  return {
    windowStart: new Date(plan.start).toISOString(),
    windowEnd: new Date(asOf).toISOString(),
    sli: sliOf(windowCounts),
    counts: {
      good: windowCounts.good,
      bad: windowCounts.total - windowCounts.good,
      total: windowCounts.total,
    },
    errorBudget,
    burnRates,
    alerting: alert.state,
    alertRules: alert.rules,
    timeToExhaustion: {
      '1h': timeToExhaustion(
        errorBudget.remaining,
        burnRates['1h'],
        plan.seconds,
      ),
      '6h': timeToExhaustion(
        errorBudget.remaining,
        burnRates['6h'],
        plan.seconds,
      ),
    },
    lowTraffic: isLowTraffic(
      windowCounts.total,
      objective,
      policy.lowTrafficBudgetShare,
    ),
    history,
    maintenance: (options.maintenance ?? [])
      .filter(interval => interval.end > plan.start && interval.start < asOf)
      .map(interval => ({
        start: new Date(interval.start).toISOString(),
        end: new Date(interval.end).toISOString(),
      })),
  };
}
