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

/** One protected resource of the production account in Tokyo, as the demo tells it. */
interface DemoResource {
  arn: string;
  type: string;
  name: string;
  tags: Record<string, string>;
  /** Minutes after the night's run start that its backup completed. */
  backedUpAfter: number;
  /** Its one copy: where to, and minutes after the run start it completed. */
  copy: { region: string; account: string; vault: string; after: number };
  /** Its last restore test, when it had one: days and hours before the run. */
  restoreTest?: { daysBefore: number; hoursAfter: number };
}

/**
 * Last night's evidence of a resource: its backup to the primary vault in
 * Tokyo, its one copy and, when it had one, its last (successful) restore test.
 */
function evidenceOf(
  resource: DemoResource,
  night: number,
): ProtectedResourceEvidence {
  const at = (ms: number) => new Date(ms).toISOString();
  const key = resource.name;
  return {
    resourceArn: resource.arn,
    resourceType: resource.type,
    resourceName: resource.name,
    accountId: PRODUCTION,
    region: TOKYO,
    tags: resource.tags,
    lastBackup: {
      jobId: `demo-backup-${key}`,
      at: at(night + resource.backedUpAfter * 60_000),
      state: 'COMPLETED',
      vaultArn: vault(TOKYO, PRODUCTION, 'hanamori-primary'),
    },
    copies: [
      {
        jobId: `demo-copy-${key}-${resource.copy.vault}`,
        at: at(night + resource.copy.after * 60_000),
        state: 'COMPLETED',
        destinationVaultArn: vault(
          resource.copy.region,
          resource.copy.account,
          resource.copy.vault,
        ),
        destinationAccountId: resource.copy.account,
        destinationRegion: resource.copy.region,
      },
    ],
    ...(resource.restoreTest
      ? {
          lastRestore: {
            jobId: `demo-restore-test-${key}`,
            at: at(
              night -
                resource.restoreTest.daysBefore * DAY +
                resource.restoreTest.hoursAfter * HOUR,
            ),
            state: 'COMPLETED',
            restoreTesting: true,
            validationStatus: 'SUCCESSFUL',
          },
        }
      : {}),
  };
}

/**
 * AWS Backup as the demo's production account would report it, relative to
 * the pull's time: orders-db is copied to Osaka every night but never to the
 * vault account (cross-region, not cross-account); the media bucket is copied
 * only to a vault in its own account and region (which counts as neither)
 * and has never been restored; storefront's sessions table is copied to the
 * vault account in Osaka and restore-tested weekly.
 */
const DEMO_RESOURCES: DemoResource[] = [
  {
    arn: `arn:aws:rds:${TOKYO}:${PRODUCTION}:cluster:orders-db`,
    type: 'Aurora',
    name: 'orders-db',
    tags: { service: 'orders-db', env: 'production' },
    backedUpAfter: 12,
    copy: {
      region: OSAKA,
      account: PRODUCTION,
      vault: 'hanamori-dr',
      after: 52,
    },
    restoreTest: { daysBefore: 20, hoursAfter: 2 },
  },
  {
    arn: 'arn:aws:s3:::hanamori-media',
    type: 'S3',
    name: 'hanamori-media',
    tags: { service: 'media-streaming' },
    backedUpAfter: 61,
    copy: {
      region: TOKYO,
      account: PRODUCTION,
      vault: 'media-copies',
      after: 95,
    },
  },
  {
    arn: `arn:aws:dynamodb:${TOKYO}:${PRODUCTION}:table/storefront-sessions`,
    type: 'DynamoDB',
    name: 'storefront-sessions',
    tags: { service: 'storefront' },
    backedUpAfter: 5,
    copy: {
      region: OSAKA,
      account: VAULT_ACCOUNT,
      vault: 'hanamori-vault',
      after: 31,
    },
    restoreTest: { daysBefore: 5, hoursAfter: 3 },
  },
];

/** The demo's AWS Backup source: DEMO_RESOURCES as of the last nightly run before the pull. */
export class DemoBackupSource implements BackupSource {
  readonly id = `aws-backup-${PRODUCTION}`;

  async *pull({
    now,
  }: {
    now: Date;
  }): AsyncIterable<ProtectedResourceEvidence> {
    // Last night's 03:00 JST run (18:00 UTC), at least a few hours back.
    const night = now.getTime() - ((now.getTime() - 18 * HOUR) % DAY) - DAY;
    for (const resource of DEMO_RESOURCES) yield evidenceOf(resource, night);
  }
}
