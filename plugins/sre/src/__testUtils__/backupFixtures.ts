import type {
  EntityBackupResource,
  EntityBackupsResponse,
} from '@baton/plugin-sre-common';

const PRODUCTION = '123456789012';
const VAULT_ACCOUNT = '210987654321';
const TOKYO = 'ap-northeast-1';
const OSAKA = 'ap-northeast-3';

const vault = (region: string, account: string, name: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;

/** A copy to the vault account in Osaka: both cross-region and cross-account. */
const vaultCopy = {
  jobId: 'copy-sessions-vault',
  at: '2026-12-03T18:31:00.000Z',
  state: 'COMPLETED',
  destinationVaultArn: vault(OSAKA, VAULT_ACCOUNT, 'hanamori-vault'),
  destinationAccountId: VAULT_ACCOUNT,
  destinationRegion: OSAKA,
};

/** Copied to the vault account in Osaka last night and restore-tested: verified on both counts. */
export const verifiedResource: EntityBackupResource = {
  resourceArn: `arn:aws:dynamodb:${TOKYO}:${PRODUCTION}:table/storefront-sessions`,
  resourceType: 'DynamoDB',
  resourceName: 'storefront-sessions',
  accountId: PRODUCTION,
  region: TOKYO,
  tags: { service: 'storefront' },
  lastBackup: {
    jobId: 'backup-sessions',
    at: '2026-12-03T18:05:00.000Z',
    state: 'COMPLETED',
    vaultArn: vault(TOKYO, PRODUCTION, 'hanamori-primary'),
  },
  copies: [vaultCopy],
  lastRestore: {
    jobId: 'restore-test-sessions',
    at: '2026-11-28T21:00:00.000Z',
    state: 'COMPLETED',
    restoreTesting: true,
    validationStatus: 'SUCCESSFUL',
  },
  sourceId: `aws-backup-${PRODUCTION}`,
  pulledAt: '2026-12-04T00:00:00.000Z',
  matchedBy: 'tags',
  crossRegion: { lastCopy: vaultCopy, verified: true },
  crossAccount: { lastCopy: vaultCopy, verified: true },
  failedCopies: [],
};

const osakaCopy = {
  jobId: 'copy-orders-db-osaka',
  at: '2026-12-03T18:52:00.000Z',
  state: 'COMPLETED',
  destinationVaultArn: vault(OSAKA, PRODUCTION, 'hanamori-dr'),
  destinationAccountId: PRODUCTION,
  destinationRegion: OSAKA,
};

const failedVaultCopy = {
  jobId: 'copy-orders-db-vault',
  at: '2026-12-03T19:10:00.000Z',
  state: 'FAILED',
  message: 'Access denied to the destination vault',
  destinationVaultArn: vault(TOKYO, VAULT_ACCOUNT, 'hanamori-vault'),
  destinationAccountId: VAULT_ACCOUNT,
  destinationRegion: TOKYO,
};

/** Copied to Osaka in its own account, never to the vault account, whose copy job fails; restored by hand. */
export const crossAccountMissingResource: EntityBackupResource = {
  resourceArn: `arn:aws:rds:${TOKYO}:${PRODUCTION}:cluster:orders-db`,
  resourceType: 'Aurora',
  resourceName: 'orders-db',
  accountId: PRODUCTION,
  region: TOKYO,
  tags: { service: 'orders-db' },
  lastBackup: {
    jobId: 'backup-orders-db',
    at: '2026-12-03T18:12:00.000Z',
    state: 'COMPLETED',
    vaultArn: vault(TOKYO, PRODUCTION, 'hanamori-primary'),
  },
  copies: [osakaCopy, failedVaultCopy],
  lastRestore: {
    jobId: 'restore-orders-db',
    at: '2026-11-13T20:00:00.000Z',
    state: 'COMPLETED',
    restoreTesting: false,
  },
  sourceId: `aws-backup-${PRODUCTION}`,
  pulledAt: '2026-12-04T00:00:00.000Z',
  matchedBy: 'arn',
  crossRegion: { lastCopy: osakaCopy, verified: true },
  crossAccount: { verified: false },
  failedCopies: [failedVaultCopy],
};

const localCopy = {
  jobId: 'copy-media-local',
  at: '2026-11-20T19:35:00.000Z',
  state: 'COMPLETED',
  destinationVaultArn: vault(TOKYO, PRODUCTION, 'media-copies'),
  destinationAccountId: PRODUCTION,
  destinationRegion: TOKYO,
};

/** A bucket copied only to a vault in its own account and region, long ago, and never restored; no resource name. */
export const neverRestoredResource: EntityBackupResource = {
  resourceArn: 'arn:aws:s3:::hanamori-media',
  resourceType: 'S3',
  accountId: PRODUCTION,
  region: TOKYO,
  tags: { service: 'media-streaming' },
  lastFailedBackup: {
    jobId: 'backup-media-failed',
    at: '2026-12-03T19:01:00.000Z',
    state: 'FAILED',
    message: 'Bucket versioning is disabled',
    vaultArn: vault(TOKYO, PRODUCTION, 'hanamori-primary'),
  },
  lastBackup: {
    jobId: 'backup-media',
    at: '2026-12-02T19:01:00.000Z',
    state: 'COMPLETED',
    vaultArn: vault(TOKYO, PRODUCTION, 'hanamori-primary'),
  },
  copies: [localCopy],
  sourceId: `aws-backup-${PRODUCTION}`,
  pulledAt: '2026-12-04T00:00:00.000Z',
  matchedBy: 'tags',
  crossRegion: { verified: false },
  crossAccount: { verified: false },
  failedCopies: [],
};

/** What `GET /entities/{ref}/backups` returns for an entity with these resources. */
export const backupsResponse = (
  items: EntityBackupResource[],
  overrides: Partial<EntityBackupsResponse> = {},
): EntityBackupsResponse => ({
  entityRef: 'resource:default/orders-db',
  collected: true,
  copyMaxAgeDays: 7,
  selector: 'service=orders-db',
  items,
  rule: 'A copy counts when its copy job COMPLETED within the last 7 days.',
  ...overrides,
});
