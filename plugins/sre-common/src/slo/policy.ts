import { Interval } from 'luxon';
import type { SloInterval } from './counts';
import {
  BURN_RATE_WINDOW_SECONDS,
  DEFAULT_SLO_POLICY,
  SloAlertRule,
  SloPolicy,
} from './math';
import type { BurnRateWindow } from './types';

const isWindow = (value: unknown): value is BurnRateWindow =>
  typeof value === 'string' && value in BURN_RATE_WINDOW_SECONDS;

/**
 * The default SLO policy with config overrides laid over it (`sre.slo`).
 * Throws a TypeError naming the setting when a value is wrong, so that a typo
 * fails at start-up.
 * @public
 */
export function sloPolicy(overrides?: {
  alertRules?: unknown;
  lowTrafficBudgetShare?: unknown;
  historyPoints?: unknown;
}): SloPolicy {
  const policy: SloPolicy = { ...DEFAULT_SLO_POLICY };
  if (overrides?.alertRules !== undefined) {
    if (!Array.isArray(overrides.alertRules)) {
      throw new TypeError('sre.slo.alertRules must be a list of rules');
    }
    policy.alertRules = overrides.alertRules.map(
      (rule, index): SloAlertRule => {
        const at = `sre.slo.alertRules[${index}]`;
        if (rule?.severity !== 'page' && rule?.severity !== 'ticket') {
          throw new TypeError(`${at}.severity must be page or ticket`);
        }
        for (const key of ['longWindow', 'shortWindow']) {
          if (!isWindow(rule[key])) {
            throw new TypeError(
              `${at}.${key} must be one of ${Object.keys(
                BURN_RATE_WINDOW_SECONDS,
              ).join(', ')}`,
            );
          }
        }
        if (typeof rule.burnRate !== 'number' || !(rule.burnRate > 0)) {
          throw new TypeError(`${at}.burnRate must be a positive number`);
        }
        return {
          severity: rule.severity,
          longWindow: rule.longWindow,
          shortWindow: rule.shortWindow,
          burnRate: rule.burnRate,
        };
      },
    );
  }
  if (overrides?.lowTrafficBudgetShare !== undefined) {
    const share = overrides.lowTrafficBudgetShare;
    if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
      throw new TypeError(
        'sre.slo.lowTrafficBudgetShare must be a number in (0, 1]',
      );
    }
    policy.lowTrafficBudgetShare = share;
  }
  if (overrides?.historyPoints !== undefined) {
    const points = overrides.historyPoints;
    if (
      typeof points !== 'number' ||
      !Number.isInteger(points) ||
      points < 2 ||
      points > 1000
    ) {
      throw new TypeError(
        'sre.slo.historyPoints must be an integer from 2 to 1000',
      );
    }
    policy.historyPoints = points;
  }
  return policy;
}

/**
 * Maintenance windows as ISO 8601 intervals separated by commas or new
 * lines (`2026-11-20T01:00Z/2026-11-20T03:00Z`, `2026-11-21T00:00Z/PT2H`), as
 * written in `baton.dev/maintenance` or config. Returns the intervals and the
 * entries that are not intervals.
 * @public
 */
export function parseMaintenanceWindows(text: string | string[] | undefined): {
  intervals: SloInterval[];
  invalid: string[];
} {
  const entries = (Array.isArray(text) ? text : (text ?? '').split(/[,\n]/))
    .map(entry => entry.trim())
    .filter(Boolean);
  const intervals: SloInterval[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const interval = Interval.fromISO(entry, { setZone: true });
    if (interval.isValid && interval.start && interval.end) {
      intervals.push({
        start: interval.start.toMillis(),
        end: interval.end.toMillis(),
      });
    } else {
      invalid.push(entry);
    }
  }
  return { intervals, invalid };
}
