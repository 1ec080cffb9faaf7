import type { BackupVaultLocation } from '../backups/evidence';
import type { DrillOutcome, DrillScenario } from './drillKinds';
import type { AuthorSet } from './knowledge/truckFactor';

/**
 * A check's result: `unknown` when its data is missing, `not-applicable` when
 * there is nothing to check (e.g. no access-reviewed Resource to hold admins
 * of). Neither counts in the score.
 * @public
 */
export type ReadinessCheckStatus =
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'not-applicable';

/** The checks of the readiness score. @public */
export type ReadinessCheckId =
  | 'truck-factor'
  | 'recent-committers'
  | 'owner-group'
  | 'alert-responders'
  | 'techdocs'
  | 'runbook'
  | 'iac'
  | 'backups'
  | 'slo'
  | 'alert-routing'
  | 'access-holders'
  | 'access-review'
  | 'drill'
  | 'alert-noise'
  | 'changes-paired'
  | 'procedures-reviewed'
  | 'change-operators'
  | 'restore-practised';

/** What a readiness check is about. @public */
export type ReadinessCategory =
  | 'knowledge'
  | 'people'
  | 'docs'
  | 'safety-nets'
  | 'access'
  | 'practice';

/** A person evidence names: the catalog User when matched, and the name to show (the User's display name, else as written). @public */
export interface ReadinessEvidencePerson {
  userRef: string | null;
  name: string;
}

/** Where a backup copy went: the destination vault's region and account. @public */
export type ReadinessCopyDestination = Pick<
  BackupVaultLocation,
  'region' | 'accountId'
>;

/** The latest restore of a resource's recovery points: a restore test or one by hand, and a test's validation as the source reported it (FAILED, TIMED_OUT, …). @public */
export interface ReadinessRestore {
  /** When the restore job ended, or was created while it runs. */
  at: string;
  /** The job's state as the source wrote it (COMPLETED, FAILED, …). */
  state: string;
  /** Started by a restore testing plan, not by hand. */
  restoreTesting: boolean;
  /** A restore test's validation (SUCCESSFUL, FAILED, TIMED_OUT, VALIDATING), when it has one. */
  validationStatus?: string;
}

/** A protected resource behind the backups check: its latest copies, a failing one and its last restore (ISO 8601 dates). @public */
export interface ReadinessBackupEvidence {
  kind: 'backup-resource';
  /** The resource's name, or its ARN. */
  name: string;
  crossRegionCopyAt: string | null;
  crossRegionCopyTo?: ReadinessCopyDestination;
  crossAccountCopyAt: string | null;
  crossAccountCopyTo?: ReadinessCopyDestination;
  /** The latest copy job that failed with none completed to its destination since. */
  failedCopyAt: string | null;
  failedCopyTo?: ReadinessCopyDestination;
  lastRestore: ReadinessRestore | null;
  /** The Resource entity the evidence comes through, when not the entity itself. */
  viaEntityRef?: string;
}

/** A recorded drill behind the drill and restore-practised checks. @public */
export interface ReadinessDrillEvidence {
  kind: 'drill';
  drillId?: string;
  title?: string;
  scenario: DrillScenario;
  /** When it took place (ISO 8601). */
  at: string;
  participants: ReadinessEvidencePerson[];
  outcome: DrillOutcome;
  /** The team that recorded it: its Drills tab lists the drill. */
  teamRef?: string;
  /** The Resource entity the drill was recorded on, when not the entity itself. */
  viaEntityRef?: string;
}

/**
 * The runbook behind the runbook check: its link, its last change in the
 * repository history (null when the history does not show one) and, for a
 * runbook outside a repository Baton reads, the review recorded in
 * annotations.
 * @public
 */
export interface ReadinessRunbookEvidence {
  kind: 'runbook';
  url: string;
  /** The file in the repository, when the link points into one Baton reads. */
  path?: string;
  lastChangedAt: string | null;
  lastChangedBy: ReadinessEvidencePerson[];
  /** `baton.dev/runbook-reviewed` (YYYY-MM-DD), when the history has no change to show. */
  reviewedAt?: string;
  reviewer?: ReadinessEvidencePerson;
}

