import type { SloAlertRuleResult, SloSummary } from './types';

/**
 * A condition that puts an SLO at risk, worst first: its error budget is
 * spent, its SLI is below the objective, or a burn-rate alert rule fires.
 * @public
 */
export type SloCondition = 'budget-exhausted' | 'below-objective' | 'burning';

/** The conditions from worst to mildest; an SLO's status is the worst that holds. @public */
export const SLO_CONDITIONS: readonly SloCondition[] = [
  'budget-exhausted',
  'below-objective',
  'burning',
];

/**
 * The one status of an SLO that every view labels it with: the worst
 * condition that holds, else `ok`; `no-data` before any traffic in the window.
 * @public
 */
export type SloStatus = SloCondition | 'ok' | 'no-data';

/** The statuses in English, as the SLO card labels them, for exports and scripts. @public */
export const SLO_STATUS_LABELS: Record<SloStatus, string> = {
  'budget-exhausted': 'Budget exhausted',
  'below-objective': 'Below objective',
  burning: 'Burning',
  ok: 'OK',
  'no-data': 'No data',
};

/** What made an SLO's status what it is. @public */
export type SloStatusReason =
  | {
      kind: 'budget-exhausted';
      /** 1 − consumed: 0 or negative, e.g. −12.46 when overspent by 1,246%. */
      budgetRemaining: number;
    }
  | { kind: 'below-objective'; sli: number; objective: number }
  | {
      kind: 'burning';
      /** `page` when a page rule fires, else `ticket`. */
      severity: 'page' | 'ticket';
      /** The rules that fire, page rules first. */
      rules: SloAlertRuleResult[];
    }
  | {
      kind: 'ok';
      /** False when some rule's long window had no traffic, so it could not be judged. */
      rulesEvaluated: boolean;
    }
  | { kind: 'no-data' };

/** An SLO's status, why, and every condition that holds. @public */
export interface SloStatusResult {
  /** The worst condition that holds, else `ok`, or `no-data` before any traffic. */
  status: SloStatus;
  /** What made it so: the budget left, the SLI, or the rules that fire. */
  reason: SloStatusReason;
  /** Every condition that holds, worst first; the first one is the status. */
  conditions: SloCondition[];
}

/** The fields of an evaluated SLO that its status depends on. @public */
export type SloStatusInput = Pick<
  SloSummary,
  'sli' | 'objective' | 'errorBudget' | 'alerting' | 'alertRules'
>;

/**
 * An SLO's status: the worst of its budget, its SLI and its burn-rate alert.
 * A spent budget (remaining ≤ 0) is worse than an SLI below the objective,
 * which is worse than a firing rule. Without traffic in the window there is
 * nothing to judge (`no-data`), unless a rule still fires.
 * @public
 */
export function sloStatus(slo: SloStatusInput): SloStatusResult {
  const remaining = slo.errorBudget.remaining;
  const firingRules = [...slo.alertRules]
    .filter(rule => rule.firing)
    .sort(
      (a, b) => Number(b.severity === 'page') - Number(a.severity === 'page'),
    );
  // The alert state is the source of truth when the rules were not returned.
  const burning =
    firingRules.length > 0 ||
    slo.alerting === 'page' ||
    slo.alerting === 'ticket';
  const holds: Record<SloCondition, boolean> = {
    'budget-exhausted': remaining !== null && remaining <= 0,
    'below-objective': slo.sli !== null && slo.sli < slo.objective,
    burning,
  };
  const conditions = SLO_CONDITIONS.filter(condition => holds[condition]);
  const worst = conditions[0];
  if (worst === 'budget-exhausted') {
    return {
      status: worst,
      reason: { kind: worst, budgetRemaining: remaining! },
      conditions,
    };
  }
  if (worst === 'below-objective') {
    return {
      status: worst,
      reason: { kind: worst, sli: slo.sli!, objective: slo.objective },
      conditions,
    };
  }
  if (worst === 'burning') {
    const severity =
      slo.alerting === 'page' || firingRules[0]?.severity === 'page'
        ? 'page'
        : 'ticket';
    return {
      status: worst,
      reason: { kind: worst, severity, rules: firingRules },
      conditions,
    };
  }
  if (slo.sli === null) {
    return { status: 'no-data', reason: { kind: 'no-data' }, conditions };
  }
  return {
    status: 'ok',
    reason: { kind: 'ok', rulesEvaluated: slo.alerting === 'ok' },
    conditions,
  };
}

/** Orders statuses worst first: negative when `a` is worse than `b`. @public */
export function compareSloStatus(a: SloStatus, b: SloStatus): number {
  const rank = (status: SloStatus) => {
    const index = (SLO_CONDITIONS as readonly string[]).indexOf(status);
    if (index >= 0) return index;
    return status === 'ok' ? SLO_CONDITIONS.length + 1 : SLO_CONDITIONS.length;
  };
  return rank(a) - rank(b);
}
