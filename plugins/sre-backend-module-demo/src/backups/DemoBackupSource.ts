import type { ProtectedResourceEvidence } from '@baton/plugin-sre-common';
import type { BackupSource } from '@baton/plugin-sre-node';

/** The demo's production account (resource:aws-production) and its backup vault account. */
const PRODUCTION = '123456789012';
const VAULT_ACCOUNT = '210987654321';
const TOKYO = 'ap-northeast-1';
const OSAKA = 'ap-northeast-3';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const vault = (region: string, account: string, name: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;

/**
 * AWS Backup as the demo's production account would report it, relative to
 * the pull's time: orders-db is copied to Osaka every night but never to the
 * vault account (cross-region, not cross-account); the media bucket is copied
 * only to a vault in its own account and region (which counts as neither)
 * and has never been restored; storefront's sessions table is copied to the
 * vault account in Osaka and restore-tested weekly.
 */
export class DemoBackupSource implements BackupSource {
  readonly id = `aws-backup-${PRODUCTION}`;

  async *pull({
    now,
  }: {
    now: Date;
  }): AsyncIterable<ProtectedResourceEvidence> {
    // Last night's 03:00 JST run (18:00 UTC), at least a few hours back.
    const night = now.getTime() - ((now.getTime() - 18 * HOUR) % DAY) - DAY;
    const at = (ms: number) => new Date(ms).toISOString();
    const primary = vault(TOKYO, PRODUCTION, 'hanamori-primary');

    yield {
      resourceArn: `arn:aws:rds:${TOKYO}:${PRODUCTION}:cluster:orders-db`,
      resourceType: 'Aurora',
      resourceName: 'orders-db',
      accountId: PRODUCTION,
      region: TOKYO,
      tags: { service: 'orders-db', env: 'production' },
      lastBackup: {
        jobId: 'demo-backup-orders-db',
        at: at(night + 12 * 60_000),
        state: 'COMPLETED',
        vaultArn: primary,
      },
      copies: [
        {
          jobId: 'demo-copy-orders-db-osaka',
          at: at(night + 52 * 60_000),
          state: 'COMPLETED',
          destinationVaultArn: vault(OSAKA, PRODUCTION, 'hanamori-dr'),
          destinationAccountId: PRODUCTION,
          destinationRegion: OSAKA,
        },
      ],
      lastRestore: {
        jobId: 'demo-restore-test-orders-db',
        at: at(night - 20 * DAY + 2 * HOUR),
        state: 'COMPLETED',
        restoreTesting: true,
        validationStatus: 'SUCCESSFUL',
      },
    };

    yield {
      resourceArn: 'arn:aws:s3:::hanamori-media',
      resourceType: 'S3',
      resourceName: 'hanamori-media',
      accountId: PRODUCTION,
      region: TOKYO,
      tags: { service: 'media-streaming' },
      lastBackup: {
        jobId: 'demo-backup-media',
        at: at(night + 61 * 60_000),
        state: 'COMPLETED',
        vaultArn: primary,
      },
      copies: [
        {
          jobId: 'demo-copy-media-local',
          at: at(night + 95 * 60_000),
          state: 'COMPLETED',
          destinationVaultArn: vault(TOKYO, PRODUCTION, 'media-copies'),
          destinationAccountId: PRODUCTION,
          destinationRegion: TOKYO,
        },
      ],
    };

    yield {
      resourceArn: `arn:aws:dynamodb:${TOKYO}:${PRODUCTION}:table/storefront-sessions`,
      resourceType: 'DynamoDB',
      resourceName: 'storefront-sessions',
      accountId: PRODUCTION,
      region: TOKYO,
      tags: { service: 'storefront' },
      lastBackup: {
        jobId: 'demo-backup-sessions',
        at: at(night + 5 * 60_000),
        state: 'COMPLETED',
        vaultArn: primary,
      },
      copies: [
        {
          jobId: 'demo-copy-sessions-vault',
          at: at(night + 31 * 60_000),
          state: 'COMPLETED',
          destinationVaultArn: vault(OSAKA, VAULT_ACCOUNT, 'hanamori-vault'),
          destinationAccountId: VAULT_ACCOUNT,
          destinationRegion: OSAKA,
        },
      ],
      lastRestore: {
        jobId: 'demo-restore-test-sessions',
        at: at(night - 5 * DAY + 3 * HOUR),
        state: 'COMPLETED',
        restoreTesting: true,
        validationStatus: 'SUCCESSFUL',
      },
    };
  }
}