/** What a check looked at, as data for a UI to word and link. @public */
export type ReadinessEvidence =
  | ReadinessBackupEvidence
  | ReadinessDrillEvidence
  | ReadinessRunbookEvidence;

/** One check of the "ready for leave" score. @public */
export interface ReadinessCheck {
  id: ReadinessCheckId;
  title: string;
  category: ReadinessCategory;
  status: ReadinessCheckStatus;
  /** The data the check looked at, in words (English, for scripts). */
  reason: string;
  /** Stable code of the reason and its parameters, for a UI to translate. */
  reasonCode: string;
  reasonParams: Record<string, string | number>;
  /** What to do to make it pass. */
  fix: string;
  weight: number;
  critical: boolean;
  /** The records behind the result (backups, drills, runbook); absent when the check has none. */
  evidence?: ReadinessEvidence[];
}

/** The three levels of readiness. @public */
export type ReadinessLevel = 'ready' | 'at-risk' | 'single-point-of-failure';

/** One day of an entity's readiness history. @public */
export interface ReadinessTrendPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  score: number;
  level: ReadinessLevel;
  truckFactor: number | null;
}

/** An entity's "ready for leave" report as `GET /entities/{ref}/readiness` returns it. @public */
export interface ReadinessReport {
  entityRef: string;
  /** 0–100: the weighted share of passed checks among those with a known result (not-applicable ones left out). */
  score: number;
  level: ReadinessLevel;
  /** Why the level is what it is (English, for scripts). */
  levelReason: string;
  /** `ready`, `belowScore`, `criticalGaps` or `singlePoint`, with parameters, for a UI to translate. */
  levelReasonCode: string;
  levelReasonParams: Record<string, string | number>;
  /** With `singlePoint`: each sole cover (`truckFactorOne`, `truckFactorZero`, `soleResponder`, `soleAdmin`, `noAdmin`). */
  levelReasonParts: Array<{
    code: string;
    params: Record<string, string | number>;
  }>;
  checks: ReadinessCheck[];
  /** Weight of the checks with a known result, as a share of the weight of the applicable ones (0..1). */
  known: number;
  /** Counted without former knowledge holders. */
  truckFactor: number | null;
  /** Who authors the code; `former` ones have not committed within the policy's window and do not count. */
  knowledge: Array<{
    userRef: string | null;
    /** The catalog User's display name when matched, else the name used in git. */
    name: string;
    share: number;
    former: boolean;
    lastCommitAt: string | null;
  }>;
  /** The window (days) a knowledge holder must have committed in to count. */
  knowledgeHolderDays: number;
  /** Daily snapshots of the last 90 days, oldest first (the backend adds them; empty before the first). */
  trend: ReadinessTrendPoint[];
  /** How score and level are computed, for the card's "why". */
  rule: string;
}

/** A person who holds knowledge of an entity's code. @public */
export interface KnowledgePerson {
  /** The name this person used most in git. */
  name: string;
  emails: string[];
  /** The catalog User matched by e-mail or GitHub login; null when none matches. */
  userRef: string | null;
  /** Files this person is an author of (degree of authorship). */
  files: number;
  /** `files` as a fraction of the counted files. */
  share: number;
  commits: number;
  lastCommitAt: string | null;
  /**
   * No commit within the readiness policy's `knowledgeHolderDays`: shown as a
   * former holder, left out of the truck factor. Set when a report is served.
   */
  former?: boolean;
}

/** Someone who changed a runbook file, as the knowledge map matches people to catalog Users. @public */
export interface RunbookChanger {
  /** The name used in git (a UI shows the matched User's display name). */
  name: string;
  userRef: string | null;
  /** Commits of theirs that changed the file (authored or co-authored). */
  changes: number;
}

/**
 * An entity's runbook file as its repository's history shows it, read in the
 * same pass over the commits as the knowledge map.
 * @public
 */
