import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'alert-range-test-secret';
const HOUR = 3_600_000;
const SQUAD = 'group:default/team-checkout';
const PRODUCT = 'group:default/product';
const CHIHIRO = 'user:default/chihiro.mori';
const BURN = 'Checkout availability burns its error budget 14× too fast';

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [relation('ownedBy', owner)],
});

/**
 * The Product team owns nothing itself; its squad owns checkout-api and
 * payments-adapter, one of its members owns order-batch. The squad's member
 * Chihiro has a display name in the catalog.
 */
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'product', namespace: 'default' },
    spec: { type: 'team', children: ['team-checkout'] },
    relations: [relation('parentOf', SQUAD)],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-checkout', namespace: 'default' },
    spec: { type: 'squad', children: [] },
    relations: [relation('childOf', PRODUCT), relation('hasMember', CHIHIRO)],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'chihiro.mori', namespace: 'default' },
    spec: { profile: { displayName: 'Chihiro Mori' } },
    relations: [relation('memberOf', SQUAD)],
  },
  component('checkout-api', SQUAD),
  component('payments-adapter', SQUAD),
  component('order-batch', CHIHIRO),
  // Says which alerts are its, none came yet.
  component('storefront', SQUAD, {
    'baton.dev/alert-selector': 'app=storefront',
  }),
  // No selector and no alert ever labelled with its name.
  component('quiet-worker', SQUAD),
  // Another team's, outside the Product tree.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'search', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  component('search-api', 'group:default/search'),
];

