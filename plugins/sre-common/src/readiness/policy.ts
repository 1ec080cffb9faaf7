import type { ReadinessCheckId } from './types';

/** Weights, thresholds and critical checks of the readiness score; config can override each. @public */
export interface ReadinessPolicy {
  weights: Record<ReadinessCheckId, number>;
  /** A critical check that fails or is unknown keeps a service from `ready`. */
  critical: ReadinessCheckId[];
  thresholds: {
    minTruckFactor: number;
    recentCommitDays: number;
    minRecentCommitters: number;
    /** A knowledge holder without a commit in this many days is former: shown, not counted. */
    knowledgeHolderDays: number;
    minGroupMembers: number;
    responderDays: number;
    minResponders: number;
    maxResponderShare: number;
    alertsSeenDays: number;
    minAdmins: number;
    accessReviewMaxAgeDays: number;
    drillMaxAgeDays: number;
    /** A runbook changed (git) or reviewed (baton.dev/runbook-reviewed) longer ago than this is stale. */
    runbookMaxAgeDays: number;
    /** A backup copy (cross-region, cross-account) counts when it completed within this many days. */
    backupCopyMaxAgeDays: number;
    /** The backups check's weight is multiplied by this (0..1) when it passes on a declaration a backup source has no evidence for. */
    backupDeclaredWeight: number;
    maxNoiseShare: number;
    /** The window of the production-change checks. */
    changesDays: number;
    /** Share of production changes done with a pair (someone other than the operator). */
    minPairedShare: number;
    /** Share of production changes whose procedure someone other than its author reviewed. */
    minReviewedShare: number;
    /** People who ran a production change in the window. */
    minChangeOperators: number;
    /** The window of the restore-practised check (and of the drills readiness reads). */
    restorePractisedDays: number;
    /** Current team members who took part in a restore drill in that window. */
    minRestorePractised: number;
    /** Score from which a service with no critical gap is `ready`. */
    readyScore: number;
  };
}

/** The documented defaults (README, "Ready for leave"). @public */
export const DEFAULT_READINESS_POLICY: ReadinessPolicy = {
  weights: {
    'truck-factor': 3,
    'recent-committers': 2,
    'owner-group': 2,
    'alert-responders': 2,
    techdocs: 1,
    runbook: 2,
    iac: 2,
    backups: 2,
    slo: 1,
    'alert-routing': 1,
    'access-holders': 2,
    'access-review': 1,
    drill: 1,
    'alert-noise': 1,
    'changes-paired': 1,
    'procedures-reviewed': 1,
    'change-operators': 2,
    'restore-practised': 2,
  },
  critical: ['truck-factor', 'runbook', 'backups'],
  thresholds: {
    minTruckFactor: 2,
    recentCommitDays: 90,
    minRecentCommitters: 2,
    knowledgeHolderDays: 180,
    minGroupMembers: 2,
    responderDays: 90,
    minResponders: 2,
    maxResponderShare: 0.5,
    alertsSeenDays: 30,
    minAdmins: 2,
    accessReviewMaxAgeDays: 120,
    drillMaxAgeDays: 180,
    runbookMaxAgeDays: 180,
    backupCopyMaxAgeDays: 7,
    backupDeclaredWeight: 0.5,
    maxNoiseShare: 0.2,
    changesDays: 90,
    minPairedShare: 0.8,
    minReviewedShare: 0.8,
    minChangeOperators: 2,
    restorePractisedDays: 365,
    minRestorePractised: 2,
    readyScore: 80,
  },
};

/**
 * The default policy with overrides (from config) laid over it. Throws a
 * TypeError naming the setting when a check id or threshold is unknown or a
 * value is not a number, so a typo in config fails at start-up, not silently.
 * @public
 */
export function readinessPolicy(overrides?: {
  weights?: Partial<ReadinessPolicy['weights']>;
  critical?: ReadinessCheckId[];
  thresholds?: Partial<ReadinessPolicy['thresholds']>;
}): ReadinessPolicy {
  const checkIds = Object.keys(DEFAULT_READINESS_POLICY.weights);
  const thresholdNames = Object.keys(DEFAULT_READINESS_POLICY.thresholds);
  const numbers = (
    setting: string,
    values: Record<string, unknown> | undefined,
    known: string[],
  ) => {
    for (const [key, value] of Object.entries(values ?? {})) {
      if (!known.includes(key)) {
        throw new TypeError(
          `sre.readiness.${setting}.${key}: unknown; expected one of ${known.join(
            ', ',
          )}`,
        );
      }
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new TypeError(
          `sre.readiness.${setting}.${key}: must be a number ≥ 0, got ${JSON.stringify(
            value,
          )}`,
        );
      }
    }
  };
  numbers('weights', overrides?.weights, checkIds);
  numbers('thresholds', overrides?.thresholds, thresholdNames);
  const declaredWeight = overrides?.thresholds?.backupDeclaredWeight;
  if (declaredWeight !== undefined && declaredWeight > 1) {
    throw new TypeError(
      `sre.readiness.thresholds.backupDeclaredWeight: must be between 0 and 1, got ${declaredWeight}`,
    );
  }
  for (const id of overrides?.critical ?? []) {
    if (!checkIds.includes(id)) {
      throw new TypeError(
        `sre.readiness.critical: unknown check '${id}'; expected one of ${checkIds.join(
          ', ',
        )}`,
      );
    }
  }
  return {
    weights: { ...DEFAULT_READINESS_POLICY.weights, ...overrides?.weights },
    critical: overrides?.critical ?? DEFAULT_READINESS_POLICY.critical,
    thresholds: {
      ...DEFAULT_READINESS_POLICY.thresholds,
      ...overrides?.thresholds,
    },
  };
}
