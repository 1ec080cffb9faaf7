import type { BackupCopyEvidence } from '@baton/plugin-sre-common';

/** A copy job to the `copies` vault of `account` in `region`, as a backup source reports it. */
export const copyJob = (
  region: string,
  account: string,
  at: string,
  state = 'COMPLETED',
): BackupCopyEvidence => ({
  jobId: `copy-${region}-${account}-${state}-${at}`,
  at,
  state,
  destinationVaultArn: `arn:aws:backup:${region}:${account}:backup-vault:copies`,
  destinationAccountId: account,
  destinationRegion: region,
});
