import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { CostReport } from '@baton/plugin-sre-common';
import request from 'supertest';
import {
  DAY,
  dayOf,
  dayRow,
  startCostBackend,
  todayStart,
} from './__testUtils__/costBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const TEAM = 'group:default/payments-squad';
/** Days of data the source imported, up to and including today. */
const HISTORY_DAYS = 40;

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-squad', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-adapter', namespace: 'default' },
    spec: { type: 'service', owner: TEAM, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: TEAM }],
  },
];

// Every day $12.50 on AWS and ¥1,200 on a Japanese monitoring plan.
const rows = () =>
  Array.from({ length: HISTORY_DAYS }, (_, daysAgo) => [
    dayRow({ daysAgo, service: 'payments-adapter', cents: 1250 }),
    dayRow({
      daysAgo,
      service: 'payments-adapter',
      cents: 120_000,
      currency: 'JPY',
    }),
  ]).flat();

// A 30-day range ending today: the previous 30 days hold 10 days of data.
const to = () => dayOf(todayStart() + DAY);
const from = () => dayOf(todayStart() - 29 * DAY);

describe.each(databases.eachSupportedId())(
  'cost currencies and coverage on %s',
  id => {
    async function report(config?: object): Promise<CostReport> {
      const server = await startCostBackend({
        knex: await databases.init(id),
        entities,
        rows,
        config,
      });
      const res = await request(server)
        .get(
          `/api/sre/entities/component/default/payments-adapter/costs?from=${from()}&to=${to()}`,
        )
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body;
    }

    it('shows each currency side by side without a rate table', async () => {
      const body = await report();
      expect(body.currencies).toEqual(['JPY', 'USD']);
      expect(body.allCurrencies).toEqual({
        totals: [
          {
            currency: 'JPY',
            total: { amount: 30 * 1200, currency: 'JPY' },
            previousTotal: { amount: 10 * 1200, currency: 'JPY' },
          },
          {
            currency: 'USD',
            total: { amount: 30 * 12.5, currency: 'USD' },
            previousTotal: { amount: 10 * 12.5, currency: 'USD' },
          },
        ],
        converted: null,
        missingRates: [],
      });
    });

    it('converts every currency into the base of sre.cost.exchangeRates', async () => {
      const body = await report({
        sre: {
          cost: { exchangeRates: { base: 'USD', rates: { JPY: 0.0067 } } },
        },
      });
      // 30 × (12.50 + 1,200 × 0.0067) = 30 × 20.54
      expect(body.allCurrencies.converted).toEqual({
        total: { amount: 616.2, currency: 'USD' },
        previousTotal: { amount: 205.4, currency: 'USD' },
        rates: { JPY: 0.0067, USD: 1 },
      });
    });

    it('says how many days of the previous period have data', async () => {
      const body = await report();
      // The import covered the last 40 days: 10 of the 30 before the range.
      expect(body.coverage).toEqual({
        periodDays: 30,
        days: 30,
        previousDays: 10,
        dataFrom: dayOf(todayStart() - (HISTORY_DAYS - 1) * DAY),
      });
    });

    it.each([
      [{ base: 'USD', rates: { JPY: 0 } }, 'sre.cost.exchangeRates.rates.JPY'],
      [{ base: 'usd', rates: {} }, 'sre.cost.exchangeRates.base'],
      [
        { base: 'USD', rates: { JPY: 'cheap' } },
        'sre.cost.exchangeRates.rates.JPY',
      ],
    ])('refuses to start with %j, naming the key', async (table, key) => {
      await expect(
        report({ sre: { cost: { exchangeRates: table } } }),
      ).rejects.toThrow(key);
    });
  },
);
