import type {
  BurnRateWindow,
  SloAlertRuleResult,
  SloAlertState,
} from './types';
import { BURN_RATE_WINDOWS } from './types';

/** Good and total events over some time. @public */
export interface SloCounts {
  good: number;
  total: number;
}

/** Seconds of each burn-rate window. @public */
export const BURN_RATE_WINDOW_SECONDS: Record<BurnRateWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};

/** The window the SRE Workbook's burn-rate thresholds were written for. */
const WORKBOOK_WINDOW_SECONDS = 30 * 86400;

/** One multiwindow alert rule: fires when both windows burn faster than `burnRate`. @public */
export interface SloAlertRule {
  severity: 'page' | 'ticket';
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
  /** Threshold for a 30-day window; scaled to the SLO's own window. */
  burnRate: number;
}

/** How SLOs are judged; every field has a documented default. @public */
export interface SloPolicy {
  alertRules: SloAlertRule[];
  /** A window is "low traffic" when one bad event spends at least this share of its budget. */
  lowTrafficBudgetShare: number;
  /** Points of the burn-down chart. */
  historyPoints: number;
}

/**
 * The SRE Workbook's multiwindow, multi-burn-rate alerts (chapter 5, table
 * 5-8): 2% of a 30-day budget in 1 hour or 5% in 6 hours pages; 10% in
 * 1 day or 3 days opens a ticket.
 * @public
 */
export const DEFAULT_SLO_POLICY: SloPolicy = {
  alertRules: [
    { severity: 'page', longWindow: '1h', shortWindow: '5m', burnRate: 14.4 },
    { severity: 'page', longWindow: '6h', shortWindow: '30m', burnRate: 6 },
    { severity: 'ticket', longWindow: '1d', shortWindow: '2h', burnRate: 3 },
    { severity: 'ticket', longWindow: '3d', shortWindow: '6h', burnRate: 1 },
  ],
  lowTrafficBudgetShare: 0.01,
  historyPoints: 60,
};

/** SLI = good / total; null without traffic. @public */
export function sliOf(counts: SloCounts): number | null {
  return counts.total > 0 ? counts.good / counts.total : null;
}

/**
 * Error budget of a window: budget consumed = bad / (total × (1 − objective)),
 * remaining = 1 − consumed (negative once overspent); null without traffic.
 * @public
 */
export function errorBudgetOf(
  counts: SloCounts,
  objective: number,
): {
  consumed: number | null;
  remaining: number | null;
  allowedBadEvents: number | null;
} {
  if (counts.total <= 0) {
    return { consumed: null, remaining: null, allowedBadEvents: null };
  }
  const allowedBadEvents = counts.total * (1 - objective);
  const consumed = (counts.total - counts.good) / allowedBadEvents;
  return { consumed, remaining: 1 - consumed, allowedBadEvents };
}

/** Burn rate = (bad / total) / (1 − objective); 1 spends the budget exactly over the window. @public */
export function burnRateOf(
  counts: SloCounts,
  objective: number,
): number | null {
  if (counts.total <= 0) return null;
  return (counts.total - counts.good) / counts.total / (1 - objective);
}

/** A rule's threshold scaled to an SLO window: 14.4 for 30 days is 13.44 for 28 days. @public */
export function scaledBurnRateThreshold(
  rule: SloAlertRule,
  windowSeconds: number,
): number {
  return (rule.burnRate * windowSeconds) / WORKBOOK_WINDOW_SECONDS;
}

/**
 * The multiwindow alert state: `page` when a page rule fires, else `ticket`
 * when a ticket rule fires, else `ok` when the long window of every rule has
 * traffic, else `unknown`.
 * @public
 */
export function alertStateOf(
  burnRates: Record<BurnRateWindow, number | null>,
  windowSeconds: number,
  rules: SloAlertRule[] = DEFAULT_SLO_POLICY.alertRules,
): { state: SloAlertState; rules: SloAlertRuleResult[] } {
  const results = rules.map(rule => {
    const threshold = scaledBurnRateThreshold(rule, windowSeconds);
    const longBurnRate = burnRates[rule.longWindow];
    const shortBurnRate = burnRates[rule.shortWindow];
    return {
      severity: rule.severity,
      longWindow: rule.longWindow,
      shortWindow: rule.shortWindow,
      threshold,
      longBurnRate,
      shortBurnRate,
      firing:
        longBurnRate !== null &&
        shortBurnRate !== null &&
        longBurnRate > threshold &&
        shortBurnRate > threshold,
    };
  });
  const firing = (severity: 'page' | 'ticket') =>
    results.some(rule => rule.firing && rule.severity === severity);
  let state: SloAlertState = 'unknown';
  if (firing('page')) state = 'page';
  else if (firing('ticket')) state = 'ticket';
  else if (results.every(rule => rule.longBurnRate !== null)) state = 'ok';
  return { state, rules: results };
}

/**
 * Seconds until the remaining budget is spent at a burn rate: a burn rate of
 * 1 spends a whole budget in one window. 0 once spent; null when not burning.
 * @public
 */
export function timeToExhaustion(
  remaining: number | null,
  burnRate: number | null,
  windowSeconds: number,
): number | null {
  if (remaining === null) return null;
  if (remaining <= 0) return 0;
  if (burnRate === null || burnRate <= 0) return null;
  return (remaining * windowSeconds) / burnRate;
}

/** True when a single bad event would consume at least `budgetShare` of the window's budget. @public */
export function isLowTraffic(
  total: number,
  objective: number,
  budgetShare: number = DEFAULT_SLO_POLICY.lowTrafficBudgetShare,
): boolean {
  if (total <= 0) return true;
  return 1 / (total * (1 - objective)) >= budgetShare;
}

/** Burn rates for every window from a counting function. @public */
export function burnRatesOf(
  countsOver: (seconds: number) => SloCounts,
  objective: number,
): Record<BurnRateWindow, number | null> {
  return Object.fromEntries(
    BURN_RATE_WINDOWS.map(window => [
      window,
      burnRateOf(countsOver(BURN_RATE_WINDOW_SECONDS[window]), objective),
    ]),
  ) as Record<BurnRateWindow, number | null>;
}
