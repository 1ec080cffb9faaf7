import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  BackupCopyEvidence,
  EntityBackupHistoryResponse,
  ProtectedResourceEvidence,
} from '@baton/plugin-sre-common';
import { sreBackupSourcesExtensionPoint } from '@baton/plugin-sre-node';
import type { Knex } from 'knex';
import request from 'supertest';
import { groupEntity, ownedEntity } from '../__testUtils__/catalogEntities';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';
import { copyJob as copy } from './__testUtils__/copyJob';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const APP = '111111111111';
const VAULT = '222222222222';
const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY).toISOString();
const ALICE = 'user:default/alice';
/** Sees every entity but ledger. */
const RESTRICTED = 'user:default/restricted';
const ORDERS_ARN = `arn:aws:rds:ap-northeast-1:${APP}:cluster:orders`;

const entities: Entity[] = [
  groupEntity('platform'),
  ownedEntity('Resource', 'orders-db', { owner: 'group:default/platform' }),
  ownedEntity('Resource', 'ledger', { owner: 'group:default/platform' }),
];

const orders = (copies: BackupCopyEvidence[]): ProtectedResourceEvidence => ({
  resourceArn: ORDERS_ARN,
  resourceType: 'Aurora',
  resourceName: 'orders',
  accountId: APP,
  region: 'ap-northeast-1',
  tags: { service: 'orders-db' },
  copies,
});
const ledger: ProtectedResourceEvidence = {
  resourceArn: `arn:aws:rds:ap-northeast-1:${APP}:db:ledger`,
  resourceType: 'RDS',
  resourceName: 'ledger',
  accountId: APP,
  region: 'ap-northeast-1',
  tags: { service: 'ledger' },
  copies: [],
};

/** What the source says on its next pull. */
let answer: ProtectedResourceEvidence[] = [];

describe.each(databases.eachSupportedId())('backup history on %s', id => {
  let server: Parameters<typeof request>[0];
  let knex: Knex;
  const get = (url: string, userRef = ALICE) =>
    request(server)
      .get(`/api/sre/entities/resource/default/${url}`)
      .set('Authorization', mockCredentials.user.header(userRef));

  beforeAll(async () => {
    knex = await databases.init(id);
    const backend = await startSreTestBackend({
      knex,
      catalog: visibilityCatalogFactory(
        entities,
        (userRef, entityRef) =>
          userRef === RESTRICTED && entityRef === 'resource:default/ledger',
      ),
      features: [
        createBackendModule({
          pluginId: 'sre',
          moduleId: 'test-backup-history',
          register(env) {
            env.registerInit({
              deps: { backups: sreBackupSourcesExtensionPoint },
              async init({ backups }) {
                backups.addBackupSource({
                  id: 'aws-backup-111111111111',
                  async *pull() {
                    yield* answer;
                  },
                });
              },
            });
          },
        }),
      ],
    });
    server = backend.server;
    // Three pulls: a cross-region copy, then a failed cross-account one, then a completed one.
    const regionCopy = copy('us-west-2', APP, daysAgo(3));
    const pulls = [
      [orders([regionCopy]), ledger],
      [orders([regionCopy, copy('eu-west-1', VAULT, daysAgo(2), 'FAILED')])],
      [orders([regionCopy, copy('eu-west-1', VAULT, daysAgo(1))]), ledger],
    ];
    for (const items of pulls) {
      answer = items;
      await backend.scheduler.triggerTask('sre-backup-pull');
    }
  });

  it('returns each pull’s evidence, newest first, paged by cursor', async () => {
    const first = await get(
      'orders-db/backups/history?resource=orders&limit=2',
    );
    expect(first.status).toBe(200);
    const page1: EntityBackupHistoryResponse = first.body;
    expect(page1).toMatchObject({
      entityRef: 'resource:default/orders-db',
      resourceArn: ORDERS_ARN,
      resourceName: 'orders',
      days: 90,
      copyMaxAgeDays: 7,
      nextCursor: expect.stringMatching(/^\d+$/),
    });
    expect(
      page1.items.map(item => [
        item.crossAccount.verified,
        item.failedCopies,
        item.crossRegion.verified,
      ]),
    ).toEqual([
      [true, 0, true],
      [false, 1, true],
    ]);
    expect(page1.items[0]).toMatchObject({
      sourceId: 'aws-backup-111111111111',
      lastBackupAt: null,
      lastRestore: null,
    });
    expect(Date.parse(page1.items[0].pulledAt)).toBeGreaterThanOrEqual(
      Date.parse(page1.items[1].pulledAt),
    );
    // By ARN too; the cursor pages on to the oldest pull.
    const second = await get(
      `orders-db/backups/history?resource=${encodeURIComponent(
        ORDERS_ARN,
      )}&limit=2&cursor=${page1.nextCursor}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].crossAccount).toEqual({
      lastCopyAt: null,
      verified: false,
    });
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('reaches back only `days`', async () => {
    // The oldest pull moved back 30 days.
    const oldest = await knex('sre_backup_pulls').min({ id: 'id' });
    await knex('sre_backup_pulls')
      .where({ id: oldest[0].id })
      .update({ pulled_at: new Date(Date.now() - 30 * DAY) });
    const recent = await get(
      'orders-db/backups/history?resource=orders&days=7',
    );
    expect(recent.body.items).toHaveLength(2);
    const all = await get('orders-db/backups/history?resource=orders&days=31');
    expect(all.body.items).toHaveLength(3);
  });

  it.each([
    ['', 'resource'],
    ['resource=', 'resource'],
    ['resource=orders&days=0', 'days'],
    ['resource=orders&days=401', 'days'],
    ['resource=orders&days=seven', 'days'],
    ['resource=orders&limit=501', 'limit'],
    ['resource=orders&cursor=abc', 'cursor'],
    ['resource=orders&cursor=0', 'cursor'],
    // Ledger's resource is not orders-db's.
    ['resource=ledger', 'resource'],
  ])('answers ?%s with a 400 naming %s', async (query, field) => {
    const res = await get(`orders-db/backups/history?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
  });

  it('hides an entity the caller cannot read, as the catalog does', async () => {
    const own = await get('ledger/backups/history?resource=ledger');
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(2);
    const hidden = await get(
      'ledger/backups/history?resource=ledger',
      RESTRICTED,
    );
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('arn:aws');
    // The restricted user still reads what they may.
    expect(
      (await get('orders-db/backups/history?resource=orders', RESTRICTED))
        .status,
    ).toBe(200);
  });
});
