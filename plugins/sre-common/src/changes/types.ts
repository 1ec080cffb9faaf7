import type { ApplyDurationTrend, WorkingHours } from './rules';

/** What a production change did. @public */
export const CHANGE_KINDS = [
  'terraform-apply',
  'deploy',
  'maintenance',
  'db-migration',
  'config',
  'other',
] as const;

/** @public */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** How a change ended; `in-progress` until its source says. @public */
export const CHANGE_OUTCOMES = [
  'succeeded',
  'failed',
  'rolled-back',
  'in-progress',
] as const;

/** @public */
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];

/**
 * How a source names a person: a GitHub login, an e-mail address, an HCP
 * Terraform user name, or a plain name (the CLI's `--operator alice`).
 * Matched to a catalog User the way access reviews match principals.
 * @public
 */
export const CHANGE_IDENTITY_KINDS = [
  'github-login',
  'email',
  'terraform-user',
  'name',
] as const;

/** @public */
export type ChangeIdentityKind = (typeof CHANGE_IDENTITY_KINDS)[number];

/** A person as the source gave them. @public */
export interface ChangeIdentity {
  kind: ChangeIdentityKind;
  /** The login, address or name, as given. */
  value: string;
}

/** A person as stored: the identity, and the catalog User it matched (null: unmatched, flagged). @public */
export interface ChangePerson extends ChangeIdentity {
  userRef: string | null;
}

/** A Terraform plan's resource counts (`terraform show -json`'s resource_changes, or the run API). @public */
export interface TerraformPlanSummary {
  add: number;
  change: number;
  destroy: number;
}

/** What the Terraform parts of a change say. @public */
export interface TerraformChangeDetails {
  /** `organization/workspace` on HCP Terraform, or a name the team uses for a state. */
  workspace: string;
  plan?: TerraformPlanSummary;
  /** How long the apply took, in seconds. */
  applySeconds?: number;
}

/** A link of a change: the CI run, the pull request, the Terraform run. @public */
export interface ChangeLink {
  title: string;
  url: string;
}

/**
 * One production change as a source hands it to Baton: the webhook's
 * `changes` payload, the CLI's `record-change`, or a module on the change
 * sources extension point. `(source, externalId)` identifies it: the same
 * change sent again replaces what was stored (its outcome may have moved on).
 * @public
 */
export interface ChangeInput {
  /** Unique within the source: a CI run id, a Terraform run id, a UUID. */
  externalId: string;
  /** The catalog entities the change touched (full refs). */
  entityRefs: string[];
  kind: ChangeKind;
  /** `production`, `staging`, …; what the source calls it. */
  environment?: string;
  /** One line: what was changed. */
  title: string;
  /** ISO 8601 with a time zone. */
  startedAt: string;
  /** ISO 8601; absent while in progress. */
  finishedAt?: string;
  outcome: ChangeOutcome;
  /** Who ran it. */
  operators: ChangeIdentity[];
  /** Who was with the operator or approved the run; an operator is never their own pair. */
  pairs: ChangeIdentity[];
  /** The written procedure, and who reviewed it; its author is never its own reviewer. */
  procedure?: {
    url: string;
    authors: ChangeIdentity[];
    reviewers: ChangeIdentity[];
  };
  terraform?: TerraformChangeDetails;
  links?: ChangeLink[];
}

/** What the rules found about one change (see changes/rules.ts). @public */
export type ChangeFinding =
  | 'solo'
  | 'unreviewed-procedure'
  | 'off-hours'
  | 'followed-by-alerts';

/** An alert that fired on one of the change's entities soon after it started. @public */
export interface ChangeFollowingAlert {
  id: string;
  title: string;
  startsAt: string;
  entityRef: string;
}

/** A stored change, its people matched to catalog Users, with what the rules found. @public */
export interface ChangeItem
  extends Omit<ChangeInput, 'operators' | 'pairs' | 'procedure'> {
  id: string;
  /** The source id: `webhook`, `cli`, `github`, `terraform`, or a module's. */
  source: string;
  operators: ChangePerson[];
  pairs: ChangePerson[];
  procedure?: {
    url: string;
    authors: ChangePerson[];
    reviewers: ChangePerson[];
  };
  findings: ChangeFinding[];
  /** For `followed-by-alerts`: the alerts, newest last. */
  alertsAfter: ChangeFollowingAlert[];
}

/** A change range's counts, as the card and the agenda show them. @public */
export interface ChangeSummary {
  total: number;
  /** Changes with a pair who is not an operator. */
  paired: number;
  /** paired / total; null without changes. */
  pairedShare: number | null;
  solo: number;
  offHours: number;
  unreviewed: number;
  /** Changes whose outcome is `failed` or `rolled-back`. */
  failed: number;
  followedByAlerts: number;
}

/** `GET /changes?entityRef=…&from=…&to=…`: an entity's changes in a range, newest first. @public */
export interface ChangeListResponse {
  entityRef: string;
  from: string;
  to: string;
  items: ChangeItem[];
  summary: ChangeSummary;
  /** The rules' parameters as applied (the owning team's working hours), for the card's "Why?". */
  policy: {
    workingHours: WorkingHours;
    alertWindowMinutes: number;
  };
}

/** One person's part in a team's changes. @public */
export interface ChangePersonStats {
  /** The catalog User, or the identity when unmatched (`github-login:someone`). */
  person: string;
  userRef: string | null;
  /** Changes this person operated. */
  operated: number;
  /** …of which someone else was with them. */
  operatedPaired: number;
  /** Changes this person was the pair of. */
  pairedOn: number;
  /** Changes this person operated or paired on that started off-hours. */
  offHours: number;
}

/** `GET /changes/team?teamRef=…&from=…&to=…`: a team's changes over its services. @public */
export interface TeamChangesResponse {
  teamRef: string;
  from: string;
  to: string;
  summary: ChangeSummary;
  people: ChangePersonStats[];
  /** The team's solo changes in the range, newest first. */
  solo: ChangeItem[];
  /** One per Terraform workspace with applies in the policy's window. */
  applyTrends: ApplyDurationTrend[];
}

/** `POST /changes`: what `baton record-change` and pipelines send. @public */
export interface RecordChangesRequest {
  /**
   * The source the changes are stored under (`cli` for `baton record-change`);
   * `api` when absent. `(source, externalId)` identifies a change.
   */
  source?: string;
  changes: ChangeInput[];
}

/** The answer to `POST /changes`. @public */
export interface RecordChangesResponse {
  /** The stored changes' ids, in the order sent. */
  ids: string[];
}
