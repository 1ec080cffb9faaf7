import type { AlertItem } from '../alerts/types';
import type { Money } from '../cost/types';
import type { ReadinessLevel, ReadinessTrendPoint } from '../readiness/types';
import { compareSloStatus, sloStatus, SloStatusInput } from '../slo/status';
import type { SloHistoryPoint, SloSummary } from '../slo/types';
import type {
  ReviewAlertsSection,
  ReviewReadinessChange,
  ReviewSloReason,
  ReviewSlosSection,
  ReviewCostSection,
} from './types';

/** Alerts listed per service on the agenda; the counts cover all of them. @public */
export const REVIEW_ALERTS_PER_SERVICE = 10;

/** Services listed as cost movers. @public */
export const REVIEW_COST_MOVERS = 5;

/** A service of the team: its ref and the name to show. @public */
export interface ReviewService {
  entityRef: string;
  title: string;
}

const isNoisy = (alert: Pick<AlertItem, 'noise'>) => alert.noise.length > 0;

/**
 * Alerts since the review, per service of the team: services with the most
 * noisy alerts first, and within one service the noisy alerts first, then
 * the newest. An alert of two services counts for each; `total` counts it once.
 * @public
 */
export function reviewAlertsSection(
  alerts: Array<
    Pick<
      AlertItem,
      | 'id'
      | 'title'
      | 'severity'
      | 'status'
      | 'startsAt'
      | 'endsAt'
      | 'acknowledgedBy'
      | 'entityRefs'
      | 'noise'
    >
  >,
  services: ReviewService[],
): ReviewAlertsSection {
  const byService = new Map(
    services.map(service => [service.entityRef, [] as typeof alerts]),
  );
  for (const alert of alerts) {
    for (const ref of new Set(alert.entityRefs))
      byService.get(ref)?.push(alert);
  }
  const newestFirst = (a: { startsAt: string }, b: { startsAt: string }) =>
    Date.parse(b.startsAt) - Date.parse(a.startsAt);
  const sections = services
    .map(service => {
      const own = byService.get(service.entityRef) ?? [];
      const ordered = [...own].sort(
        (a, b) => Number(isNoisy(b)) - Number(isNoisy(a)) || newestFirst(a, b),
      );
      return {
        entityRef: service.entityRef,
        title: service.title,
        count: own.length,
        noisy: own.filter(isNoisy).length,
        alerts: ordered.slice(0, REVIEW_ALERTS_PER_SERVICE).map(alert => ({
          id: alert.id,
          title: alert.title,
          severity: alert.severity,
          status: alert.status,
          startsAt: alert.startsAt,
          ...(alert.endsAt ? { endsAt: alert.endsAt } : {}),
          acknowledgedBy: alert.acknowledgedBy,
          noise: alert.noise,
        })),
      };
    })
    .filter(section => section.count > 0)
    .sort(
      (a, b) =>
        b.noisy - a.noisy ||
        b.count - a.count ||
        a.title.localeCompare(b.title, 'en'),
    );
  const owned = alerts.filter(alert =>
    alert.entityRefs.some(ref => byService.has(ref)),
  );
  return {
    total: owned.length,
    noisy: owned.filter(isNoisy).length,
    services: sections,
  };
}

/**
 * Why an SLO belongs on the agenda: the conditions of its status that hold,
 * worst first (its error budget is spent, its SLI is under the objective, a
 * burn-rate rule fires). Empty when none holds.
 * @public
 */
export function sloRiskReasons(slo: SloStatusInput): ReviewSloReason[] {
  return sloStatus(slo).conditions;
}

/**
 * The error budget spent since a time: the budget left at the last history
 * point at or before it, minus the budget left now. Negative when a rolling
 * window gave budget back. Null when the history does not reach back that far.
 * @public
 */
export function budgetSpentSince(
  history: SloHistoryPoint[],
  since: string,
  remainingNow: number | null,
): number | null {
  if (remainingNow === null) return null;
  const sinceMs = Date.parse(since);
  let before: SloHistoryPoint | undefined;
  for (const point of history) {
    if (Date.parse(point.timestamp) > sinceMs) continue;
    if (!before || Date.parse(point.timestamp) > Date.parse(before.timestamp)) {
      before = point;
    }
  }
  if (!before || before.budgetRemaining === null) return null;
  return before.budgetRemaining - remainingNow;
}

