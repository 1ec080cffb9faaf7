import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { TeamCostReport } from '@baton/plugin-sre-common';
import request from 'supertest';
import {
  dayOf,
  dayRow,
  DAY,
  startCostBackend,
  todayStart,
} from './__testUtils__/costBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** Days of spend up to and including today. */
const HISTORY_DAYS = 40;
const PRODUCT = 'group:default/product';
const CHECKOUT_SQUAD = 'group:default/checkout-squad';
const PAYMENTS_SQUAD = 'group:default/payments-squad';
const ALICE = 'user:default/alice';

const relation = (type: string, targetRef: string) => ({ type, targetRef });
const group = (
  name: string,
  relations: Array<{ type: string; targetRef: string }>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations,
});
const owned = (
  kind: string,
  name: string,
  owner: string,
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [relation('ownedBy', owner)],
});

// Product owns nothing itself: its squads and a squad member own the services.
const entities: Entity[] = [
  group('product', [
    relation('parentOf', CHECKOUT_SQUAD),
    relation('parentOf', PAYMENTS_SQUAD),
  ]),
  group('checkout-squad', [
    relation('childOf', PRODUCT),
    relation('hasMember', ALICE),
  ]),
  group('payments-squad', [relation('childOf', PRODUCT)]),
  group('search-squad', []),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { profile: { displayName: 'Alice' } },
    relations: [relation('memberOf', CHECKOUT_SQUAD)],
  },
  owned('Component', 'checkout-api', CHECKOUT_SQUAD, 'Checkout API'),
  owned('Resource', 'payments-db', PAYMENTS_SQUAD),
  owned('Component', 'alice-tool', ALICE),
  // Another team's: not in Product's total.
  owned('Component', 'search-api', 'group:default/search-squad'),
];

/** Cents a day per `service` tag; '' is spend no entity claims. */
const DAILY_CENTS: Record<string, number> = {
  'checkout-api': 12_345,
  'payments-db': 6_789,
  'alice-tool': 101,
  'search-api': 50_000,
  '': 777,
};
const PRODUCT_SERVICES = [
  'component:default/alice-tool',
  'component:default/checkout-api',
  'resource:default/payments-db',
];

/** A different amount each day, so a wrong range shows in the sum. */
const centsOn = (service: string, daysAgo: number) =>
  DAILY_CENTS[service] + daysAgo * 3;

const billingRows = () =>
  Array.from({ length: HISTORY_DAYS }, (_, daysAgo) =>
    Object.keys(DAILY_CENTS).map(service =>
      dayRow({ daysAgo, service, cents: centsOn(service, daysAgo) }),
    ),
  ).flat();

/** The owned services' spend in [from, to), summed in cents by the test itself. */
function expectedCents(services: string[], from: string, to: string): number {
  const today = todayStart();
  let cents = 0;
  for (let daysAgo = 0; daysAgo < HISTORY_DAYS; daysAgo++) {
    const day = dayOf(today - daysAgo * DAY);
    if (day < from || day >= to) continue;
    for (const service of services) cents += centsOn(service, daysAgo);
  }
  return cents;
}

const nameOf = (ref: string) => ref.split('/')[1];

describe.each(databases.eachSupportedId())('team cost roll-up on %s', id => {
  async function startBackend() {
    const server = await startCostBackend({
      knex: await databases.init(id),
      entities,
      rows: billingRows,
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/sre${url}`)
        .set('Authorization', mockCredentials.user.header(ALICE));
    return { get };
  }

  it('sums the services its sub-teams and their members own, the same total as its review agenda', async () => {
    const { get } = await startBackend();

    // The agenda's cost section, over the days since its default start.
    const review = await get('/reviews/default/product');
    expect(review.status).toBe(200);
    const { cost } = review.body.agenda;
    expect(cost.unavailable).toBeUndefined();

    const res = await get(
      `/teams/default/product/costs?from=${cost.from}&to=${cost.to}`,
    );
    expect(res.status).toBe(200);
    const report: TeamCostReport = res.body;
    expect(report.entities.map(e => e.entityRef).sort()).toEqual(
      PRODUCT_SERVICES,
    );
    const cents = expectedCents(
      PRODUCT_SERVICES.map(nameOf),
      cost.from,
      cost.to,
    );
    // More than a day: the sum covers the agenda's whole range.
    expect(cents).toBeGreaterThan(
      PRODUCT_SERVICES.reduce((sum, ref) => sum + DAILY_CENTS[nameOf(ref)], 0),
    );
    expect(report.total).toEqual({ amount: cents / 100, currency: 'USD' });
    expect(cost.total).toEqual(report.total);
    // The agenda carries the same coverage, so it can say when the period before has less data.
    expect(cost.coverage).toEqual(report.coverage);
    expect(cost.coverage.days).toBeGreaterThan(0);
    for (const entity of report.entities) {
      expect(entity.total.amount).toBe(
        expectedCents([nameOf(entity.entityRef)], cost.from, cost.to) / 100,
      );
    }
  });

  it('rolls a squad up without its sibling, and the default range too', async () => {
    const { get } = await startBackend();
    const squad = (await get('/teams/default/checkout-squad/costs')).body;
    const services = ['alice-tool', 'checkout-api'];
    // Largest first, each named as the catalog names it.
    expect(
      squad.entities.map((e: { entityRef: string; title: string }) => [
        e.entityRef,
        e.title,
      ]),
    ).toEqual([
      ['component:default/checkout-api', 'Checkout API'],
      ['component:default/alice-tool', 'alice-tool'],
    ]);
    expect(squad.total.amount).toBe(
      expectedCents(services, squad.from, squad.to) / 100,
    );
    // Product's default range holds the squad's spend and payments-db's.
    const product = (await get('/teams/default/product/costs')).body;
    expect(product.from).toBe(squad.from);
    expect(product.total.amount).toBe(
      expectedCents([...services, 'payments-db'], product.from, product.to) /
        100,
    );
  });
});
