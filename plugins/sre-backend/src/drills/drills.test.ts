import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  Drill,
  ReadinessCheck,
  ReadinessReport,
  SourceStatus,
  TeamDrillsResponse,
  TeamReport,
} from '@baton/plugin-sre-common';
import { ConfigReader } from '@backstage/config';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  ImportedDrill,
  sreDrillSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import request from 'supertest';
import { shippedPolicyPermissions } from '../__testUtils__/shippedPolicy';
import {
  groupEntity,
  ownedEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';
import type { TriggerableScheduler } from '../__testUtils__/triggerableScheduler';
import { readSreAdmins } from '../policy/sreDefaultPolicy';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const PLATFORM = 'group:default/platform';
const FARID = 'user:default/farid';
const AIKO = 'user:default/aiko';
const SAM = 'user:default/sam'; // in another team
const ROOT = 'user:default/root'; // an sre admin, in no team
const ORDERS = 'component:default/orders';
const WEB = 'component:default/web';

const service = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ownedEntity('Component', name, { owner: PLATFORM, annotations });
const entities: Entity[] = [
  groupEntity('platform', [FARID, AIKO]),
  groupEntity('search', [SAM]),
  userEntity('farid', { displayName: 'Farid', memberOf: [PLATFORM] }),
  userEntity('aiko', { displayName: 'Aiko', memberOf: [PLATFORM] }),
  userEntity('sam', { displayName: 'Sam', memberOf: ['group:default/search'] }),
  service('orders', { 'baton.dev/backups': 'cross-region,cross-account' }),
  service('web'),
];

const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY).toISOString();

/** What the test's drill source returns on its next read; it fails while `failWith` is set. */
const imported: { drills: ImportedDrill[]; failWith?: string } = { drills: [] };
const drillSourceModule = createBackendModule({
  pluginId: 'sre',
  moduleId: 'test-drill-source',
  register(env) {
    env.registerInit({
      deps: { drills: sreDrillSourcesExtensionPoint },
      async init({ drills }) {
        drills.addDrillSource({
          id: 'game-days',
          readDrills: async () => {
            if (imported.failWith) throw new Error(imported.failWith);
            return imported.drills;
          },
        });
      },
    });
  },
});

