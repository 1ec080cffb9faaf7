import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { CostRow } from '@baton/plugin-sre-node';
import { applyDatabaseMigrations } from '../database/migrations';
import { costServiceOver } from './__testUtils__/costService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const DAY = 86_400_000;
const FIRST = Date.UTC(2025, 0, 1);

const row = (
  amount: string,
  options: {
    days?: number;
    billed?: string;
    tags?: Record<string, string>;
  } = {},
): CostRow => ({
  chargePeriodStart: new Date(FIRST),
  chargePeriodEnd: new Date(FIRST + (options.days ?? 1) * DAY),
  billedCost: options.billed ?? amount,
  effectiveCost: amount,
  billingCurrency: 'USD',
  serviceName: 'Compute',
  tags: options.tags ?? { service: 'checkout' },
});

async function* each(rows: CostRow[]) {
  yield* rows;
}

describe.each(databases.eachSupportedId())('import sums on %s', id => {
  it('sums exactly across the 2^53 scaled units a number holds, with amounts no number holds', async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const service = costServiceOver({
      knex,
      catalog: catalogServiceMock({ entities: [] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    // 2^53 scaled units are 9007.199254740992: these sums pass it several
    // times, go negative past it, and mix in amounts that are bigints from
    // the start (more digits, more decimals, an exponent).
    const amounts = [
      // 2^53 - 10 scaled units, then 2^53 - 1, then 2^53: past what a number sums exactly.
      '9007.19925474099',
      '0.000000000009',
      '0.000000000001',
      '5000.5',
      '-20000.000000000003',
      '123456789012345678.123456789012',
      '1.5E-7',
      '0.1234567890123',
      '-9007.199254740993',
      '4503.59962737049',
      '4503.59962737049',
      // Ten of these take the sum of numbers below -2^53.
      ...Array<string>(10).fill('-999.999999999999'),
    ];
    const rows = amounts.map(amount => row(amount, { billed: '0.1' }));
    // A three-day row splits exactly; another tag set is its own bucket.
    rows.push(row('10', { days: 3, billed: '10', tags: { service: 'b' } }));
    await service.importBatch('sums', { origin: 'test', rows: each(rows) });

    const stored: Array<{
      day: string;
      effective: string;
      billed: string;
      tag_set_id: number;
    }> = await knex('sre_cost_daily')
      .where({ source: 'sums' })
      .orderBy(['day', 'tag_set_id'])
      .select('day', 'effective', 'billed', 'tag_set_id');
    const first = stored.filter(r => r.day === '2025-01-01');
    expect(first).toHaveLength(2);
    // Summed apart (Python's decimal, each amount rounded half to even to 12 places).
    const checkout = first.find(
      r => r.effective === '123456789012329685.946168469018',
    );
    expect(checkout).toBeDefined();
    expect(checkout!.billed).toBe('2.1');
    const split = stored.filter(r => r.tag_set_id !== checkout!.tag_set_id);
    expect(split.map(r => [r.day, r.effective, r.billed])).toEqual([
      ['2025-01-01', '3.333333333334', '3.333333333334'],
      ['2025-01-02', '3.333333333333', '3.333333333333'],
      ['2025-01-03', '3.333333333333', '3.333333333333'],
    ]);
  });
});
