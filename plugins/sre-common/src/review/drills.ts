import type { DrillOutcome, DrillScenario } from '../readiness/drillKinds';
import type { ReviewActionItem } from './types';

/**
 * A recovery drill of a team: planned (a day, the services, the scenario),
 * then recorded (when, who took part, how it went, how long recovery took,
 * what went wrong), with follow-up action items that the team's next
 * reliability review carries over.
 * @public
 */
export interface Drill {
  id: string;
  teamRef: string;
  scenario: DrillScenario;
  title: string;
  /** The services (or resources) it practised on. */
  entityRefs: string[];
  /** YYYY-MM-DD; null for a drill recorded without a plan. */
  plannedFor: string | null;
  /** When it took place; null while it is only planned. */
  performedAt: string | null;
  /** Catalog Users who took part. */
  participants: string[];
  outcome: DrillOutcome | null;
  /** Minutes from the start of the drill to the service recovered. */
  recoveryMinutes: number | null;
  /** What went wrong, what was learnt (Markdown). */
  notes: string;
  createdAt: string;
  createdBy: string;
  recordedAt: string | null;
  recordedBy: string | null;
  /** Follow-up action items raised from the drill. */
  actionItems: ReviewActionItem[];
}

/** A service whose drill of a scenario is due by the policy's interval. @public */
export interface DrillDue {
  entityRef: string;
  scenario: DrillScenario;
  /** The last recorded drill of that scenario on it; null when never. */
  lastPerformedAt: string | null;
  /** The day it became due; null when it was never drilled. */
  dueSince: string | null;
}

/** `GET /drills/{namespace}/{team}`: a team's drills, newest first, and what is due. @public */
export interface TeamDrillsResponse {
  teamRef: string;
  drills: Drill[];
  due: DrillDue[];
  /** Days between drills per scenario, from config. */
  intervals: Partial<Record<DrillScenario, number>>;
}

/** `GET /entities/{kind}/{namespace}/{name}/drills`: the drills that practised on an entity, newest first. @public */
export interface EntityDrillsResponse {
  entityRef: string;
  drills: Drill[];
}
