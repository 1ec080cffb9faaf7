import type { AlertNoise, AlertSeverity } from '../alerts/types';
import type { ChangeItem, ChangeSummary } from '../changes/types';
import type { Drill, DrillDue } from './drills';
import type { CostCoverage, Money } from '../cost/types';
import type { ReadinessLevel } from '../readiness/types';
import type { SloAlertState } from '../slo/types';

/**
 * The state of a team's reliability review: started, then finished once, or
 * abandoned (a review started by mistake; it never becomes the last review).
 * @public
 */
export type ReviewState = 'in-progress' | 'finished' | 'abandoned';

/** What happened to an action item. @public */
export type ReviewActionStatus = 'open' | 'done' | 'dropped';

/** An issue found in a review, to be done by someone before a later review. @public */
export interface ReviewActionItem {
  id: string;
  /** The review it was raised in; null for an item raised from a drill. */
  reviewId: string | null;
  /** The drill it was raised from, if any. */
  drillId?: string | null;
  title: string;
  /** The catalog User who will do it; null until it is assigned. */
  ownerRef: string | null;
  /** YYYY-MM-DD; null when none was set. */
  due: string | null;
  /** The item on an external tracker (Jira, GitHub, a task board), http(s). */
  link: string | null;
  status: ReviewActionStatus;
  createdAt: string;
  createdBy: string;
  /** When and in which review it was marked done or dropped. */
  closedAt: string | null;
  closedBy: string | null;
  closedInReviewId: string | null;
}

/** A review without its notes and action items, as lists show it. @public */
export interface ReviewSummary {
  id: string;
  teamRef: string;
  state: ReviewState;
  /** Where the review's agenda starts: the review before it, or a chosen time. */
  since: string;
  startedAt: string;
  startedBy: string;
  /** When and by whom it was finished, or abandoned. */
  finishedAt: string | null;
  finishedBy: string | null;
  /** Catalog User refs of the people who took part. */
  attendees: string[];
  /** Grows by one with every change, so that an editor notices another's save. */
  revision: number;
}

/** One review with its markdown notes and the action items raised in it. @public */
export interface Review extends ReviewSummary {
  notes: string;
  actionItems: ReviewActionItem[];
}

/** Why a section of the agenda has nothing to show: a code to translate and English for scripts. @public */
export interface ReviewSectionUnavailable {
  code:
    | 'access-reviews-not-built'
    | 'no-open-campaign'
    | 'no-cost-data'
    | 'no-slos'
    | 'no-alerts';
  message: string;
}

/** One alert on the agenda. @public */
export interface ReviewAlert {
  id: string;
  title: string;
  severity: AlertSeverity;
  status: 'firing' | 'resolved';
  startsAt: string;
  endsAt?: string;
  acknowledgedBy: string[];
  noise: AlertNoise[];
}

/** Alerts since the review, per service, noisy ones first. @public */
export interface ReviewAlertsSection {
  unavailable?: ReviewSectionUnavailable;
  total: number;
  /** Alerts with at least one noise flag. */
  noisy: number;
  services: Array<{
    entityRef: string;
    title: string;
    count: number;
    noisy: number;
    /** Noisy first, then newest first; at most `ALERTS_PER_SERVICE`. */
    alerts: ReviewAlert[];
  }>;
}

/** Why an SLO is on the agenda. @public */
export type ReviewSloReason =
  | 'burning'
  | 'below-objective'
  | 'budget-exhausted';

/** SLOs of the team's services that burn or miss their objective. @public */
export interface ReviewSlosSection {
  unavailable?: ReviewSectionUnavailable;
  /** SLOs looked at, at risk or not. */
  checked: number;
  atRisk: Array<{
    entityRef: string;
    title: string;
    sloId: string;
    name: string;
    objective: number;
    sli: number | null;
    budgetRemaining: number | null;
    /** Error budget (a fraction of it) spent since the agenda's start; null without history then. */
    budgetSpentSince: number | null;
    alerting: SloAlertState;
    reasons: ReviewSloReason[];
  }>;
}

