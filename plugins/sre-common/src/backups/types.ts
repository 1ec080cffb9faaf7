/**
 * A backup, copy or restore job as a backup source reports it: its id, when
 * it ended (or was created, while it runs) and its state as the source
 * writes it (AWS Backup: `COMPLETED`, `FAILED`, `ABORTED`, …).
 * @public
 */
export interface BackupJobEvidence {
  jobId: string;
  /** ISO 8601: when the job completed or failed; its creation time while it has not ended. */
  at: string;
  state: string;
  /** The source's own message for a job that did not complete (bounded to 500 characters). */
  message?: string;
}

/** The last completed backup of a resource: the job and the vault it wrote to. @public */
export interface BackupEvidence extends BackupJobEvidence {
  vaultArn: string;
}

/**
 * A copy job of a resource's recovery point to a destination vault, with
 * the vault's account and region read from its ARN.
 * @public
 */
export interface BackupCopyEvidence extends BackupJobEvidence {
  destinationVaultArn: string;
  destinationAccountId: string;
  destinationRegion: string;
}

/** A restore of one of the resource's recovery points: by hand, or by a restore testing plan. @public */
export interface BackupRestoreEvidence extends BackupJobEvidence {
  /** Started by a restore testing plan (an automated restore test). */
  restoreTesting: boolean;
  /** A restore test's validation result (`SUCCESSFUL`, `FAILED`, `TIMED_OUT`, `VALIDATING`), when it has one. */
  validationStatus?: string;
}

/**
 * What a backup source knows about one protected resource (a database, a
 * bucket, a volume): where it lives, its tags (which map it to catalog
 * entities), its last completed backup, the last completed and the last
 * failed copy job to each destination vault, and its last restore.
 * @public
 */
export interface ProtectedResourceEvidence {
  /** The resource's ARN (or the source's id for it). */
  resourceArn: string;
  /** The source's resource type, e.g. `RDS`, `Aurora`, `S3`, `EBS`, `DynamoDB`. */
  resourceType: string;
  /** A readable name, when the source has one. */
  resourceName?: string;
  /** The 12-digit account the resource lives in. */
  accountId: string;
  region: string;
  /** The resource's tags; `service=<entity name>` maps it to an entity. */
  tags: Record<string, string>;
  /** The latest completed backup job; absent when none in the source's look-back. */
  lastBackup?: BackupEvidence;
  /** The latest failed backup job in the look-back, shown beside the last completed one. */
  lastFailedBackup?: BackupEvidence;
  /** Per destination vault, the last completed and the last failed copy job (newest first). */
  copies: BackupCopyEvidence[];
  /** The latest restore job of one of its recovery points. */
  lastRestore?: BackupRestoreEvidence;
}

/** The latest copy that reaches another region or account, and whether it is within the policy window. @public */
export interface BackupCopyReach {
  /** The latest completed copy of that kind; absent when none. */
  lastCopy?: BackupCopyEvidence;
  /** A completed copy of that kind within `backupCopyMaxAgeDays`. */
  verified: boolean;
}

/** One protected resource of an entity, as `GET /entities/{ref}/backups` returns it. @public */
export interface EntityBackupResource extends ProtectedResourceEvidence {
  /** The backup source it came from. */
  sourceId: string;
  /** When that source's pull that saw it ran. */
  pulledAt: string;
  /** How it maps to the entity: its ARN is listed in `baton.dev/backup-resources`, or its tags match. */
  matchedBy: 'arn' | 'tags';
  crossRegion: BackupCopyReach;
  crossAccount: BackupCopyReach;
  /** Copies whose last job to a destination failed after (or without) a completed one. */
  failedCopies: BackupCopyEvidence[];
}

/** An entity's protected resources and their latest evidence, as `GET /entities/{ref}/backups` returns it. @public */
export interface EntityBackupsResponse {
  entityRef: string;
  /** False when no backup source is installed: nothing could be verified. */
  collected: boolean;
  /** The policy window (days) a copy must be within to count. */
  copyMaxAgeDays: number;
  /** The tag selector the entity's resources are matched with (`service=<name>` unless `baton.dev/backup-selector`). */
  selector: string;
  items: EntityBackupResource[];
  /** The rule that decides cross-region and cross-account, for the card's "why". */
  rule: string;
}

/** A cross-region or cross-account copy as one pull saw it: its latest completed copy, judged at the pull's time. @public */
export interface BackupHistoryCopy {
  lastCopyAt: string | null;
  /** Within the policy window when the pull ran. */
  verified: boolean;
}

/** What one pull of a backup source said about a resource, as `GET /entities/{ref}/backups/history` returns it. @public */
export interface BackupHistoryEntry {
  sourceId: string;
  pulledAt: string;
  /** The latest completed backup the pull saw. */
  lastBackupAt: string | null;
  crossRegion: BackupHistoryCopy;
  crossAccount: BackupHistoryCopy;
  /** Destinations whose latest copy job had failed, with none completed since. */
  failedCopies: number;
  /** The latest restore (or restore test) the pull saw. */
  lastRestore: BackupRestoreEvidence | null;
}

/** One protected resource's evidence over time, newest pull first, as `GET /entities/{ref}/backups/history` returns it. @public */
export interface EntityBackupHistoryResponse {
  entityRef: string;
  resourceArn: string;
  resourceName?: string;
  /** How many days back the pulls reach. */
  days: number;
  /** The policy window each pull's copies were judged by. */
  copyMaxAgeDays: number;
  items: BackupHistoryEntry[];
  /** Pass as `cursor` for the older pulls; absent on the last page. */
  nextCursor?: string;
}
