// The drills' vocabulary, here because readiness reads recorded drills and the drills domain builds on reviews.

/** What a drill practises. @public */
export const DRILL_SCENARIOS = [
  'restore-from-backup',
  'region-failover',
  'access-loss',
  'on-call-handover',
  'other',
] as const;

/** @public */
export type DrillScenario = (typeof DRILL_SCENARIOS)[number];

/** How a recorded drill went. @public */
export const DRILL_OUTCOMES = [
  'succeeded',
  'partly-succeeded',
  'failed',
] as const;

/** @public */
export type DrillOutcome = (typeof DRILL_OUTCOMES)[number];
