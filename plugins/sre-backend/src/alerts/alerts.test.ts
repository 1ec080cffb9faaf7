import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { type AlertEvent } from '@baton/plugin-sre-node';
import request from 'supertest';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseAlertStore } from './AlertStore';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'generic-test-secret';
const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'service',
    owner: 'group:default/team',
    lifecycle: 'production',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
});

const HOUR = 3_600_000;
const now = Date.now();
const at = (hoursAgo: number, minutes = 0) =>
  new Date(now - hoursAgo * HOUR + minutes * 60_000).toISOString();

const alert = (overrides: Record<string, unknown> = {}) => ({
  key: 'checkout-5xx-1',
  monitor: 'Checkout5xx',
  title: 'Checkout 5xx above 1%',
  severity: 'critical',
  status: 'firing',
  startsAt: at(5),
  labels: { service: 'checkout' },
  ...overrides,
});

describe.each(databases.eachSupportedId())('alert history API on %s', id => {
  async function startBackend(
    config: object = { sre: { webhooks: { generic: { secret: SECRET } } } },
    polled: AlertEvent[] = [],
  ) {
    const knex = await databases.init(id);
    const { server, scheduler } = await startSreTestBackend({
      knex,
      config,
      entities: [
        component('checkout', {
          'baton.dev/runbook': 'https://runbooks.example/checkout',
        }),
        component('payments', {
          'baton.dev/alert-selector': 'team=payments,env=prod',
        }),
        component('search'),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'team', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
        // A team that owns nothing: its alert list is empty.
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'nobody', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ],
      sources: {
        alertPollers: [
          {
            id: 'scripted',
            poll: async () => polled,
          },
        ],
      },
    });
    const send = (body: unknown, path = '/api/sre/webhooks/generic') =>
      request(server)
        .post(path)
        .set('Authorization', `Bearer ${SECRET}`)
        .set('Content-Type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));
    const get = (url: string) =>
      request(server)
        .get(`/api/sre${url}`)
        .set('Authorization', mockCredentials.user.header());
    const count = async (table: string) =>
      Number((await knex(table).count({ n: '*' }))[0].n);
    return { server, send, get, count, knex, scheduler };
  }

  it('stores a firing and then resolved alert once, mapped to its entity by the service label', async () => {
    const { send, get, count } = await startBackend();
    const fired = await send({ alerts: [alert()] });
    expect(fired.status).toBe(200);
    expect(fired.body).toEqual({ received: 1, stored: 1 });

    const resolved = await send({
      alerts: [alert({ status: 'resolved', endsAt: at(4) })],
    });
    expect(resolved.body).toEqual({ received: 1, stored: 1 });
    expect(await count('sre_alerts')).toBe(1);
    expect(await count('sre_alert_events')).toBe(2);

    const res = await get('/entities/component/default/checkout/alerts');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        source: 'generic',
        monitor: 'Checkout5xx',
        status: 'resolved',
        startsAt: at(5),
        endsAt: at(4),
        entityRefs: ['component:default/checkout'],
        acknowledgedBy: [],
      }),
    ]);
    expect(res.body.summary).toMatchObject({ count: 1, mttrSeconds: 3600 });
    // The entity has a runbook; the alert was never acknowledged.
    expect(
      res.body.items[0].noise.map((n: { flag: string }) => n.flag),
    ).toEqual(['never-acknowledged']);
  });

  it('opens a resolved alert again when it fires after its end, keeping one alert', async () => {
    const { send, get, count } = await startBackend();
    await send({ alerts: [alert({ status: 'resolved', endsAt: at(4) })] });
    // A late retry of the first firing does not reopen it.
    await send({ alerts: [alert()] });
    let [item] = (await get('/entities/component/default/checkout/alerts')).body
      .items;
    expect(item.status).toBe('resolved');
    // Firing again after the end (e.g. a Sentry issue unresolved) reopens it.
    await send({
      alerts: [alert({ startsAt: at(5), status: 'firing', at: at(3) })],
    });
    await send({ alerts: [alert({ status: 'resolved', endsAt: at(2) })] });
    [item] = (
      await get('/entities/component/default/checkout/alerts')
    ).body.items;
    expect(item).toMatchObject({ status: 'resolved', endsAt: at(2) });
    expect(await count('sre_alerts')).toBe(1);
  });

  it('collapses the same delivery sent twice and five times at once into one alert', async () => {
    const { send, count } = await startBackend();
    const body = { alerts: [alert()] };
    expect((await send(body)).body.stored).toBe(1);
    expect((await send(body)).body.stored).toBe(0);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        send({ alerts: [alert({ key: 'other' })] }),
      ),
    );
    expect(concurrent.map(r => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(concurrent.reduce((sum, r) => sum + r.body.stored, 0)).toBe(1);
    expect(await count('sre_alerts')).toBe(2);
    expect(await count('sre_alert_events')).toBe(2);
  });

  it('maps alerts by baton.dev/alert-selector instead of the name', async () => {
    const { send, get } = await startBackend();
    await send({
      alerts: [
        alert({ key: 'p1', labels: { team: 'payments', env: 'prod' } }),
        alert({ key: 'p2', labels: { team: 'payments', env: 'staging' } }),
        alert({ key: 'p3', labels: { service: 'payments' } }),
      ],
    });
    const res = await get('/entities/component/default/payments/alerts');
    expect(
      res.body.items.map((a: { entityRefs: string[] }) => a.entityRefs),
    ).toEqual([['component:default/payments']]);
    expect(res.body.summary.count).toBe(1);
  });

  it('flags transient and flapping alerts and counts them as noisy', async () => {
    const { send, get } = await startBackend();
    await send({
      alerts: [
        // Three firings of one monitor within 24 h: flapping; the last resolved itself in 2 minutes.
        alert({
          key: 'f1',
          monitor: 'DiskFull',
          labels: { service: 'search' },
          startsAt: at(10),
        }),
        alert({
          key: 'f2',
          monitor: 'DiskFull',
          labels: { service: 'search' },
          startsAt: at(6),
        }),
        alert({
          key: 'f3',
          monitor: 'DiskFull',
          labels: { service: 'search' },
          startsAt: at(2),
          status: 'resolved',
          endsAt: at(2, 2),
        }),
        alert({
          key: 'once',
          monitor: 'Latency',
          labels: { service: 'search' },
          startsAt: at(1),
        }),
      ],
    });
    const res = await get('/entities/component/default/search/alerts');
    const flags = Object.fromEntries(
      res.body.items.map(
        (a: {
          sourceKey?: string;
          monitor: string;
          startsAt: string;
          noise: Array<{ flag: string }>;
        }) => [`${a.monitor}@${a.startsAt}`, a.noise.map(n => n.flag)],
      ),
    );
    expect(flags[`DiskFull@${at(2)}`]).toEqual([
      'transient',
      'flapping',
      'no-runbook',
      'never-acknowledged',
    ]);
    expect(flags[`DiskFull@${at(10)}`]).toContain('flapping');
    expect(flags[`Latency@${at(1)}`]).toEqual([
      'no-runbook',
      'never-acknowledged',
    ]);
    expect(res.body.summary).toMatchObject({
      count: 4,
      noisy: 3,
      cryWolfScore: 0.75,
    });
  });

  it('lists a team’s alerts and ranks monitors by how often they cry wolf', async () => {
    const { send, get } = await startBackend();
    await send({
      alerts: [
        ...[10, 6, 2].map(h =>
          alert({
            key: `flap-${h}`,
            monitor: 'DiskFull',
            labels: { service: 'search' },
            startsAt: at(h),
            status: 'resolved',
            endsAt: at(h, 1),
          }),
        ),
        alert({ key: 'steady', monitor: 'Checkout5xx' }),
      ],
    });
    const team = await get('/teams/default/team/alerts');
    expect(team.status).toBe(200);
    expect(team.body.entityRefs).toEqual(
      expect.arrayContaining([
        'component:default/checkout',
        'component:default/search',
      ]),
    );
    expect(team.body.summary).toMatchObject({ count: 4, noisy: 3 });
    const other = await get('/teams/default/nobody/alerts');
    expect(other.body.summary.count).toBe(0);

    const ranking = await get('/alerts/noise');
    expect(
      ranking.body.items.map(
        (m: { monitor: string; firings: number; noisy: number }) => [
          m.monitor,
          m.firings,
          m.noisy,
        ],
      ),
    ).toEqual([
      ['DiskFull', 3, 3],
      ['Checkout5xx', 1, 0],
    ]);
    expect(ranking.body.items[0]).toMatchObject({
      cryWolfScore: 1,
      entityRefs: ['component:default/search'],
    });
    expect((await get('/alerts/noise?from=tomorrow')).status).toBe(400);
  });

  it('records who acknowledged, once per person, and MTTA', async () => {
    const { send, get, server } = await startBackend();
    await send({ alerts: [alert()] });
    const [item] = (await get('/entities/component/default/checkout/alerts'))
      .body.items;
    const ack = () =>
      request(server)
        .post(`/api/sre/alerts/${item.id}/ack`)
        .set('Authorization', mockCredentials.user.header());
    expect((await ack()).body.acknowledgedBy).toEqual(['user:default/mock']);
    expect((await ack()).body.acknowledgedBy).toEqual(['user:default/mock']);
    const res = await get('/entities/component/default/checkout/alerts');
    expect(res.body.items[0].noise).toEqual([]);
    expect(res.body.summary.responders).toEqual([
      { userRef: 'user:default/mock', count: 1, share: 1 },
    ]);
    expect(res.body.summary.mttaSeconds).toBeGreaterThan(5 * 3600 - 60);

    const missing = await request(server)
      .post('/api/sre/alerts/999999/ack')
      .set('Authorization', mockCredentials.user.header());
    expect(missing.status).toBe(404);
    const bad = await request(server)
      .post('/api/sre/alerts/abc/ack')
      .set('Authorization', mockCredentials.user.header());
    expect(bad.status).toBe(400);
    const service = await request(server)
      .post(`/api/sre/alerts/${item.id}/ack`)
      .set('Authorization', mockCredentials.service.header());
    expect(service.status).toBe(403);
  });

  it('pages the history with a cursor, newest first', async () => {
    const { send, get } = await startBackend();
    await send({
      alerts: [1, 2, 3, 4, 5].map(h =>
        alert({ key: `k${h}`, startsAt: at(h) }),
      ),
    });
    const first = await get(
      '/entities/component/default/checkout/alerts?limit=2',
    );
    expect(
      first.body.items.map((a: { startsAt: string }) => a.startsAt),
    ).toEqual([at(1), at(2)]);
    expect(first.body.summary.count).toBe(5);
    const second = await get(
      `/entities/component/default/checkout/alerts?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(
      second.body.items.map((a: { startsAt: string }) => a.startsAt),
    ).toEqual([at(3), at(4)]);
    const third = await get(
      `/entities/component/default/checkout/alerts?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(
      third.body.items.map((a: { startsAt: string }) => a.startsAt),
    ).toEqual([at(5)]);
    expect(third.body.nextCursor).toBeUndefined();

    const narrow = await get(
      `/entities/component/default/checkout/alerts?from=${encodeURIComponent(
        at(3, 1),
      )}&to=${encodeURIComponent(at(1, 1))}`,
    );
    // The three older ones still fire: listed first, marked, whatever the range.
    expect(
      narrow.body.items.map(
        (a: { startsAt: string; firingSinceBeforeRange?: boolean }) => [
          a.startsAt,
          a.firingSinceBeforeRange ?? false,
        ],
      ),
    ).toEqual([
      [at(3), true],
      [at(4), true],
      [at(5), true],
      [at(1), false],
      [at(2), false],
    ]);
    expect(narrow.body.summary.count).toBe(2);
    for (const query of [
      'limit=0',
      'from=yesterday',
      'cursor=nope',
      `from=${at(1)}&to=${at(2)}`,
    ]) {
      const res = await get(
        `/entities/component/default/checkout/alerts?${query}`,
      );
      expect(res.status).toBe(400);
    }
  });

  it('rejects bad deliveries with a 4xx that names the problem, and writes nothing', async () => {
    const { server, send, count } = await startBackend();
    const cases: Array<[request.Test, number, RegExp]> = [
      [send('{"alerts": [', '/api/sre/webhooks/generic'), 400, /not JSON/],
      [
        send({ alerts: [alert({ title: undefined })] }),
        400,
        /alerts\.0\.title/,
      ],
      [
        send({ alerts: [alert({ status: 'maybe' })] }),
        400,
        /alerts\.0\.status/,
      ],
      [
        send({ alerts: [alert({ startsAt: 'soon' })] }),
        400,
        /alerts\.0\.startsAt/,
      ],
      [
        send({ alerts: [alert({ title: 'x'.repeat(1024 * 1024) })] }),
        413,
        /too large/i,
      ],
      [
        send({ alerts: [alert()] }, '/api/sre/webhooks/pagerduty'),
        404,
        /pagerduty/,
      ],
      [
        send({ alerts: [alert()] }, '/api/sre/webhooks/sentry'),
        404,
        /plugin-sre-backend-module-sentry/,
      ],
      [
        request(server)
          .post('/api/sre/webhooks/generic')
          .set('Authorization', 'Bearer wrong')
          .send({ alerts: [alert()] }),
        401,
        /secret/,
      ],
      [
        request(server)
          .post('/api/sre/webhooks/generic')
          .send({ alerts: [alert()] }),
        401,
        /secret/,
      ],
    ];
    for (const [pending, status, message] of cases) {
      const res = await pending;
      expect({
        status: res.status,
        message: res.body?.error?.message ?? res.text,
      }).toEqual({
        status,
        message: expect.stringMatching(message),
      });
    }
    expect(await count('sre_alerts')).toBe(0);
    expect(await count('sre_alert_events')).toBe(0);

    // The generic webhook's senders can send a header, so the secret never goes into a URL.
    const token = await request(server)
      .post(`/api/sre/webhooks/generic?token=${SECRET}`)
      .send({ alerts: [alert()] });
    expect(token.status).toBe(401);
    expect(token.body.error.message).toMatch(/Authorization: Bearer/);
    expect(await count('sre_alerts')).toBe(0);
  });

  it('refuses a generic alert whose runbookUrl or url is not http(s), naming the field, and stores nothing', async () => {
    const { send, count } = await startBackend();
    for (const [field, value] of [
      // eslint-disable-next-line no-script-url -- the stored XSS this test keeps out
      ['runbookUrl', 'javascript:alert(document.domain)'],
      ['runbookUrl', 'data:text/html,<script>alert(1)</script>'],
      // eslint-disable-next-line no-script-url -- the stored XSS this test keeps out
      ['url', 'JavaScript:alert(1)'],
      ['url', '/relative/path'],
    ]) {
      const res = await send({ alerts: [alert(), alert({ [field]: value })] });
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: expect.stringMatching(
          new RegExp(`^alerts\\.1\\.${field}: must be an http\\(s\\) URL`),
        ),
      });
    }
    expect(await count('sre_alerts')).toBe(0);
    const ok = await send({
      alerts: [alert({ runbookUrl: 'https://runbooks.example/checkout-5xx' })],
    });
    expect(ok.status).toBe(200);
  });

  it('refuses generic times before 1970 or after 9999, naming the field', async () => {
    const { send, count } = await startBackend();
    for (const [field, value] of [
      ['startsAt', '1969-12-31T23:59:59Z'],
      ['endsAt', '+010000-01-01T00:00:00Z'],
      ['at', '0001-01-01T00:00:00Z'],
    ]) {
      const res = await send({ alerts: [alert({ [field]: value })] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`^alerts\\.0\\.${field}:`),
      );
    }
    expect(await count('sre_alerts')).toBe(0);
  });

  it('drops links and runbooks that are not http(s) whatever a receiver or poller hands over, before storing', async () => {
    const leaky: AlertEvent = {
      source: 'mackerel',
      sourceKey: 'leaky-1',
      monitor: 'Leaky',
      title: 'A receiver that forgot to check its links',
      severity: 'warning',
      status: 'firing',
      startsAt: at(2),
      at: at(2),
      labels: { service: 'search' },
      // eslint-disable-next-line no-script-url -- the stored XSS this test keeps out
      runbookUrl: 'javascript:alert(document.domain)',
      links: [
        // eslint-disable-next-line no-script-url -- the stored XSS this test keeps out
        { url: 'javascript:alert(1)', title: 'Bad' },
        { url: 'https://mackerel.example/alerts/1', title: 'Good' },
      ],
    };
    // NUL cannot be stored in PostgreSQL text, and a key past its column cannot be stored at all.
    const unstorable: AlertEvent = {
      ...leaky,
      sourceKey: 'k'.repeat(600),
    };
    const knex = await databases.init(id);
    const { server, scheduler } = await startSreTestBackend({
      knex,
      config: { sre: { webhooks: { alertmanager: { secret: SECRET } } } },
      entities: [component('search')],
      sources: {
        alertReceivers: [
          {
            source: 'alertmanager',
            parse: () => ({
              events: [
                {
                  ...leaky,
                  source: 'alertmanager',
                  title: `Bad\u0000title ${'x'.repeat(2000)}`,
                },
              ],
            }),
          },
        ],
        alertPollers: [
          {
            id: 'leaky',
            poll: async () => [leaky, unstorable],
          },
        ],
      },
    });
    const delivered = await request(server)
      .post('/api/sre/webhooks/alertmanager')
      .set('Authorization', `Bearer ${SECRET}`)
      .send({});
    expect(delivered.status).toBe(200);
    await scheduler.triggerTask('sre-alert-poll');
    const rows = await knex('sre_alerts')
      .select('source', 'source_key', 'title', 'links', 'runbook_url')
      .orderBy('source');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.runbook_url).toBeNull();
      expect(JSON.parse(row.links)).toEqual([
        { url: 'https://mackerel.example/alerts/1', title: 'Good' },
      ]);
    }
    expect(rows[0].title).toHaveLength(1024);
    expect(rows[0].title.startsWith('Bad\uFFFDtitle')).toBe(true);
    expect(rows.map(row => row.source_key)).toEqual(['leaky-1', 'leaky-1']);
  });

  it('pulls from pollers, with the acknowledgements the source knows, once however often it pulls', async () => {
    const events: AlertEvent[] = [
      {
        source: 'mackerel',
        sourceKey: 'm-1',
        monitor: 'Disk',
        title: 'Disk full',
        severity: 'critical',
        status: 'firing',
        startsAt: at(3),
        at: at(3),
        labels: { service: 'search' },
        acknowledgements: [{ userRef: 'user:default/ben', at: at(3, 10) }],
      },
      {
        source: 'mackerel',
        sourceKey: 'm-1',
        monitor: 'Disk',
        title: 'Disk full',
        severity: 'critical',
        status: 'resolved',
        startsAt: at(3),
        endsAt: at(2),
        at: at(2),
        resolvedBy: 'person',
        labels: { service: 'search' },
      },
    ];
    const { get, scheduler, count } = await startBackend(undefined, events);
    await scheduler.triggerTask('sre-alert-poll');
    await scheduler.triggerTask('sre-alert-poll');
    expect(await count('sre_alerts')).toBe(1);
    // fired, acknowledged, resolved
    expect(await count('sre_alert_events')).toBe(3);
    const res = await get('/entities/component/default/search/alerts');
    expect(res.body.items).toEqual([
      expect.objectContaining({
        status: 'resolved',
        resolvedBy: 'person',
        acknowledgedBy: ['user:default/ben'],
        acknowledgedAt: at(3, 10),
      }),
    ]);
    expect(res.body.summary.mttaSeconds).toBe(600);
    expect(await count('sre_alert_pollers')).toBe(1);
  });

  it('maps stored alerts again when the catalog changes', async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const store = DatabaseAlertStore.create(knex);
    const event: AlertEvent = {
      source: 'generic',
      sourceKey: 'early',
      monitor: 'm',
      title: 'Before the entity was registered',
      severity: 'warning',
      status: 'firing',
      startsAt: at(1),
      at: at(1),
      labels: { service: 'newcomer' },
    };
    await store.ingest([event], () => [], new Date());
    const list = () =>
      store.listForEntity({
        entityRef: 'component:default/newcomer',
        from: new Date(now - 10 * HOUR),
        to: new Date(now),
        limit: 10,
      });
    expect((await list()).alerts).toEqual([]);
    const mapping = () => ['component:default/newcomer'];
    expect(await store.remap(new Date(now - 10 * HOUR), mapping)).toBe(1);
    expect((await list()).alerts.map(a => a.title)).toEqual([
      'Before the entity was registered',
    ]);
    expect(await store.remap(new Date(now - 10 * HOUR), mapping)).toBe(0);
  });

  it('keeps a source without a secret disabled', async () => {
    const { send } = await startBackend({});
    const res = await send({ alerts: [alert()] });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/sre\.webhooks\.generic\.secret/);
  });

  it('answers 503 and stores nothing when the database is down, so the sender retries', async () => {
    const { send, knex } = await startBackend();
    await knex.destroy();
    const res = await send({ alerts: [alert()] });
    expect(res.status).toBe(503);
  });
});