describe.each(databases.eachSupportedId())('alert list ranges on %s', id => {
  async function startBackend(config: object) {
    const knex = await databases.init(id);
    const { server } = await startSreTestBackend({
      knex,
      config,
      entities,
    });
    const as = (userRef: string) => mockCredentials.user.header(userRef);
    return {
      get: (url: string) =>
        request(server).get(`/api/sre${url}`).set('Authorization', as(CHIHIRO)),
      post: (url: string, body?: object) =>
        request(server)
          .post(`/api/sre${url}`)
          .set('Authorization', as(CHIHIRO))
          .send(body),
      sendAlerts: (alerts: object[]) =>
        request(server)
          .post('/api/sre/webhooks/generic')
          .set('Authorization', `Bearer ${SECRET}`)
          .send({ alerts }),
    };
  }

  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const configured = { sre: { webhooks: { generic: { secret: SECRET } } } };

  it('keeps showing checkout-api’s firing burn alert after a review that started after it, on the card and on the next agenda', async () => {
    const { get, post, sendAlerts } = await startBackend(configured);
    const delivered = await sendAlerts([
      {
        key: 'checkout-burn',
        monitor: 'CheckoutErrorBudgetBurn',
        title: BURN,
        severity: 'critical',
        status: 'firing',
        startsAt: ago(48 * HOUR),
        labels: { service: 'checkout-api' },
      },
      // Over before the review: it stays in the review's own range.
      {
        key: 'checkout-latency',
        monitor: 'CheckoutLatencyP99',
        title: 'Checkout p99 latency above 300 ms',
        severity: 'warning',
        status: 'resolved',
        startsAt: ago(30 * HOUR),
        endsAt: ago(29 * HOUR),
        labels: { service: 'checkout-api' },
      },
    ]);
    expect(delivered.body.received).toBe(2);
    const before = (
      await get('/entities/component/default/checkout-api/alerts')
    ).body;
    const burn = before.items.find((a: { title: string }) => a.title === BURN);
    expect((await post(`/alerts/${burn.id}/ack`)).status).toBe(200);

    const started = await post('/reviews/default/team-checkout', {
      attendees: [CHIHIRO],
    });
    expect(started.status).toBe(201);
    const finished = await post(
      `/reviews/default/team-checkout/${started.body.id}/finish`,
    );
    expect(finished.status).toBe(200);
    const finishedAt = finished.body.finishedAt;

    // The card's default range starts at the review's end, after the burn started.
    const card = (await get('/entities/component/default/checkout-api/alerts'))
      .body;
    expect(card).toMatchObject({
      from: finishedAt,
      fromSource: 'last-review',
      configured: true,
    });
    expect(card.items).toEqual([
      expect.objectContaining({
        title: BURN,
        status: 'firing',
        severity: 'critical',
        startsAt: burn.startsAt,
        firingSinceBeforeRange: true,
        acknowledgedBy: [CHIHIRO],
        responderNames: { [CHIHIRO]: 'Chihiro Mori' },
      }),
    ]);
    // The summary covers the range, where nothing started.
    expect(card.summary.count).toBe(0);

    // The next agenda lists it too, and does not count its acknowledgement again.
    const next = (await get('/reviews/default/team-checkout')).body;
    expect(next.sinceSource).toBe('last-review');
    expect(next.since).toBe(finishedAt);
    expect(next.agenda.alerts.total).toBe(1);
    expect(next.agenda.alerts.services).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        count: 1,
        alerts: [
          expect.objectContaining({
            title: BURN,
            status: 'firing',
            startsAt: burn.startsAt,
          }),
        ],
      }),
    ]);
    const chihiro = next.agenda.activity.members.find(
      (m: { userRef: string }) => m.userRef === CHIHIRO,
    );
    expect(chihiro.acknowledged).toBe(0);

    // Once it resolves, it no longer belongs to a range that starts after it.
    await sendAlerts([
      {
        key: 'checkout-burn',
        monitor: 'CheckoutErrorBudgetBurn',
        title: BURN,
        severity: 'critical',
        status: 'resolved',
        startsAt: burn.startsAt,
        endsAt: new Date().toISOString(),
        labels: { service: 'checkout-api' },
      },
    ]);
    const after = (await get('/entities/component/default/checkout-api/alerts'))
      .body;
    expect(after.items).toEqual([]);
    // The newest alert before the range is the latency one, after the burn started.
    const latency = before.items.find(
      (a: { monitor: string }) => a.monitor === 'CheckoutLatencyP99',
    );
    expect(after).toMatchObject({
      configured: true,
      lastAlertAt: latency.startsAt,
    });
  });

  it('lists a team’s alerts over its whole tree, with the ones firing since before the range first', async () => {
    const { get, sendAlerts } = await startBackend(configured);
    await sendAlerts([
      {
        key: 'old-burn',
        monitor: 'PaymentsBurn',
        title: 'Payments burn',
        severity: 'critical',
        status: 'firing',
        startsAt: ago(20 * 24 * HOUR),
        labels: { service: 'payments-adapter' },
      },
      {
        key: 'lag',
        monitor: 'OrderBatchLag',
        title: 'Order batch lag',
        severity: 'warning',
        status: 'resolved',
        startsAt: ago(3 * HOUR),
        endsAt: ago(2 * HOUR),
        labels: { service: 'order-batch' },
      },
      {
        key: 'search-errors',
        monitor: 'SearchErrors',
        title: 'Search errors',
        severity: 'warning',
        status: 'firing',
        startsAt: ago(HOUR),
        labels: { service: 'search-api' },
      },
      {
        key: 'checkout-5xx',
        monitor: 'Checkout5xx',
        title: 'Checkout 5xx',
        severity: 'critical',
        status: 'resolved',
        startsAt: ago(5 * HOUR),
        endsAt: ago(4 * HOUR),
        labels: { service: 'checkout-api' },
      },
    ]);
    // The Product team owns nothing directly: its squad and a member do.
    const team = (await get('/teams/default/product/alerts')).body;
    expect(team.entityRefs).toEqual([
      'component:default/checkout-api',
      'component:default/order-batch',
      'component:default/payments-adapter',
      'component:default/quiet-worker',
      'component:default/storefront',
    ]);
    expect(
      team.items.map(
        (a: { title: string; firingSinceBeforeRange?: boolean }) => [
          a.title,
          a.firingSinceBeforeRange ?? false,
        ],
      ),
    ).toEqual([
      ['Payments burn', true],
      ['Order batch lag', false],
      ['Checkout 5xx', false],
    ]);
    expect(team.summary.count).toBe(2);
    expect(team.configured).toBe(true);
    // Another team's list has its own.
    const search = (await get('/teams/default/search/alerts')).body;
    expect(search.entityRefs).toEqual(['component:default/search-api']);
    expect(search.items.map((a: { title: string }) => a.title)).toEqual([
      'Search errors',
    ]);
  });

  it('tells no alerts in the range apart from no source set up', async () => {
    const { get, sendAlerts } = await startBackend(configured);
    const lastStart = ago(20 * 24 * HOUR);
    await sendAlerts([
      {
        key: 'payments-1',
        monitor: 'PaymentsErrors',
        title: 'Payment provider errors',
        severity: 'critical',
        status: 'resolved',
        startsAt: lastStart,
        endsAt: ago(20 * 24 * HOUR - HOUR),
        labels: { service: 'payments-adapter' },
      },
    ]);
    const list = async (name: string) =>
      (await get(`/entities/component/default/${name}/alerts`)).body;

    // Alerts reached it before the default 14 days: none in range, the last one dated.
    expect(await list('payments-adapter')).toMatchObject({
      items: [],
      configured: true,
      lastAlertAt: lastStart,
      fromSource: 'default',
    });
    // A selector says which alerts are its: set up, none came.
    const storefront = await list('storefront');
    expect(storefront).toMatchObject({ items: [], configured: true });
    expect(storefront.lastAlertAt).toBeUndefined();
    // Neither a selector nor an alert ever labelled with its name.
    expect(await list('quiet-worker')).toMatchObject({
      items: [],
      configured: false,
    });
  });

  it('says nothing is set up while no webhook source or poller is on, whatever the selector', async () => {
    const { get } = await startBackend({});
    const storefront = (
      await get('/entities/component/default/storefront/alerts')
    ).body;
    expect(storefront).toMatchObject({ items: [], configured: false });
  });
});
