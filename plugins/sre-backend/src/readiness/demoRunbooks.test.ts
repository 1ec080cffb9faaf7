import { TestDatabases } from '@backstage/backend-test-utils';
import { startDemoBackend } from '../__testUtils__/demoBackend';
import { DEMO_TOUR_LEVELS } from '../__testUtils__/demoCatalog';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('the demo runbooks on %s', id => {
  it('have different ages, shown on the runbook check and the fulfilment review, and keep the tour’s levels', async () => {
    const { scheduler, get, readiness } = await startDemoBackend(
      await databases.init(id),
    );
    const runbook = async (name: string) =>
      (await readiness(`component:default/${name}`)).checks.find(
        c => c.id === 'runbook',
      );
    await scheduler.triggerTask('sre-knowledge-refresh');

    // The storefront's runbook lives in its repository, reworked by a pair last month.
    expect(await runbook('storefront')).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookFresh',
      reasonParams: {
        path: 'docs/runbook.md',
        days: 25,
        people: 'Chihiro Mori, Gen Ito',
      },
    });
    const { runbook: history } = await get(
      '/entities/component/default/storefront/knowledge',
    );
    // Aiko wrote it and paired once; everyone else changed it once.
    expect(history.changedBy[0]).toMatchObject({
      userRef: 'user:default/aiko.tanaka',
      changes: 2,
    });
    expect(
      history.changedBy.map((p: { userRef: string }) => p.userRef).sort(),
    ).toEqual([
      'user:default/aiko.tanaka',
      'user:default/ben.okafor',
      'user:default/chihiro.mori',
      'user:default/gen.ito',
    ]);
    // payments-adapter's has not changed since Daniel wrote it.
    expect(await runbook('payments-adapter')).toMatchObject({
      status: 'fail',
      reasonCode: 'runbookStale',
      reasonParams: { path: 'RUNBOOK.md', days: 330, people: 'Daniel Weiss' },
    });
    // checkout-api's is on the wiki, reviewed by Aiko.
    expect(await runbook('checkout-api')).toMatchObject({
      status: 'pass',
      reasonCode: 'runbookReviewed',
      reasonParams: { date: '2026-09-14', people: 'Aiko Tanaka' },
    });
    expect(await runbook('order-batch')).toMatchObject({
      reasonCode: 'runbookMissing',
    });

    const { agenda } = await get('/reviews/default/fulfilment-squad');
    expect(agenda.backupsDrills.staleRunbooks).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/payments-adapter',
        reasonCode: 'runbookStale',
      }),
    ]);

    const levels = await Promise.all(
      DEMO_TOUR_LEVELS.map(async ([ref]) => (await readiness(ref)).level),
    );
    expect(levels).toEqual(DEMO_TOUR_LEVELS.map(([, level]) => level));
  });
});
