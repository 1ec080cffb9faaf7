import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ProtectedResourceEvidence } from '@baton/plugin-sre-common';

/**
 * Reads a backup service (AWS Backup, …) on the sre backend's schedule
 * (`sre.backups.schedule`): every protected resource it knows, with its
 * tags, last completed backup, the last completed and last failed copy job
 * to each destination vault, and its last restore. Each pull replaces what
 * the source's previous pull said (and is kept as history); a pull that
 * throws stores nothing, so the last good evidence stays and ages.
 * @public
 */
export interface BackupSource {
  /** Unique id of this source, stored with its evidence (`aws-backup-123456789012`). */
  readonly id: string;
  /** The protected resources as of `now`. */
  pull(options: { now: Date }): AsyncIterable<ProtectedResourceEvidence>;
}

/** Lets modules add backup sources to the sre backend plugin. @public */
export interface SreBackupSourcesExtensionPoint {
  addBackupSource(...sources: BackupSource[]): void;
}

/** @public */
export const sreBackupSourcesExtensionPoint =
  createExtensionPoint<SreBackupSourcesExtensionPoint>({
    id: 'sre.backup-sources',
  });
