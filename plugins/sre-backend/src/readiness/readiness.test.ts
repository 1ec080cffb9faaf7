import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import sreModuleDemo from '@baton/plugin-sre-backend-module-demo';
import request from 'supertest';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { email: `${name}@hanamori.example` } },
  relations: [relation('memberOf', 'group:default/fulfilment')],
});
const service = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/source-location': `url:https://github.com/hanamori-market/${name}`,
      ...annotations,
    },
  },
  spec: { type: 'service', owner: 'fulfilment', lifecycle: 'production' },
  relations: [relation('ownedBy', 'group:default/fulfilment')],
});

// The demo's fulfilment squad: Farid pairs on media-streaming and inventory-sync and alone writes payments-adapter.
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'fulfilment', namespace: 'default' },
    spec: {
      type: 'squad',
      children: [],
      profile: { displayName: 'Fulfilment squad' },
    },
    relations: ['daniel.weiss', 'emi.sato', 'farid.haddad'].map(n =>
      relation('hasMember', `user:default/${n}`),
    ),
  },
  user('daniel.weiss'),
  user('emi.sato'),
  user('farid.haddad'),
  // The demo's guest: a member of no team that owns these services.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'guest', namespace: 'default' },
    spec: { profile: { displayName: 'Guest' } },
    relations: [],
  },
  service('media-streaming', {
    'baton.dev/runbook': 'https://runbooks.example/media',
  }),
  service('inventory-sync'),
  service('payments-adapter'),
  // A Resource the squad owns: in the team report, apart from the services.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders-db', namespace: 'default' },
    spec: { type: 'database', owner: 'fulfilment' },
    relations: [relation('ownedBy', 'group:default/fulfilment')],
  },
];

