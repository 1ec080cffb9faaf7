import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  BackupCopyEvidence,
  EntityBackupsResponse,
  ProtectedResourceEvidence,
  ReadinessCheck,
  ReadinessReport,
} from '@baton/plugin-sre-common';
import {
  type BackupSource,
  sreBackupSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import type { Knex } from 'knex';
import request from 'supertest';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';
import { copyJob as copy } from './__testUtils__/copyJob';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const APP = '111111111111';
const VAULT = '222222222222';
const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY).toISOString();
/** When the media bucket's restore test ran (and failed its validation). */
const MEDIA_RESTORE_TEST_AT = daysAgo(3);

const resource = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'database', owner: 'group:default/platform' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
});
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  resource('orders-db', {
    'baton.dev/backups': 'cross-region,cross-account',
  }),
  // Its bucket's tags say team=media; the selector says so.
  resource('media', { 'baton.dev/backup-selector': 'team=media' }),
  resource('ledger', {
    'baton.dev/backup-resources': `arn:aws:rds:eu-west-1:${APP}:db:ledger`,
  }),
  resource('reports', { 'baton.dev/backups': 'cross-region,cross-account' }),
];

const evidence = (
  arn: string,
  tags: Record<string, string>,
  copies: BackupCopyEvidence[],
): ProtectedResourceEvidence => ({
  resourceArn: arn,
  resourceType: 'RDS',
  resourceName: arn.split(':').pop(),
  accountId: APP,
  region: 'ap-northeast-1',
  tags,
  copies,
});

/** A backup source whose answers the test sets before each pull. */
class ScriptedBackupSource implements BackupSource {
  readonly id = 'aws-backup-111111111111';
  answer: () => ProtectedResourceEvidence[] = () => [];
  async *pull() {
    yield* this.answer();
  }
}

const byId = (checks: ReadinessCheck[]) =>
  Object.fromEntries(checks.map(check => [check.id, check]));

