import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATION_COST_TAGS,
  type CostReport,
  type TeamCostReport,
} from '@baton/plugin-sre-common';
import request from 'supertest';
import {
  DAY,
  dayOf,
  dayRow,
  startCostBackend,
  todayStart,
} from './__testUtils__/costBackend';
import { costServiceOver } from './__testUtils__/costService';
import { applyDatabaseMigrations } from '../database/migrations';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const TEAM = 'group:default/platform';
/** Days of spend up to and including today: the default 30-day range and 10 days before it. */
const HISTORY_DAYS = 40;
/** Longer than the catalog snapshot the allocation is resolved with is kept. */
const SNAPSHOT_AGE_MS = 61_000;

const owned = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: TEAM, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: TEAM }],
});

/** Cents a day per kind of row, each with a different amount so that a mix-up shows. */
const LINES: Array<{ tags: Record<string, string>; cents: number }> = [
  // Claimed by name at first.
  { tags: { service: 'checkout-api', app: 'checkout' }, cents: 10_000 },
  // Nobody's at first; payments-db's once it is annotated.
  { tags: { team: 'payments', app: 'db' }, cents: 2_000 },
  { tags: {}, cents: 300 },
];

const rows = () =>
  Array.from({ length: HISTORY_DAYS }, (_, daysAgo) =>
    LINES.map(line => ({
      ...dayRow({ daysAgo, cents: line.cents + daysAgo }),
      tags: line.tags,
    })),
  ).flat();

/** The range's cents of the lines, summed by the test. */
function cents(lines: number[], from: string, to: string): number {
  let sum = 0;
  for (let daysAgo = 0; daysAgo < HISTORY_DAYS; daysAgo++) {
    const day = dayOf(todayStart() - daysAgo * DAY);
    if (day < from || day >= to) continue;
    for (const line of lines) sum += LINES[line].cents + daysAgo;
  }
  return sum;
}

describe.each(databases.eachSupportedId())(
  'cost allocated when read on %s',
  id => {
    afterEach(() => jest.restoreAllMocks());

    it('moves an entity’s stored spend when it is re-tagged, unallocated spend still shown and totals agreeing', async () => {
      const checkout = owned('checkout-api');
      const payments = owned('payments-db');
      const server = await startCostBackend({
        knex: await databases.init(id),
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'platform', namespace: 'default' },
            spec: { type: 'team', children: [] },
          },
          checkout,
          payments,
        ],
        rows,
      });
      const get = async <T>(url: string): Promise<T> => {
        const res = await request(server)
          .get(`/api/sre${url}`)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body;
      };
      const read = async () => ({
        checkout: await get<CostReport>(
          '/entities/component/default/checkout-api/costs',
        ),
        payments: await get<CostReport>(
          '/entities/component/default/payments-db/costs',
        ),
        team: await get<TeamCostReport>('/teams/default/platform/costs'),
      });

      const before = await read();
      const { from, to } = before.team;
      expect(before.checkout.total.amount).toBe(cents([0], from, to) / 100);
      expect(before.payments.total.amount).toBe(0);
      expect(before.team.total.amount).toBe(cents([0], from, to) / 100);
      expect(before.team.unallocated.total.amount).toBe(
        cents([1, 2], from, to) / 100,
      );

      // payments-db claims the payments rows; checkout-api's new tags match none.
      payments.metadata.annotations = {
        [ANNOTATION_COST_TAGS]: 'team=payments, app=db',
      };
      checkout.metadata.annotations = {
        [ANNOTATION_COST_TAGS]: 'app=checkout-v2',
      };
      const realNow = Date.now;
      jest
        .spyOn(Date, 'now')
        .mockImplementation(() => realNow() + SNAPSHOT_AGE_MS);

      const after = await read();
      expect(after.team.from).toBe(from);
      expect(after.checkout.total.amount).toBe(0);
      // The whole history moved, the previous period's days too.
      expect(after.payments.total.amount).toBe(cents([1], from, to) / 100);
      const previousFrom = dayOf(Date.parse(`${from}T00:00:00Z`) - 30 * DAY);
      expect(cents([1], previousFrom, from)).toBeGreaterThan(0);
      expect(after.payments.previousTotal.amount).toBe(
        cents([1], previousFrom, from) / 100,
      );
      expect(after.payments.allocation).toBe('team=payments, app=db');
      expect(after.team.total.amount).toBe(cents([1], from, to) / 100);
      expect(
        after.team.entities.map(e => [e.entityRef, e.total.amount]),
      ).toEqual([
        ['component:default/payments-db', cents([1], from, to) / 100],
        ['component:default/checkout-api', 0],
      ]);
      // checkout-api's old rows are unallocated now, never dropped.
      expect(after.team.unallocated.total.amount).toBe(
        cents([0, 2], from, to) / 100,
      );
      // Allocated and unallocated add up to all the spend, before and after.
      for (const { team } of [before, after]) {
        expect(
          Math.round((team.total.amount + team.unallocated.total.amount) * 100),
        ).toBe(cents([0, 1, 2], from, to));
      }
    });
  },
);

describe.each(databases.eachSupportedId())(
  'CostService allocation on %s',
  id => {
    it('counts a tag set stored after the last read at once, without waiting for the catalog snapshot', async () => {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const catalog = catalogServiceMock({
        entities: [
          owned('checkout-api'),
          {
            ...owned('payments-db'),
            metadata: {
              name: 'payments-db',
              namespace: 'default',
              annotations: { [ANNOTATION_COST_TAGS]: 'app=db' },
            },
          },
        ],
      });
      const costs = costServiceOver({
        knex,
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
      const importDay = (daysAgo: number, tags: Record<string, string>) =>
        costs.importBatch('billing', {
          origin: `day ${daysAgo}`,
          rows: (async function* one() {
            yield { ...dayRow({ daysAgo, cents: 4_200 }), tags };
          })(),
        });
      const total = async (name: string) =>
        (
          await costs.report(`component:default/${name}`, {
            granularity: 'day',
          })
        ).total.amount;

      await importDay(1, { service: 'checkout-api' });
      expect(await total('checkout-api')).toBe(42);
      expect(await total('payments-db')).toBe(0);
      // A new tag set (the annotation's, with a tag the rule does not name).
      await importDay(2, { app: 'db', env: 'prod' });
      expect(await total('payments-db')).toBe(42);
      // Importing day 2 again replaces it: a batch still replaces its days.
      await importDay(2, { service: 'checkout-api' });
      expect(await total('payments-db')).toBe(0);
      expect(await total('checkout-api')).toBe(84);
    });
  },
);