describe.each(databases.eachSupportedId())('readiness API on %s', id => {
  async function startBackend() {
    const knex = await databases.init(id);
    // Runs the refresh itself, so the test knows it has finished.
    const { server, scheduler } = await startSreTestBackend({
      knex,
      config: {
        sre: {
          demo: true,
          webhooks: { generic: { secret: 'hook' } },
          // As in the demo: the guest may acknowledge any alert.
          admins: ['user:default/guest'],
        },
      },
      entities,
      features: [sreModuleDemo],
    });
    await scheduler.triggerTask('sre-knowledge-refresh');
    const get = (path: string) =>
      request(server)
        .get(`/api/sre${path}`)
        .set('Authorization', mockCredentials.user.header());
    return Object.assign(get, { server });
  }

  const checkStatus = (body: { checks: { id: string; status: string }[] }) =>
    Object.fromEntries(body.checks.map(c => [c.id, c.status]));

  it('judges responders, routing and noise from the stored alerts', async () => {
    const get = await startBackend();
    const before = await get(
      '/entities/component/default/media-streaming/readiness',
    );
    // No alert stored anywhere yet: the alert checks are unknown, not failed.
    expect(checkStatus(before.body)).toMatchObject({
      'alert-responders': 'unknown',
      'alert-routing': 'unknown',
      'alert-noise': 'unknown',
    });

    const ago = (minutes: number) =>
      new Date(Date.now() - minutes * 60_000).toISOString();
    const alert = (key: string, extra: object) => ({
      key,
      monitor: key,
      title: `${key} on media-streaming`,
      labels: { service: 'media-streaming' },
      ...extra,
    });
    const delivered = await request(get.server)
      .post('/api/sre/webhooks/generic')
      .set('Authorization', 'Bearer hook')
      .send({
        alerts: [
          alert('disk', { status: 'firing', startsAt: ago(120) }),
          alert('latency', { status: 'firing', startsAt: ago(180) }),
          // Resolved by the source a minute later, no one acknowledging: transient.
          alert('blip', {
            status: 'resolved',
            startsAt: ago(60),
            endsAt: ago(59),
          }),
        ],
      });
    expect(delivered.status).toBe(200);
    const listed = await get(
      '/entities/component/default/media-streaming/alerts',
    );
    const idOf = (key: string) =>
      listed.body.items.find((a: { monitor: string }) => a.monitor === key).id;
    for (const [key, responder] of [
      ['disk', 'user:default/daniel.weiss'],
      ['latency', 'user:default/emi.sato'],
    ]) {
      const ack = await request(get.server)
        .post(`/api/sre/alerts/${idOf(key)}/ack`)
        .set('Authorization', mockCredentials.user.header(responder));
      expect(ack.status).toBe(200);
    }

    const media = await get(
      '/entities/component/default/media-streaming/readiness',
    );
    expect(checkStatus(media.body)).toMatchObject({
      // Two responders with half each.
      'alert-responders': 'pass',
      'alert-routing': 'pass',
      // One of three alerts was transient: 33% ≥ the 20% limit.
      'alert-noise': 'fail',
    });
    const noise = media.body.checks.find(
      (c: { id: string }) => c.id === 'alert-noise',
    );
    expect(noise.reason).toBe('33% of alerts were noisy.');
    // A service no alert reaches now fails routing instead of being unknown.
    const quiet = await get(
      '/entities/component/default/inventory-sync/readiness',
    );
    expect(checkStatus(quiet.body)).toMatchObject({
      'alert-responders': 'fail',
      'alert-routing': 'fail',
      // No alert to judge: not applicable, left out of the score.
      'alert-noise': 'not-applicable',
    });
  });

  it('counts only the owners’ acknowledgements: a guest’s changes nothing', async () => {
    const get = await startBackend();
    const startsAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const delivered = await request(get.server)
      .post('/api/sre/webhooks/generic')
      .set('Authorization', 'Bearer hook')
      .send({
        alerts: ['disk', 'latency', 'queue'].map(key => ({
          key,
          monitor: key,
          title: `${key} on media-streaming`,
          labels: { service: 'media-streaming' },
          status: 'firing',
          startsAt,
        })),
      });
    expect(delivered.status).toBe(200);
    const listed = await get(
      '/entities/component/default/media-streaming/alerts',
    );
    const idOf = (key: string) =>
      listed.body.items.find((a: { monitor: string }) => a.monitor === key).id;
    const acknowledge = async (key: string, userRef: string) => {
      const ack = await request(get.server)
        .post(`/api/sre/alerts/${idOf(key)}/ack`)
        .set('Authorization', mockCredentials.user.header(userRef));
      expect(ack.status).toBe(200);
    };
    const readiness = async () => {
      const res = await get(
        '/entities/component/default/media-streaming/readiness',
      );
      expect(res.status).toBe(200);
      const { score, level, checks, trend } = res.body;
      // The trend ends at the score shown beside it, not at the last snapshot's.
      expect(trend.at(-1)).toMatchObject({
        day: new Date().toISOString().slice(0, 10),
        score,
        level,
      });
      return {
        score,
        level,
        responders: checks.find(
          (c: { id: string }) => c.id === 'alert-responders',
        ),
      };
    };

    // Daniel, an owner, alone: the sole responder.
    await acknowledge('disk', 'user:default/daniel.weiss');
    const danielAlone = await readiness();
    expect(danielAlone.responders).toMatchObject({
      status: 'fail',
      reasonParams: { count: 1, top: 'daniel.weiss', percent: 100 },
    });
    expect(danielAlone.level).toBe('single-point-of-failure');

    // The guest acknowledges another alert of the service: nothing changes.
    await acknowledge('latency', 'user:default/guest');
    const afterGuest = await readiness();
    expect(afterGuest).toEqual(danielAlone);

    // Emi, an owner, does count: a second responder.
    await acknowledge('queue', 'user:default/emi.sato');
    const afterEmi = await readiness();
    expect(afterEmi.responders).toMatchObject({
      status: 'pass',
      reasonParams: { count: 2, percent: 50 },
    });
    expect(afterEmi.score).toBeGreaterThan(danielAlone.score);
  });

  it('reports an entity’s checks, score and level from the stored knowledge', async () => {
    const get = await startBackend();
    const res = await get(
      '/entities/component/default/inventory-sync/readiness',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/inventory-sync',
      truckFactor: 2,
      level: 'at-risk',
    });
    const status = Object.fromEntries(
      res.body.checks.map((c: { id: string; status: string }) => [
        c.id,
        c.status,
      ]),
    );
    expect(status).toMatchObject({
      'truck-factor': 'pass',
      'owner-group': 'pass',
      runbook: 'fail',
      'alert-responders': 'unknown',
    });
    expect(res.body.levelReason).toMatch(/A runbook \(fail\)/);
    expect(res.body.rule).toMatch(/weighted share/);
    // The scheduled refresh recorded today's snapshot.
    expect(res.body.trend).toEqual([
      {
        day: new Date().toISOString().slice(0, 10),
        score: res.body.score,
        level: 'at-risk',
        truckFactor: 2,
      },
    ]);
  });

  it('builds the team report and simulates a leave', async () => {
    const get = await startBackend();
    const plain = await get('/teams/default/fulfilment/report');
    expect(plain.status).toBe(200);
    expect(plain.body.team).toEqual({
      ref: 'group:default/fulfilment',
      title: 'Fulfilment squad',
    });
    expect(
      plain.body.services.map((s: { entityRef: string }) => s.entityRef),
    ).toEqual([
      'component:default/inventory-sync',
      'component:default/media-streaming',
      'resource:default/orders-db',
      'component:default/payments-adapter',
    ]);
    expect(plain.body.services[0].during).toBeUndefined();
    // Each service's trend ends at the score the report shows for it today.
    for (const { readiness: shown } of plain.body.services) {
      expect(shown.trend.at(-1)).toMatchObject({
        day: new Date().toISOString().slice(0, 10),
        score: shown.score,
        level: shown.level,
      });
    }
    expect(plain.body.services.map((s: { kind: string }) => s.kind)).toEqual([
      'component',
      'component',
      'resource',
      'component',
    ]);
    // The database depends on no access-reviewed Resource: no admins to count.
    expect(
      plain.body.services[2].readiness.checks.find(
        (c: { id: string }) => c.id === 'access-holders',
      ).status,
    ).toBe('not-applicable');
    expect(plain.body.soleCovers).toEqual([
      {
        userRef: 'user:default/farid.haddad',
        name: 'farid.haddad',
        soleKnowledgeHolder: ['component:default/payments-adapter'],
        soleResponder: [],
        soleAdmin: [],
        soleOperator: [],
      },
    ]);
    const mapOf = (userRef: string) =>
      plain.body.knowledgeMap.find(
        (p: { userRef: string }) => p.userRef === userRef,
      );
    expect(mapOf('user:default/farid.haddad').shares).toHaveProperty([
      'component:default/payments-adapter',
    ]);
    expect(mapOf('user:default/farid.haddad').former).toEqual([]);
    // Daniel wrote part of payments-adapter, but not in the last 180 days.
    expect(mapOf('user:default/daniel.weiss').shares).toHaveProperty([
      'component:default/payments-adapter',
    ]);
    expect(mapOf('user:default/daniel.weiss').former).toEqual([
      'component:default/payments-adapter',
    ]);
    expect(plain.body.knowledgeHolderDays).toBe(180);
    // The entity's knowledge map says so too, and counts him out.
    const payments = await get(
      '/entities/component/default/payments-adapter/knowledge',
    );
    expect(payments.status).toBe(200);
    expect(
      payments.body.people.map((p: { name: string; former: boolean }) => [
        p.name,
        p.former,
      ]),
    ).toEqual([
      ['Farid Haddad', false],
      ['Daniel Weiss', true],
    ]);
    expect(payments.body.truckFactor).toBe(1);

    const farid = await get(
      '/teams/default/fulfilment/report?absent=user:default/farid.haddad&days=21',
    );
    expect(farid.status).toBe(200);
    const during = Object.fromEntries(
      farid.body.services.map(
        (s: {
          entityRef: string;
          during: { level: string; affected: boolean };
        }) => [s.entityRef, [s.during.level, s.during.affected]],
      ),
    );
    expect(during).toEqual({
      'component:default/inventory-sync': ['single-point-of-failure', true],
      'component:default/media-streaming': ['single-point-of-failure', true],
      'resource:default/orders-db': ['at-risk', false],
      'component:default/payments-adapter': ['single-point-of-failure', true],
    });
    expect(farid.body.services[3].during.uncovered).toEqual([
      'No one left authors most of the code.',
    ]);
    expect(farid.body.absent).toEqual(['user:default/farid.haddad']);
    expect(farid.body.days).toBe(21);
  });

  it('answers 400 naming the field, and 404 for an unknown team or entity', async () => {
    const get = await startBackend();
    const badAbsent = await get(
      '/teams/default/fulfilment/report?absent=farid',
    );
    expect(badAbsent.status).toBe(400);
    expect(badAbsent.body.error.message).toMatch(
      /^absent\.0: 'farid' is not a User entity ref/,
    );
    const badDays = await get('/teams/default/fulfilment/report?days=-3');
    expect(badDays.status).toBe(400);
    expect(badDays.body.error.message).toMatch(/^days: /);
    expect((await get('/teams/default/nobody/report')).status).toBe(404);
    expect(
      (await get('/entities/component/default/nothing/readiness')).status,
    ).toBe(404);
  });
});