describe.each(databases.eachSupportedId())('drills on %s', id => {
  let server: Parameters<typeof request>[0];
  let scheduler: TriggerableScheduler;

  beforeAll(async () => {
    ({ server, scheduler } = await startSreTestBackend({
      knex: await databases.init(id),
      entities,
      features: [drillSourceModule],
      // The shipped policy: a team's drills change only by its own people;
      // root, an admin of Baton's, reads the sources' status.
      config: { sre: { admins: [ROOT] } },
      permissions: shippedPolicyPermissions(
        readSreAdmins(new ConfigReader({ sre: { admins: [ROOT] } })),
      ),
    }));
  });

  const as = (userRef: string) => ({
    get: (url: string) =>
      request(server)
        .get(`/api/sre${url}`)
        .set('Authorization', mockCredentials.user.header(userRef)),
    post: (url: string, body: object) =>
      request(server)
        .post(`/api/sre${url}`)
        .set('Authorization', mockCredentials.user.header(userRef))
        .send(body),
  });
  const checksOf = async (entityRef: string) => {
    const [kind, rest] = entityRef.split(':');
    const res = await as(FARID).get(`/entities/${kind}/${rest}/readiness`);
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body as ReadinessReport).checks.map(check => [check.id, check]),
    ) as Record<string, ReadinessCheck>;
  };
  const teamDrills = async () => {
    const res = await as(FARID).get('/drills/default/platform');
    expect(res.status).toBe(200);
    return res.body as TeamDrillsResponse;
  };
  const restoreDrill = {
    scenario: 'restore-from-backup',
    title: 'Restore orders-db from last night’s snapshot',
    entityRefs: [ORDERS],
  };

  it('plans a drill, records it, and the readiness checks read it', async () => {
    // Nothing recorded: restores are due on orders (it keeps backups), not on web.
    const before = await teamDrills();
    expect(before.due).toEqual([
      {
        entityRef: ORDERS,
        scenario: 'restore-from-backup',
        lastPerformedAt: null,
        dueSince: null,
      },
    ]);
    expect((await checksOf(ORDERS))['restore-practised']).toMatchObject({
      status: 'fail',
      reasonCode: 'restorePractised',
      reasonParams: { count: 0, days: 365, people: '' },
    });
    expect((await checksOf(WEB))['restore-practised']).toMatchObject({
      status: 'not-applicable',
      reasonCode: 'noBackupsToRestore',
    });

    const planned = await as(FARID).post('/drills/default/platform', {
      ...restoreDrill,
      plannedFor: daysAgo(3).slice(0, 10),
    });
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({
      teamRef: PLATFORM,
      scenario: 'restore-from-backup',
      entityRefs: [ORDERS],
      performedAt: null,
      participants: [],
      createdBy: FARID,
    });

    const recorded = await as(FARID).post(
      `/drills/default/platform/${planned.body.id}/record`,
      {
        performedAt: daysAgo(3),
        participants: ['farid'],
        outcome: 'partly-succeeded',
        recoveryMinutes: 95,
        notes: 'The restore role lacked kms:Decrypt.',
      },
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      participants: [FARID],
      outcome: 'partly-succeeded',
      recoveryMinutes: 95,
      recordedBy: FARID,
    });

    const afterOne = await checksOf(ORDERS);
    expect(afterOne.drill).toMatchObject({
      status: 'pass',
      reasonCode: 'drillRecorded',
      reasonParams: { days: 3, people: 'Farid' },
    });
    // The evidence names the drill and the team whose Drills tab lists it.
    expect(afterOne.drill.evidence).toEqual([
      {
        kind: 'drill',
        drillId: planned.body.id,
        title: restoreDrill.title,
        scenario: 'restore-from-backup',
        at: recorded.body.performedAt,
        participants: [{ userRef: FARID, name: 'Farid' }],
        outcome: 'partly-succeeded',
        teamRef: 'group:default/platform',
      },
    ]);
    expect(afterOne['restore-practised']).toMatchObject({
      status: 'fail',
      reasonParams: { count: 1, people: 'Farid' },
    });
    expect((await teamDrills()).due).toEqual([]);

    // A drill that already took place, planned and recorded at once, with Aiko.
    const second = await as(AIKO).post('/drills/default/platform', {
      ...restoreDrill,
      title: 'Restore orders-db into a new account',
      record: {
        performedAt: daysAgo(1),
        participants: [AIKO, FARID],
        outcome: 'succeeded',
      },
    });
    expect(second.status).toBe(201);
    expect((await checksOf(ORDERS))['restore-practised']).toMatchObject({
      status: 'pass',
      reasonParams: { count: 2, people: 'Aiko, Farid' },
      reason:
        '2 of the team took part in a restore drill in the last 365 days (Aiko, Farid).',
    });
    const listed = (await teamDrills()).drills.map((d: Drill) => d.title);
    expect(listed).toEqual([
      'Restore orders-db into a new account',
      'Restore orders-db from last night’s snapshot',
    ]);
  });

  it('shows in the leave simulation when nobody who restored it is at work', async () => {
    const report = async (absent: string[]) => {
      const query = absent.map(ref => `absent=${ref}`).join('&');
      const res = await as(FARID).get(
        `/teams/default/platform/report?${query}`,
      );
      expect(res.status).toBe(200);
      return (res.body as TeamReport).services.find(
        s => s.entityRef === ORDERS,
      )!.during!;
    };
    const both = await report([FARID, AIKO]);
    expect(both.uncoveredCodes).toContainEqual({
      code: 'noRestorerLeft',
      params: { days: '365' },
    });
    expect(
      both.flipped.find(flip => flip.id === 'restore-practised'),
    ).toMatchObject({ before: 'pass', after: 'fail' });
    const faridOnly = await report([FARID]);
    expect(faridOnly.uncoveredCodes.map(gap => gap.code)).not.toContain(
      'noRestorerLeft',
    );
  });

  it('raises follow-up items that the team’s next review carries over', async () => {
    const [drill] = (await teamDrills()).drills;
    const item = await as(AIKO).post(
      `/drills/default/platform/${drill.id}/actions`,
      {
        title: 'Give the restore role kms:Decrypt',
        ownerRef: 'farid',
        due: '2030-01-31',
      },
    );
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({
      reviewId: null,
      drillId: drill.id,
      ownerRef: FARID,
      status: 'open',
    });
    const review = await as(FARID).get('/reviews/default/platform');
    expect(review.status).toBe(200);
    // The agenda's backups and drills: both restore drills took place in its 14 days; web declares no backups.
    const { backupsDrills } = review.body.agenda;
    expect(backupsDrills.drillsDone.map((d: Drill) => d.title).sort()).toEqual([
      'Restore orders-db from last night’s snapshot',
      'Restore orders-db into a new account',
    ]);
    expect(backupsDrills.drillsDue).toEqual([]);
    expect(backupsDrills.backupGaps).toEqual([
      expect.objectContaining({
        entityRef: WEB,
        status: 'fail',
        reasonCode: 'backupsMissing',
      }),
    ]);
    expect(
      review.body.openActionItems.map((i: { title: string }) => i.title),
    ).toContain('Give the restore role kms:Decrypt');
    expect(
      (await teamDrills()).drills.find((d: Drill) => d.id === drill.id)!
        .actionItems,
    ).toEqual([expect.objectContaining({ id: item.body.id })]);
    // Closed from the review page like any other item.
    const closed = await request(server)
      .patch(`/api/sre/reviews/default/platform/actions/${item.body.id}`)
      .set('Authorization', mockCredentials.user.header(FARID))
      .send({ status: 'done' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('done');
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const count = async () => (await teamDrills()).drills.length;
    const stored = await count();
    const refused = async (body: object, field: RegExp) => {
      const res = await as(FARID).post('/drills/default/platform', body);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: expect.stringMatching(field),
      });
    };
    await refused(
      {
        ...restoreDrill,
        record: {
          performedAt: daysAgo(1),
          participants: [],
          outcome: 'succeeded',
        },
      },
      /^record\.participants: at least one person took part/,
    );
    await refused(
      {
        ...restoreDrill,
        record: {
          performedAt: new Date(Date.now() + 2 * DAY).toISOString(),
          participants: [FARID],
          outcome: 'succeeded',
        },
      },
      /^performedAt: a recorded drill cannot take place in the future/,
    );
    await refused(
      { ...restoreDrill, entityRefs: ['component:default/nowhere'] },
      /^entityRefs\[0\]: component:default\/nowhere is not in the catalog/,
    );
    await refused({ ...restoreDrill, scenario: 'fire-drill' }, /^scenario: /);
    await refused(
      {
        ...restoreDrill,
        record: {
          performedAt: daysAgo(1),
          participants: ['user:default/ghost'],
          outcome: 'succeeded',
        },
      },
      /^participants\[0\]: /,
    );
    expect(await count()).toBe(stored);
    const recordPlanned = await as(FARID).post(
      '/drills/default/platform/999999/record',
      { performedAt: daysAgo(1), participants: [FARID], outcome: 'failed' },
    );
    expect(recordPlanned.status).toBe(404);
  });

  it('lets only the team (and the teams above it) change its drills', async () => {
    const res = await as(SAM).post('/drills/default/platform', restoreDrill);
    expect(res.status).toBe(403);
    // Anyone may read them.
    expect((await as(SAM).get('/drills/default/platform')).status).toBe(200);
    const entity = await as(SAM).get(
      '/entities/component/default/orders/drills',
    );
    expect(entity.status).toBe(200);
    expect(entity.body.drills.length).toBeGreaterThan(0);
  });

  it('imports the drills a drill source recorded, once, and tries a refused one again', async () => {
    const gameDay: ImportedDrill = {
      teamRef: PLATFORM,
      scenario: 'region-failover',
      title: 'Game day: fail web over to the other region',
      entityRefs: [WEB],
      performedAt: daysAgo(10),
      participants: [AIKO, 'farid'],
      outcome: 'succeeded',
      recoveryMinutes: 12,
      notes: 'DNS switched in 4 minutes.',
      recordedBy: AIKO,
    };
    const notYet: ImportedDrill = {
      ...gameDay,
      title: 'Game day: restore a service not in the catalog yet',
      entityRefs: ['component:default/not-yet'],
      performedAt: daysAgo(9),
    };
    imported.drills = [gameDay, notYet];
    await scheduler.triggerTask('sre-drill-import');
    const titles = async () =>
      (await teamDrills()).drills
        .map((d: Drill) => d.title)
        .filter(title => title.startsWith('Game day'));
    expect(await titles()).toEqual([gameDay.title]);
    expect(
      (await teamDrills()).drills.find(d => d.title === gameDay.title),
    ).toMatchObject({
      scenario: 'region-failover',
      entityRefs: [WEB],
      participants: [AIKO, FARID],
      outcome: 'succeeded',
      recoveryMinutes: 12,
      notes: 'DNS switched in 4 minutes.',
      createdBy: AIKO,
      recordedBy: AIKO,
      performedAt: gameDay.performedAt,
    });
    expect((await checksOf(WEB)).drill).toMatchObject({
      status: 'pass',
      reasonCode: 'drillRecorded',
      reasonParams: { days: 10, people: 'Aiko, Farid' },
    });

    // Read again: the same drill is not recorded twice; the refused one is tried again.
    imported.drills = [gameDay, { ...notYet, entityRefs: [ORDERS] }];
    await scheduler.triggerTask('sre-drill-import');
    expect(await titles()).toEqual([notYet.title, gameDay.title]);

    const status = async () => {
      const res = await as(ROOT).get('/sources');
      expect(res.status).toBe(200);
      return (res.body.items as SourceStatus[]).find(
        item => item.id === 'drill-source:game-days',
      )!;
    };
    // The second run succeeded after the first one's refusal.
    const afterSecond = await status();
    expect(afterSecond).toMatchObject({
      kind: 'drills',
      lastCounts: { received: 1 },
    });
    expect(afterSecond.lastError).toContain(
      'component:default/not-yet is not in the catalog',
    );
    expect(Date.parse(afterSecond.lastSuccessAt!)).toBeGreaterThanOrEqual(
      Date.parse(afterSecond.lastErrorAt!),
    );

    // A source that fails records nothing and stops nothing; the admin page says why.
    imported.failWith = 'the game-day tool is down';
    await scheduler.triggerTask('sre-drill-import');
    imported.failWith = undefined;
    expect(await titles()).toEqual([notYet.title, gameDay.title]);
    expect((await status()).lastError).toContain('the game-day tool is down');
  });
});
