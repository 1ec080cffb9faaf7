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
    minGroupMembers: number;
    responderDays: number;
    minResponders: number;
    maxResponderShare: number;
    alertsSeenDays: number;
    minAdmins: number;
    accessReviewMaxAgeDays: number;
    drillMaxAgeDays: number;
    maxNoiseShare: number;
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
  },
  critical: ['truck-factor', 'runbook', 'backups'],
  thresholds: {
    minTruckFactor: 2,
    recentCommitDays: 90,
    minRecentCommitters: 2,
    minGroupMembers: 2,
    responderDays: 90,
    minResponders: 2,
    maxResponderShare: 0.5,
    alertsSeenDays: 30,
    minAdmins: 2,
    accessReviewMaxAgeDays: 120,
    drillMaxAgeDays: 180,
    maxNoiseShare: 0.2,
    readyScore: 80,
  },
};

/** The default policy with overrides (from config) laid over it. @public */
export function readinessPolicy(overrides?: {
  weights?: Partial<ReadinessPolicy['weights']>;
  critical?: ReadinessCheckId[];
  thresholds?: Partial<ReadinessPolicy['thresholds']>;
}): ReadinessPolicy {
  return {
    weights: { ...DEFAULT_READINESS_POLICY.weights, ...overrides?.weights },
    critical: overrides?.critical ?? DEFAULT_READINESS_POLICY.critical,
    thresholds: {
      ...DEFAULT_READINESS_POLICY.thresholds,
      ...overrides?.thresholds,
    },
  };
}