// Two writers at once need a database with concurrent transactions: SQLite
// has one writer, so this runs where PostgreSQL is (CI requires it).
const postgresIds = databases
  .eachSupportedId()
  .filter(([databaseId]) => databaseId.startsWith('POSTGRES'));
if (postgresIds.length) {
  describe.each(postgresIds)('alerts written by two replicas on %s', id => {
    it('re-maps an alert while a delivery links it to the same entity at the same moment', async () => {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const store = DatabaseAlertStore.create(knex);
      await store.ingest(
        [
          {
            source: 'generic',
            sourceKey: 'raced',
            monitor: 'm',
            title: 'Linked by two replicas',
            severity: 'warning',
            status: 'firing',
            startsAt: at(1),
            at: at(1),
            labels: { service: 'raced' },
          },
        ],
        () => [],
        new Date(),
      );
      const [{ id: alertId }] = await knex('sre_alerts').select('id');
      const ref = 'component:default/raced';
      // Another replica's delivery has linked it, not yet committed.
      const delivery = await knex.transaction();
      await delivery('sre_alert_entities')
        .insert({
          alert_id: alertId,
          entity_ref: ref,
          starts_at: new Date(at(1)),
        })
        .onConflict(['alert_id', 'entity_ref'])
        .ignore();
      const remapped = store.remap(new Date(now - 10 * HOUR), () => [ref]);
      // The re-mapping's insert now waits on the delivery's row.
      await new Promise(resolve => setTimeout(resolve, 300));
      await delivery.commit();
      await expect(remapped).resolves.toBe(1);
      expect(
        await knex('sre_alert_entities').where({ alert_id: alertId }),
      ).toEqual([expect.objectContaining({ entity_ref: ref })]);
    });
  });
}
