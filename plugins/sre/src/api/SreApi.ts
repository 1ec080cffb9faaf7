import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AccessCampaign,
  AccessCampaignDetail,
  AccessDecision,
  AccessReviewItem,
  AlertItem,
  AlertListResponse,
  ChangeListResponse,
  CostReport,
  Drill,
  DrillOutcome,
  DrillScenario,
  EntityBackupHistoryResponse,
  EntityBackupsResponse,
  EntityDrillsResponse,
  KnowledgeReport,
  TeamCostReport,
  ReadinessReport,
  TeamReport,
  SloResponse,
  Review,
  ReviewActionItem,
  ReviewActionStatus,
  ReviewAgenda,
  SourceStatus,
  TeamChangesResponse,
  TeamDrillsResponse,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';

/** A list page of the REST API. @public */
export interface SreList<T> {
  items: T[];
  nextCursor?: string;
}

/** The range, granularity and currency of a cost report; the backend defaults each one left out. @public */
export interface CostQuery {
  /** First day, YYYY-MM-DD (UTC); default: 30 days before `to`. */
  from?: string;
  /** Day after the last, YYYY-MM-DD (UTC); default: tomorrow, so today is in. */
  to?: string;
  /** Default `day`. */
  granularity?: 'day' | 'month';
  /** ISO 4217 code; default: the currency with the largest spend. */
  currency?: string;
}

/** An action item raised in a review. @public */
export interface ReviewActionInput {
  title: string;
  /** The catalog User who will do it; null or left out: unassigned. */
  ownerRef?: string | null;
  /** YYYY-MM-DD. */
  due?: string | null;
  /** An http(s) link to the item on an external tracker. */
  link?: string | null;
}

/** The fields of an action item to change; the others stay. @public */
export type ReviewActionPatch = Partial<ReviewActionInput> & {
  status?: ReviewActionStatus;
};

/** The range of a change list: instants (ISO 8601); the backend defaults each one left out. @public */
export interface ChangeQuery {
  from?: string;
  to?: string;
}

/** How a drill went: when, who took part, the outcome, time to recover and what went wrong. @public */
export interface DrillRecordInput {
  /** When it took place, ISO 8601; not in the future. */
  performedAt: string;
  /** Catalog User refs; at least one. */
  participants: string[];
  outcome: DrillOutcome;
  /** Minutes from the start of the drill to the service recovered. */
  recoveryMinutes?: number | null;
  /** What went wrong, what was learnt (Markdown). */
  notes?: string;
}

/** A drill to plan; with `record`, one that already took place. @public */
export interface DrillPlanInput {
  scenario: DrillScenario;
  title: string;
  /** The services (or resources) it practises on. */
  entityRefs: string[];
  /** YYYY-MM-DD. */
  plannedFor?: string | null;
  record?: DrillRecordInput;
}

/** A new access-review campaign. @public */
export interface AccessCampaignInput {
  title: string;
  /** YYYY-MM-DD. */
  dueDate?: string;
  /** The Resources to review; left out: every Resource with `baton.dev/access-source`. */
  resourceRefs?: string[];
}

/** A reviewer's decision on an access-review item, or on many. @public */
export interface AccessDecisionInput {
  decision: AccessDecision;
  /** The catalog User who takes the access over; a transfer needs one. */
  transferTo?: string;
  /** Why; a transfer needs one, and so does keeping access unused for more than 90 days. */
  comment?: string;
}