const ALERTING_ORDER: Record<string, number> = { page: 0, ticket: 1 };

/**
 * The SLOs of the team's services that are at risk, the worst status first
 * (budget exhausted, below objective, burning), then paging ones, then the
 * least budget left.
 * @public
 */
export function reviewSlosSection(
  services: Array<ReviewService & { slos: SloSummary[] }>,
  since: string,
): ReviewSlosSection {
  const atRisk: ReviewSlosSection['atRisk'] = [];
  let checked = 0;
  for (const service of services) {
    for (const slo of service.slos) {
      checked += 1;
      const reasons = sloRiskReasons(slo);
      if (!reasons.length) continue;
      atRisk.push({
        entityRef: service.entityRef,
        title: service.title,
        sloId: slo.id,
        name: slo.displayName ?? slo.name,
        objective: slo.objective,
        sli: slo.sli,
        budgetRemaining: slo.errorBudget.remaining,
        budgetSpentSince: budgetSpentSince(
          slo.history,
          since,
          slo.errorBudget.remaining,
        ),
        alerting: slo.alerting,
        reasons,
      });
    }
  }
  atRisk.sort(
    (a, b) =>
      compareSloStatus(a.reasons[0], b.reasons[0]) ||
      (ALERTING_ORDER[a.alerting] ?? 2) - (ALERTING_ORDER[b.alerting] ?? 2) ||
      (a.budgetRemaining ?? Infinity) - (b.budgetRemaining ?? Infinity) ||
      a.entityRef.localeCompare(b.entityRef, 'en'),
  );
  return { checked, atRisk };
}

/**
 * The services whose spend moved most since the review, by amount either
 * way; services that did not move are left out.
 * @public
 */
export function costMovers(
  entities: Array<
    ReviewService & {
      total: Money;
      previousTotal: Money;
      change: number | null;
      changeAmount: Money;
    }
  >,
  count = REVIEW_COST_MOVERS,
): ReviewCostSection['movers'] {
  return entities
    .filter(entity => entity.changeAmount.amount !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.changeAmount.amount) - Math.abs(a.changeAmount.amount) ||
        a.entityRef.localeCompare(b.entityRef, 'en'),
    )
    .slice(0, count)
    .map(
      ({ entityRef, title, total, previousTotal, change, changeAmount }) => ({
        entityRef,
        title,
        total,
        previousTotal,
        change,
        changeAmount,
      }),
    );
}

const LEVEL_RANK: Record<ReadinessLevel, number> = {
  'single-point-of-failure': 0,
  'at-risk': 1,
  ready: 2,
};

/**
 * Services whose readiness level now differs from their last daily snapshot
 * on or before the agenda's start, worse ones first. A service without a
 * snapshot that old has nothing to compare and is left out.
 * @public
 */
export function readinessChanges(
  services: Array<
    ReviewService & {
      level: ReadinessLevel;
      score: number;
      trend: ReadinessTrendPoint[];
    }
  >,
  since: string,
): ReviewReadinessChange[] {
  const sinceDay = new Date(since).toISOString().slice(0, 10);
  const changes: ReviewReadinessChange[] = [];
  for (const service of services) {
    const before = service.trend
      .filter(point => point.day <= sinceDay)
      .reduce<ReadinessTrendPoint | undefined>(
        (last, point) => (!last || point.day > last.day ? point : last),
        undefined,
      );
    if (!before || before.level === service.level) continue;
    changes.push({
      entityRef: service.entityRef,
      title: service.title,
      before: { day: before.day, level: before.level, score: before.score },
      after: { level: service.level, score: service.score },
      direction:
        LEVEL_RANK[service.level] > LEVEL_RANK[before.level]
          ? 'better'
          : 'worse',
    });
  }
  return changes.sort(
    (a, b) =>
      Number(a.direction === 'better') - Number(b.direction === 'better') ||
      a.title.localeCompare(b.title, 'en'),
  );
}