export interface KnowledgeRunbook {
  /** The runbook link as the entity declares it. */
  url: string;
  /** The repository (as in the report's `repositories`) and the file's path in it. */
  repository: string;
  path: string;
  /** The file is not in the repository at the revision read: the link is dead (or names another branch's file). */
  missing?: boolean;
  /** The latest commit (by a person, not a bot) that changed the file, ISO 8601; null when the history shows none. */
  lastChangedAt: string | null;
  /** The people of that commit: its author and co-authors. */
  lastChangedBy: RunbookChanger[];
  /** Everyone who changed the file (following renames), most changes first. */
  changedBy: RunbookChanger[];
}

/** An entity's knowledge map and truck factor as `GET /entities/{ref}/knowledge` returns it. @public */
export interface KnowledgeReport {
  entityRef: string;
  computedAt: string;
  /** `error` when a repository could not be read; `error.message` says why. */
  status: 'ok' | 'error';
  error?: { message: string };
  /**
   * The latest refresh failed (`at`, why) while an earlier one succeeded:
   * the numbers are the last good ones, from `computedAt`, kept rather than
   * dropped for a transient failure.
   */
  refreshError?: { message: string; at: string };
  repositories: Array<{ location: string; subdir?: string; revision?: string }>;
  truckFactor: number | null;
  fileCount: number;
  filesWithoutAuthor: number;
  mode: 'pairing' | 'classic';
  /** The window (days) a holder must have committed in to count; present once former holders are marked. */
  knowledgeHolderDays?: number;
  /** The people whose absence leaves most files without an author, in removal order (former holders left out). */
  truckFactorAuthors: KnowledgePerson[];
  people: KnowledgePerson[];
  /** Which people (indexes into `people`) author which files: lets a leave simulation recompute the truck factor. */
  authorSets: AuthorSet[];
  /** Infrastructure-as-code files (Terraform) found at the revision. */
  iacFiles: number;
  /** The runbook's history, when the entity's runbook link points at a file of these repositories; absent in snapshots from before it was read. */
  runbook?: KnowledgeRunbook;
  /** The rule that produced the numbers, for the card's "why". */
  rule: string;
}

/** A check whose status changes during an absence, with the reason it has then. @public */
export interface CheckFlip {
  id: ReadinessCheckId;
  title: string;
  before: ReadinessCheckStatus;
  after: ReadinessCheckStatus;
  reason: string;
  reasonCode: string;
  reasonParams: Record<string, string | number>;
}

/** One service of a team's bus-factor report. @public */
export interface TeamReportService {
  entityRef: string;
  /** The entity's kind in lower case: `component` (a service), `system` or `resource`. */
  kind: string;
  title: string;
  readiness: ReadinessReport;
  /** Present when people are simulated away: the service during their absence. */
  during?: {
    level: ReadinessLevel;
    score: number;
    truckFactor: number | null;
    affected: boolean;
    uncovered: string[];
    /** The same, coded for a UI to translate. */
    uncoveredCodes: Array<{
      code: string;
      params: Record<string, string | number>;
    }>;
    flipped: CheckFlip[];
  };
}

/** A team's bus-factor report as `GET /teams/{namespace}/{name}/report` returns it. @public */
export interface TeamReport {
  team: { ref: string; title: string };
  /** The members of the team and of its sub-teams. */
  members: Array<{ userRef: string; name: string }>;
  /** People simulated away, and for how many days. */
  absent: string[];
  days: number;
  services: TeamReportService[];
  /** Per person, the services where they are the only cover. */
  soleCovers: Array<{
    userRef: string;
    /** The catalog User's display name. */
    name: string;
    soleKnowledgeHolder: string[];
    soleResponder: string[];
    soleAdmin: string[];
    /** Services whose production changes in the window only this person ran. */
    soleOperator: string[];
  }>;
  /** Person × service: the share of each service's files the person authors. */
  knowledgeMap: Array<{
    userRef: string;
    name: string;
    shares: Record<string, number>;
    /** The services (of `shares`) where the person is a former holder: no commit within `knowledgeHolderDays`. */
    former: string[];
  }>;
  /** The window (days) a knowledge holder must have committed in to count. */
  knowledgeHolderDays: number;
}