/** Spend since the review vs the period of the same length before it. @public */
export interface ReviewCostSection {
  unavailable?: ReviewSectionUnavailable;
  /** [from, to) as YYYY-MM-DD. */
  from: string;
  to: string;
  currency: string | null;
  total: Money | null;
  previousTotal: Money | null;
  change: number | null;
  changeAmount: Money | null;
  /**
   * Days with data in the range and in the period before it; when the period
   * before has fewer, the change compares unlike spans and the agenda says so.
   * Absent in agendas stored before it was added.
   */
  coverage?: CostCoverage;
  /** The largest changes by amount, either way. */
  movers: Array<{
    entityRef: string;
    title: string;
    total: Money;
    previousTotal: Money;
    change: number | null;
    changeAmount: Money;
  }>;
  anomalies: Array<{
    entityRef: string;
    title: string;
    date: string;
    amount: Money;
    expected: Money;
    rule: 'sigma' | 'jump';
  }>;
  /** The team's share of spend no entity claims. */
  unallocatedShare: Money | null;
}

/** A service whose readiness level changed since the review. @public */
export interface ReviewReadinessChange {
  entityRef: string;
  title: string;
  /** The last daily snapshot on or before the agenda's start. */
  before: { day: string; level: ReadinessLevel; score: number };
  /** The level now. */
  after: { level: ReadinessLevel; score: number };
  direction: 'better' | 'worse';
}

/** @public */
export interface ReviewReadinessSection {
  unavailable?: ReviewSectionUnavailable;
  services: number;
  changes: ReviewReadinessChange[];
}

/** Undecided access-review items that the team's members review, per open campaign. @public */
export interface ReviewAccessSection {
  unavailable?: ReviewSectionUnavailable;
  openItems: number;
  campaigns: Array<{
    id: string;
    title: string;
    dueDate: string | null;
    /** Undecided items the team's members review. */
    openItems: number;
  }>;
}

/** What each member did since the review, from what Baton stores. @public */
export interface ReviewActivitySection {
  members: Array<{
    userRef: string;
    name: string;
    /** Services with a commit of theirs since the agenda's start (from the knowledge data). */
    commits: Array<{
      entityRef: string;
      title: string;
      lastCommitAt: string;
    }>;
    /** The team's alerts since then that they acknowledged. */
    acknowledged: number;
    /** Access-review decisions made or changed since the agenda's start; null where access reviews are not set up. */
    decisions: number | null;
  }>;
}

/** Production changes of the team's services since the review: the counts, and the changes to talk about. @public */
export interface ReviewChangesSection {
  unavailable?: ReviewSectionUnavailable;
  summary: ChangeSummary;
  /** Solo, off-hours, failed or rolled-back changes and those alerts followed, newest first; at most 50. */
  notable: ChangeItem[];
  /** Notable changes beyond those listed. */
  moreNotable: number;
}

/** Backups and drills of the team's services: what the review should look at. @public */
export interface ReviewBackupsDrillsSection {
  /** Services whose backups check does not pass now, with the check's reason (failed, stale or one-sided copies, or nothing declared). */
  backupGaps: Array<{
    entityRef: string;
    title: string;
    status: 'fail' | 'unknown';
    reason: string;
    reasonCode: string;
    reasonParams: Record<string, string | number>;
  }>;
  /** Services whose runbook was last changed or reviewed longer ago than the policy allows, with the check's reason; absent in agendas stored before it was added. */
  staleRunbooks?: Array<{
    entityRef: string;
    title: string;
    reason: string;
    reasonCode: string;
    reasonParams: Record<string, string | number>;
  }>;
  /** Drills that took place since the agenda's start, newest first. */
  drillsDone: Drill[];
  /** Services due for a drill by the policy's intervals. */
  drillsDue: DrillDue[];
}

/** A team's agenda since a time, section by section. @public */
export interface ReviewAgenda {
  since: string;
  until: string;
  alerts: ReviewAlertsSection;
  slos: ReviewSlosSection;
  cost: ReviewCostSection;
  readiness: ReviewReadinessSection;
  access: ReviewAccessSection;
  /** Absent in agendas stored before it was added. */
  changes?: ReviewChangesSection;
  /** Absent in agendas stored before it was added. */
  backupsDrills?: ReviewBackupsDrillsSection;
  activity: ReviewActivitySection;
}

/** `GET /reviews/{namespace}/{team}`. @public */
export interface TeamReviewResponse {
  team: { ref: string; title: string };
  members: Array<{ userRef: string; name: string }>;
  /** The agenda's start, and where it came from. */
  since: string;
  sinceSource: 'current-review' | 'last-review' | 'chosen' | 'default';
  /** The review in progress, if any. */
  current: Review | null;
  /** The last finished review. */
  lastReview: ReviewSummary | null;
  /** Open action items of every review of the team, oldest first: earlier ones carry over. */
  openActionItems: ReviewActionItem[];
  agenda: ReviewAgenda;
  /** Finished reviews, newest first. */
  history: ReviewSummary[];
}