describe.each(databases.eachSupportedId())('backups on %s', id => {
  let server: Parameters<typeof request>[0];
  let knex: Knex;
  let pull: () => Promise<void>;
  const source = new ScriptedBackupSource();

  const get = async (name: string, what: 'backups' | 'readiness') => {
    const response = await request(server).get(
      `/api/sre/entities/resource/default/${name}/${what}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    knex = await databases.init(id);
    const backend = await startSreTestBackend({
      knex,
      entities,
      features: [
        createBackendModule({
          pluginId: 'sre',
          moduleId: 'test-backups',
          register(env) {
            env.registerInit({
              deps: { backups: sreBackupSourcesExtensionPoint },
              async init({ backups }) {
                backups.addBackupSource(source);
              },
            });
          },
        }),
      ],
    });
    server = backend.server;
    pull = () => backend.scheduler.triggerTask('sre-backup-pull');
  });

  it('reads only the declaration before the first pull, at full weight', async () => {
    const orders: ReadinessReport = await get('orders-db', 'readiness');
    expect(byId(orders.checks).backups).toMatchObject({
      status: 'pass',
      reasonCode: 'backupsDeclared',
      weight: 2,
    });
    const backups: EntityBackupsResponse = await get('orders-db', 'backups');
    expect(backups).toMatchObject({
      entityRef: 'resource:default/orders-db',
      collected: true,
      copyMaxAgeDays: 7,
      selector: 'service=orders-db',
      items: [],
    });
  });

  it('maps resources by tag, selector and ARN, and judges their copies', async () => {
    source.answer = () => [
      evidence(
        `arn:aws:rds:ap-northeast-1:${APP}:cluster:orders`,
        { service: 'orders-db' },
        [
          // Cross-region, same account.
          copy('us-west-2', APP, daysAgo(1)),
          // Same account and region: neither.
          copy('ap-northeast-1', APP, daysAgo(1)),
        ],
      ),
      {
        ...evidence('arn:aws:s3:::media-bucket', { team: 'media' }, [
          copy('us-west-2', VAULT, daysAgo(2)),
          copy('eu-west-1', VAULT, daysAgo(1), 'FAILED'),
        ]),
        // A restore test that ran to the end and failed its validation.
        lastRestore: {
          jobId: 'restore-1',
          at: MEDIA_RESTORE_TEST_AT,
          state: 'COMPLETED',
          restoreTesting: true,
          validationStatus: 'FAILED',
        },
      },
      evidence(`arn:aws:rds:eu-west-1:${APP}:db:ledger`, {}, [
        copy('eu-central-1', VAULT, daysAgo(20)),
      ]),
      evidence(`arn:aws:rds:ap-northeast-1:${APP}:db:unclaimed`, {}, []),
    ];
    await pull();

    const orders: EntityBackupsResponse = await get('orders-db', 'backups');
    expect(orders.items).toHaveLength(1);
    expect(orders.items[0]).toMatchObject({
      resourceName: 'orders',
      sourceId: 'aws-backup-111111111111',
      matchedBy: 'tags',
      crossRegion: {
        verified: true,
        lastCopy: { destinationRegion: 'us-west-2' },
      },
      crossAccount: { verified: false },
      failedCopies: [],
    });
    const ordersCheck = byId(
      (await get('orders-db', 'readiness')).checks,
    ).backups;
    expect(ordersCheck).toMatchObject({
      status: 'fail',
      reasonCode: 'backupCrossAccountMissing',
      reasonParams: { resources: 'orders', days: 7 },
      weight: 2,
    });
    // The evidence under the check: where the copy went; none to another account.
    expect(ordersCheck.evidence).toEqual([
      {
        kind: 'backup-resource',
        name: 'orders',
        crossRegionCopyAt: expect.any(String),
        crossRegionCopyTo: { region: 'us-west-2', accountId: APP },
        crossAccountCopyAt: null,
        failedCopyAt: null,
        lastRestore: null,
      },
    ]);

    // The selector's tag; the failed copy to eu-west-1 does not undo the completed one.
    const media: EntityBackupsResponse = await get('media', 'backups');
    expect(media.selector).toBe('team=media');
    expect(media.items.map(item => item.resourceArn)).toEqual([
      'arn:aws:s3:::media-bucket',
    ]);
    expect(media.items[0].failedCopies).toEqual([
      expect.objectContaining({ destinationRegion: 'eu-west-1' }),
    ]);
    const mediaCheck = byId((await get('media', 'readiness')).checks).backups;
    expect(mediaCheck).toMatchObject({
      status: 'pass',
      reasonCode: 'backupsVerified',
    });
    expect(mediaCheck.evidence).toEqual([
      expect.objectContaining({
        crossAccountCopyTo: { region: 'us-west-2', accountId: VAULT },
        failedCopyTo: { region: 'eu-west-1', accountId: VAULT },
        // The card says the test failed its validation, not just that it completed.
        lastRestore: {
          at: MEDIA_RESTORE_TEST_AT,
          state: 'COMPLETED',
          restoreTesting: true,
          validationStatus: 'FAILED',
        },
      }),
    ]);

    // Listed by ARN; its only copy is older than the window.
    const ledger: EntityBackupsResponse = await get('ledger', 'backups');
    expect(ledger.items[0]).toMatchObject({
      matchedBy: 'arn',
      crossRegion: { verified: false },
    });
    expect(
      byId((await get('ledger', 'readiness')).checks).backups,
    ).toMatchObject({ status: 'fail', reasonCode: 'backupCopyStale' });

    // A declaration no pulled resource backs: declared, not verified, half the weight.
    expect(
      byId((await get('reports', 'readiness')).checks).backups,
    ).toMatchObject({
      status: 'pass',
      reasonCode: 'backupsDeclared',
      weight: 1,
    });
  });

  it('keeps each pull as history, and shows the latest', async () => {
    source.answer = () => [
      evidence(
        `arn:aws:rds:ap-northeast-1:${APP}:cluster:orders`,
        { service: 'orders-db' },
        [
          copy('us-west-2', APP, daysAgo(0)),
          copy('ap-northeast-1', VAULT, daysAgo(0)),
        ],
      ),
    ];
    await pull();
    expect(
      byId((await get('orders-db', 'readiness')).checks).backups,
    ).toMatchObject({ status: 'pass', reasonCode: 'backupsVerified' });
    // The media bucket is no longer protected: its evidence is gone from the latest pull.
    expect((await get('media', 'backups')).items).toEqual([]);
    const pulls = await knex('sre_backup_pulls').count({ n: '*' });
    expect(Number(pulls[0].n)).toBe(2);
    const rows = await knex('sre_backup_evidence').count({ n: '*' });
    expect(Number(rows[0].n)).toBe(5);
  });

  it('stores nothing of a pull that hands over a bad resource, naming the field', async () => {
    source.answer = () => [
      {
        ...evidence(`arn:aws:rds:ap-northeast-1:${APP}:cluster:orders`, {}, []),
        copies: [{ ...copy('us-west-2', APP, 'yesterday') }],
      },
    ];
    await pull();
    const status = await request(server).get('/api/sre/sources');
    const row = status.body.items.find(
      (item: { id: string }) =>
        item.id === 'backup-source:aws-backup-111111111111',
    );
    expect(row).toMatchObject({ kind: 'backups', trigger: 'schedule' });
    expect(row.lastError).toMatch(
      /aws-backup-111111111111\[0\]\.copies\[0\]\.at: must be an ISO 8601 time/,
    );
    expect(row.lastCounts).toEqual({ resources: 1 });
    const pulls = await knex('sre_backup_pulls').count({ n: '*' });
    expect(Number(pulls[0].n)).toBe(2);
    // The last good pull still answers.
    expect((await get('orders-db', 'backups')).items).toHaveLength(1);
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const missing = await request(server).get(
      '/api/sre/entities/resource/default/nowhere/backups',
    );
    expect(missing.status).toBe(404);
  });
});