/** The client of Baton's backend (`/api/sre`). @public */
export interface SreApi {
  getHealth(): Promise<{ status: string }>;
  /** The entity's SLOs, one item per objective, and the definitions that could not be used. */
  getSlos(entityRef: string): Promise<SloResponse>;
  /** One page of the entity's alerts, newest first, with the summary over the whole range (by default the last 14 days). */
  getAlerts(
    entityRef: string,
    options?: { from?: string; to?: string; limit?: number; cursor?: string },
  ): Promise<AlertListResponse>;
  /**
   * Records the signed-in user as having acknowledged the alert; returns the
   * updated alert. A 403 ResponseError when the user owns none of its
   * entities, a 409 one when it resolved too long ago.
   */
  acknowledgeAlert(id: string): Promise<AlertItem>;
  /**
   * Takes back the signed-in user's own acknowledgement, made within the
   * last minutes; returns the updated alert. A 409 ResponseError when there
   * is no recent acknowledgement of theirs to take back.
   */
  unacknowledgeAlert(id: string): Promise<AlertItem>;
  /** The entity's spend over a range (by default the last 30 days), with its change, drivers, anomalies and forecast. */
  getCosts(entityRef: string, query?: CostQuery): Promise<CostReport>;
  /** A team's spend: the sum over the entities it owns, each entity's total, and its share of unallocated spend. */
  getTeamCosts(groupRef: string, query?: CostQuery): Promise<TeamCostReport>;
  /** The entity's production changes in a range, newest first, with what the rules found, the range's counts and the policy applied. */
  getEntityChanges(
    entityRef: string,
    query?: ChangeQuery,
  ): Promise<ChangeListResponse>;
  /** A team's changes over the services it owns: per person, the solo ones, and the Terraform apply-time trends. */
  getTeamChanges(
    teamRef: string,
    query?: ChangeQuery,
  ): Promise<TeamChangesResponse>;
  getReadiness(entityRef: string): Promise<ReadinessReport>;
  /** The truck factor and knowledge map; a 404 ResponseError before the first computation. */
  getKnowledge(entityRef: string): Promise<KnowledgeReport>;
  /** A team's bus-factor report; with `absent`, the leave simulation. */
  getTeamReport(
    groupRef: string,
    query?: { absent?: string[]; days?: number },
  ): Promise<TeamReport>;
  /**
   * A team's reliability review: the agenda since `since` (by default since
   * the review in progress, else the last finished one, else 14 days ago),
   * the review in progress, open action items and the finished reviews.
   */
  getTeamReview(
    groupRef: string,
    query?: { since?: string },
  ): Promise<TeamReviewResponse>;
  /**
   * Starts a review of the team; a 409 ResponseError when one is already in
   * progress, a 400 one naming `since` when the agenda would start before
   * the last review ended or too long ago, a 403 one for a non-member.
   */
  startReview(
    groupRef: string,
    input: { attendees: string[]; since?: string },
  ): Promise<Review>;
  /** One review; a finished one with the agenda it looked at. */
  getReview(
    groupRef: string,
    id: string,
  ): Promise<{ review: Review; agenda: ReviewAgenda | null }>;
  /** The review as a Markdown document. */
  getReviewMarkdown(groupRef: string, id: string): Promise<string>;
  /** Saves notes or attendees; a 409 ResponseError when `revision` is not the stored one or the review is finished. */
  updateReview(
    groupRef: string,
    id: string,
    input: { notes?: string; attendees?: string[]; revision: number },
  ): Promise<Review>;
  /** Finishes the review: its notes and agenda are kept as they are. */
  finishReview(groupRef: string, id: string): Promise<Review>;
  /**
   * Abandons a review in progress: it is kept, but never becomes the team's
   * last review, and its open action items carry over; the team can then
   * start another. Returns the review, now `abandoned`.
   */
  abandonReview(groupRef: string, id: string): Promise<Review>;
  /** Raises an action item in a review in progress; a 400 ResponseError names a bad field. */
  addReviewAction(
    groupRef: string,
    reviewId: string,
    input: ReviewActionInput,
  ): Promise<ReviewActionItem>;
  /** Changes an action item, e.g. marks it done or dropped. */
  updateReviewAction(
    groupRef: string,
    actionId: string,
    patch: ReviewActionPatch,
  ): Promise<ReviewActionItem>;
  /** A team's drills, newest first, the services due for one, and the intervals between drills. */
  getTeamDrills(groupRef: string): Promise<TeamDrillsResponse>;
  /**
   * Plans a drill of the team, or records one that took place (`record`).
   * A 400 ResponseError names the field (`entityRefs[0]: …`,
   * `record.participants: …`, `performedAt: …`), a 403 one says the caller
   * is not of the team.
   */
  planDrill(groupRef: string, input: DrillPlanInput): Promise<Drill>;
  /** Records how a planned drill went; a 400 ResponseError names the field. */
  recordDrill(
    groupRef: string,
    drillId: string,
    input: DrillRecordInput,
  ): Promise<Drill>;
  /** Raises a follow-up action item from a drill; the team's next review carries it over. */
  addDrillAction(
    groupRef: string,
    drillId: string,
    input: ReviewActionInput,
  ): Promise<ReviewActionItem>;
  /** The drills that practised on an entity, newest first. */
  getEntityDrills(entityRef: string): Promise<EntityDrillsResponse>;
  /** The entity's protected resources with their last backup, copies and restore, and whether a cross-region and a cross-account copy are verified. */
  getBackups(entityRef: string): Promise<EntityBackupsResponse>;
  /** One of the entity's protected resources (name or ARN) per pull over the last `days`, newest first; `cursor` (a `nextCursor`) pages on. */
  getBackupHistory(
    entityRef: string,
    query: { resource: string; days?: number; limit?: number; cursor?: string },
  ): Promise<EntityBackupHistoryResponse>;
  /** The access-review campaigns, newest first, each with its progress. */
  listAccessCampaigns(): Promise<AccessCampaign[]>;
  /** Starts a campaign: the inventory of every Resource in scope is frozen now. A 400 ResponseError names a bad field. */
  createAccessCampaign(
    input: AccessCampaignInput,
  ): Promise<AccessCampaignDetail>;
  /** A campaign with its items and audit log; a 404 ResponseError for an unknown id. */
  getAccessCampaign(id: string): Promise<AccessCampaignDetail>;
  /**
   * Decides one item; returns it as decided. A 400 ResponseError names the
   * field (`comment: …`, `transferTo: …`), a 403 one says the caller may not
   * decide it, a 409 one that the campaign is signed off.
   */
  decideAccessItem(
    campaignId: string,
    itemId: string,
    input: AccessDecisionInput,
  ): Promise<AccessReviewItem>;
  /** One decision for many items, all or none; returns them as decided. */
  decideAccessItems(
    campaignId: string,
    itemIds: string[],
    input: AccessDecisionInput,
  ): Promise<AccessReviewItem[]>;
  /** Signs a campaign off; a 409 ResponseError while items are undecided. */
  closeAccessCampaign(id: string): Promise<AccessCampaignDetail>;
  /** The evidence file as the backend writes it (its download is logged). */
  getAccessEvidence(id: string, format: 'csv' | 'json'): Promise<string>;
  /** The signed-in user's undecided items of open campaigns. */
  getAccessTasks(): Promise<AccessReviewItem[]>;
  /** Every configured source and scheduled pull with its last success and last error; a 403 ResponseError unless the caller is in `sre.admins`. */
  getSourceStatus(): Promise<SourceStatus[]>;
}

/** @public */
export const sreApiRef = createApiRef<SreApi>({ id: 'plugin.sre.api' });
