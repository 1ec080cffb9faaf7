import { TestDatabases } from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  EntityBackupsResponse,
  ReadinessReport,
} from '@baton/plugin-sre-common';
import sreModuleDemo from '@baton/plugin-sre-backend-module-demo';
import request from 'supertest';
import { DEMO_TOUR_LEVELS, demoCatalog } from '../__testUtils__/demoCatalog';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const TASKS = [
  'sre-knowledge-refresh',
  'sre-slo-evaluation',
  'sre-alert-poll',
  'sre-cost-pull',
  'sre-change-pull',
];

describe.each(databases.eachSupportedId())('the demo backups on %s', id => {
  it('tell the orders-db and media story and keep the levels the demo tour shows', async () => {
    const knex = await databases.init(id);
    const { server, scheduler } = await startSreTestBackend({
      knex,
      config: { sre: { demo: true } },
      entities: demoCatalog(),
      features: [sreModuleDemo],
    });
    const get = async (ref: string, what: string) => {
      const { kind, namespace, name } = parseEntityRef(ref);
      const response = await request(server).get(
        `/api/sre/entities/${kind}/${namespace}/${name}/${what}`,
      );
      expect(response.status).toBe(200);
      return response.body;
    };
    for (const task of TASKS) await scheduler.triggerTask(task);
    const levelsBefore = await Promise.all(
      DEMO_TOUR_LEVELS.map(
        async ([ref]) => (await get(ref, 'readiness')).level,
      ),
    );

    await scheduler.triggerTask('sre-backup-pull');

    const levels = await Promise.all(
      DEMO_TOUR_LEVELS.map(
        async ([ref]) => (await get(ref, 'readiness')).level,
      ),
    );
    expect(levels).toEqual(DEMO_TOUR_LEVELS.map(([, level]) => level));
    expect(levelsBefore).toEqual(levels);

    const check = async (ref: string) =>
      ((await get(ref, 'readiness')) as ReadinessReport).checks.find(
        c => c.id === 'backups',
      )!;
    // orders-db: copied to Osaka, never to the vault account.
    expect(await check('resource:default/orders-db')).toMatchObject({
      status: 'fail',
      reasonCode: 'backupCrossAccountMissing',
      reasonParams: { resources: 'orders-db' },
    });
    const orders: EntityBackupsResponse = await get(
      'resource:default/orders-db',
      'backups',
    );
    expect(orders.items[0]).toMatchObject({
      crossRegion: {
        verified: true,
        lastCopy: { destinationRegion: 'ap-northeast-3' },
      },
      crossAccount: { verified: false },
      lastRestore: { restoreTesting: true, state: 'COMPLETED' },
    });
    // The media bucket: only a vault in its own account and region, never restored.
    expect(await check('component:default/media-streaming')).toMatchObject({
      status: 'fail',
      reasonCode: 'backupCopyStale',
    });
    const media: EntityBackupsResponse = await get(
      'component:default/media-streaming',
      'backups',
    );
    expect(media.items[0].resourceName).toBe('hanamori-media');
    expect(media.items[0].lastRestore).toBeUndefined();
    // Storefront: verified; inventory-sync, with no evidence, is judged on its declaration.
    expect(await check('component:default/storefront')).toMatchObject({
      status: 'pass',
      reasonCode: 'backupsVerified',
      weight: 2,
    });
    const inventory = await check('component:default/inventory-sync');
    expect(inventory.reasonCode).toMatch(/^backupsDeclared/);
    expect(inventory.reasonParams).toMatchObject({ value: 'cross-region' });
    // checkout-api declares cross-account backups; orders-db, which it depends on, shows otherwise.
    expect(await check('component:default/checkout-api')).toMatchObject({
      status: 'fail',
      reasonCode: 'backupCrossAccountMissing',
      reasonParams: { resources: 'orders-db' },
    });
  });
});
