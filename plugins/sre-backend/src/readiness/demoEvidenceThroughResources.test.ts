import { TestDatabases } from '@backstage/backend-test-utils';
import type { ReadinessCheck, TeamReport } from '@baton/plugin-sre-common';
import {
  DEMO_PULL_TASKS,
  startDemoBackend,
} from '../__testUtils__/demoBackend';
import { DEMO_TOUR_LEVELS } from '../__testUtils__/demoCatalog';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const FARID = 'user:default/farid.haddad';
const ORDER_BATCH = 'component:default/order-batch';

describe.each(databases.eachSupportedId())(
  'the demo’s orders-db evidence on %s',
  id => {
    it('counts for the services that depend on orders-db, and the tour’s levels stay', async () => {
      const { scheduler, get, readiness } = await startDemoBackend(
        await databases.init(id),
      );
      for (const task of DEMO_PULL_TASKS) await scheduler.triggerTask(task);
      const checks = async (ref: string) =>
        Object.fromEntries(
          (await readiness(ref)).checks.map(c => [c.id, c]),
        ) as Record<string, ReadinessCheck>;

      // order-batch keeps no backups of its own: orders-db's copies are its copies.
      const orderBatch = await checks(ORDER_BATCH);
      expect(orderBatch.backups).toMatchObject({
        status: 'fail',
        reasonCode: 'backupCrossAccountMissing',
        reasonParams: { count: 1, resources: 'orders-db' },
      });
      expect(orderBatch.backups.evidence).toEqual([
        expect.objectContaining({
          name: 'orders-db',
          viaEntityRef: 'resource:default/orders-db',
        }),
      ]);
      // Farid's restore of orders-db is the restore drill order-batch has had.
      expect(orderBatch.drill).toMatchObject({
        status: 'pass',
        reasonCode: 'drillRecorded',
        reasonParams: {
          scenario: 'restore-from-backup',
          people: 'Farid Haddad',
        },
      });
      expect(orderBatch['restore-practised']).toMatchObject({
        status: 'fail',
        reasonParams: { count: 1, people: 'Farid Haddad' },
      });

      // checkout-api declares cross-account backups; orders-db's evidence says otherwise.
      const checkout = await readiness('component:default/checkout-api');
      expect(checkout.checks.find(c => c.id === 'backups')).toMatchObject({
        status: 'fail',
        reasonCode: 'backupCrossAccountMissing',
      });
      expect(checkout.level).toBe('at-risk');

      // With Farid away, nobody at work has restored order-batch's database.
      const away: TeamReport = await get(
        `/teams/default/fulfilment-squad/report?absent=${FARID}`,
      );
      expect(
        away.services.find(s => s.entityRef === ORDER_BATCH)!.during!
          .uncoveredCodes,
      ).toContainEqual({ code: 'noRestorerLeft', params: { days: '365' } });

      const levels = await Promise.all(
        DEMO_TOUR_LEVELS.map(async ([ref]) => (await readiness(ref)).level),
      );
      expect(levels).toEqual(DEMO_TOUR_LEVELS.map(([, level]) => level));
    });
  },
);
