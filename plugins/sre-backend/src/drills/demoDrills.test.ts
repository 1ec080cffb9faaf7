import { TestDatabases } from '@backstage/backend-test-utils';
import type { TeamDrillsResponse, TeamReport } from '@baton/plugin-sre-common';
import {
  DEMO_PULL_TASKS,
  startDemoBackend,
} from '../__testUtils__/demoBackend';
import { DEMO_TOUR_LEVELS } from '../__testUtils__/demoCatalog';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** The demo's pulls but the drill import, which the test runs itself. */
const TASKS = DEMO_PULL_TASKS.filter(task => task !== 'sre-drill-import');
const FARID = 'user:default/farid.haddad';
const ORDERS_DB = 'resource:default/orders-db';

describe.each(databases.eachSupportedId())('the demo drills on %s', id => {
  it('record Farid alone restoring orders-db, and keep the levels the demo tour shows', async () => {
    const {
      scheduler,
      get,
      readiness: checks,
    } = await startDemoBackend(await databases.init(id));
    const check = async (ref: string, checkId: string) =>
      (await checks(ref)).checks.find(c => c.id === checkId)!;
    for (const task of TASKS) await scheduler.triggerTask(task);
    const levelsBefore = await Promise.all(
      DEMO_TOUR_LEVELS.map(async ([ref]) => (await checks(ref)).level),
    );

    await scheduler.triggerTask('sre-drill-import');
    // A second run (the schedule's next) records nothing again.
    await scheduler.triggerTask('sre-drill-import');

    const levels = await Promise.all(
      DEMO_TOUR_LEVELS.map(async ([ref]) => (await checks(ref)).level),
    );
    expect(levels).toEqual(DEMO_TOUR_LEVELS.map(([, level]) => level));
    expect(levelsBefore).toEqual(levels);

    const fulfilment: TeamDrillsResponse = await get(
      '/drills/default/fulfilment-squad',
    );
    expect(fulfilment.drills.map(d => d.title)).toEqual([
      'Restore orders-db from the Osaka copy into staging',
    ]);
    const storefront: TeamDrillsResponse = await get(
      '/drills/default/storefront-squad',
    );
    expect(storefront.drills).toHaveLength(1);
    expect(storefront.drills[0].participants).toHaveLength(2);

    // orders-db: drilled, but restores are practised by Farid alone.
    const drill = await check(ORDERS_DB, 'drill');
    expect(drill).toMatchObject({
      status: 'pass',
      reasonCode: 'drillRecorded',
      reasonParams: { scenario: 'restore-from-backup', people: 'Farid Haddad' },
    });
    // 47 days before 10:00 UTC today: 46 full days before then.
    expect([46, 47]).toContain(drill.reasonParams!.days);
    expect(await check(ORDERS_DB, 'restore-practised')).toMatchObject({
      status: 'fail',
      reasonCode: 'restorePractised',
      reasonParams: { count: 1, people: 'Farid Haddad' },
    });
    expect(await check('component:default/storefront', 'drill')).toMatchObject({
      status: 'pass',
      reasonCode: 'drillRecorded',
      reasonParams: { people: 'Aiko Tanaka, Chihiro Mori' },
    });

    // With Farid away, nobody at work has restored orders-db.
    const away: TeamReport = await get(
      `/teams/default/fulfilment-squad/report?absent=${FARID}`,
    );
    expect(
      away.services.find(s => s.entityRef === ORDERS_DB)!.during!
        .uncoveredCodes,
    ).toContainEqual({ code: 'noRestorerLeft', params: { days: '365' } });

    // Restores are due as the checks count them: checkout-api and
    // order-batch keep their data in orders-db, whose restore covers them
    // (checkout-api's team did not record it); inventory-sync and
    // media-streaming keep backups of their own, never restored in a drill.
    const restoresDue = (drills: TeamDrillsResponse) =>
      drills.due
        .filter(d => d.scenario === 'restore-from-backup')
        .map(d => d.entityRef)
        .sort();
    expect(restoresDue(storefront)).not.toContain(
      'component:default/checkout-api',
    );
    expect(restoresDue(fulfilment)).toEqual([
      'component:default/inventory-sync',
      'component:default/media-streaming',
    ]);
  });
});
