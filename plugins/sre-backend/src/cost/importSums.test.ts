import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { formatDecimal, parseDecimal } from '@baton/plugin-sre-common';
import type { CostRow } from '@baton/plugin-sre-node';
import { applyDatabaseMigrations } from '../database/migrations';
import type { SelectorEntityMapper } from '../catalog/SelectorEntityMapper';
import { costServiceOver } from './__testUtils__/costService';
import { CostService } from './CostService';
import { CostSourceRegistry } from './CostSourceRegistry';
import {
  DatabaseCostStore,
  type CostDayWrite,
  type CostPeriodImport,
  type CostStore,
} from './CostStore';

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

/** A migrated database of `id` and a CostService on it over an empty catalog. */
async function migratedService(id: TestDatabaseId) {
  const knex = await databases.init(id);
  await applyDatabaseMigrations(knex);
  const service = costServiceOver({
    knex,
    catalog: catalogServiceMock({ entities: [] }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  return { knex, service };
}

describe.each(databases.eachSupportedId())('import sums on %s', id => {
  it('sums exactly across the 2^53 scaled units a number holds, with amounts no number holds', async () => {
    const { knex, service } = await migratedService(id);
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

  it('stores service names with tabs, line ends, backslashes and a \\N as they are, over more rows than one write', async () => {
    const { knex, service } = await migratedService(id);
    // COPY's text format gives these a meaning (PostgreSQL); stored, they are text.
    const names = [
      'Tab\there',
      'Line\nend',
      'Return\r',
      'C:\\back\\slash',
      '\\N',
      '\\t literally',
      'Ünïcode ✓',
    ];
    // 3,000 days of each: more than one 64 kB chunk of COPY text, and several SQLite inserts.
    const rows: CostRow[] = [];
    for (const [i, serviceName] of names.entries()) {
      for (let day = 0; day < 3000; day++) {
        rows.push({
          ...row(`${i + 1}.25`),
          serviceName,
          chargePeriodStart: new Date(FIRST + day * DAY),
          chargePeriodEnd: new Date(FIRST + (day + 1) * DAY),
        });
      }
    }
    const result = await service.importBatch('names', {
      origin: 'test',
      rows: each(rows),
    });
    expect(result.rows).toBe(names.length * 3000);

    const stored: Array<{ service_name: string; n: number; total: number }> =
      await knex('sre_cost_daily')
        .where({ source: 'names' })
        .groupBy('service_name')
        .select('service_name')
        .count({ n: '*' })
        .select(knex.raw('sum(cast(effective as decimal(20, 2))) as total'));
    expect(
      stored
        .map(r => [r.service_name, Number(r.n), Number(r.total)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(
      names
        .map((name, i) => [name, 3000, (i + 1.25) * 3000])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('stores nothing of an import whose write fails part way', async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const store = DatabaseCostStore.create(knex);
    const day = (n: number, serviceName: string | null): CostDayWrite => ({
      source: 'partial',
      day: new Date(FIRST + n * DAY).toISOString().slice(0, 10),
      tagSetIndex: 0,
      service_name: serviceName as string,
      currency: 'USD',
      billed: '1',
      effective: '1',
      estimated: false,
    });
    const period = (days: number) => ({
      start: '2025-01-01',
      end: new Date(FIRST + days * DAY).toISOString().slice(0, 10),
    });
    const base = {
      source: 'partial',
      tagSets: ['{}'],
      now: new Date(FIRST),
    };
    await store.replacePeriod({
      ...base,
      origin: 'first',
      period: period(1),
      rows: 1,
      days: [day(0, 'Compute')],
    });
    // 4,000 good days, then one without a service name: the database
    // refuses it after the others were sent, and the whole import with it.
    const days = Array.from({ length: 4000 }, (_, n) => day(n, 'Storage'));
    days.push(day(4000, null));
    await expect(
      store.replacePeriod({
        ...base,
        origin: 'second',
        period: period(4001),
        rows: 4001,
        days,
      }),
    ).rejects.toThrow(/service_name/);
    expect(
      await knex('sre_cost_daily')
        .where({ source: 'partial' })
        .select('day', 'service_name'),
    ).toEqual([{ day: '2025-01-01', service_name: 'Compute' }]);
    expect(
      await knex('sre_cost_imports')
        .where({ source: 'partial' })
        .pluck('origin'),
    ).toEqual(['first']);
  });
});

/** A CostService whose store only records the days it is handed. */
function recordingService() {
  const written: CostDayWrite[] = [];
  const store = {
    replacePeriod: async (options: CostPeriodImport) => {
      written.push(...options.days);
    },
  } as unknown as CostStore;
  const service = new CostService({
    store,
    sources: new CostSourceRegistry(),
    mapper: {} as SelectorEntityMapper,
    catalog: catalogServiceMock({ entities: [] }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    metric: 'effective',
  });
  return { service, written };
}

describe('import without a database', () => {
  it('sums like bigints do: random amounts over more buckets than one allocation of sums', async () => {
    const { service, written } = recordingService();
    // A seeded PRNG (mulberry32): the same amounts on every run.
    let state = 42;
    const next = (n: number) => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const digits = (count: number) =>
      Array.from({ length: count }, () => next(10)).join('');
    const amount = () => {
      const kind = next(5);
      const sign = next(3) === 0 ? '-' : '';
      // Just under 2^53 scaled units: a few of them pass it.
      if (kind === 0) return `${sign}9007.199254740${digits(2)}`;
      // More digits than a number holds.
      if (kind === 1) return `${sign}${digits(14)}.${digits(12)}`;
      // 13 decimals: rounded half to even.
      if (kind === 2) return `${sign}0.${digits(13)}`;
      return `${sign}${digits(1 + next(4))}.${digits(next(11))}`;
    };
    const expected = new Map<string, { billed: bigint; effective: bigint }>();
    const rows: CostRow[] = [];
    // 40 days × 30 tag sets: 1,200 buckets, 2,400 sums.
    for (let i = 0; i < 12_000; i++) {
      const day = next(40);
      const tags = { service: `s${next(30)}` };
      const effective = amount();
      const billed = amount();
      rows.push({
        ...row(effective, { billed, tags }),
        chargePeriodStart: new Date(FIRST + day * DAY),
        chargePeriodEnd: new Date(FIRST + (day + 1) * DAY),
      });
      const key = `${day}/${tags.service}`;
      const sum = expected.get(key) ?? { billed: 0n, effective: 0n };
      sum.billed += parseDecimal(billed)!;
      sum.effective += parseDecimal(effective)!;
      expected.set(key, sum);
    }
    await service.importBatch('random', { origin: 'test', rows: each(rows) });
    expect(written).toHaveLength(expected.size);
    expect(expected.size).toBe(1200);
    // Tag sets are indexed in the order they are first seen.
    const services = [...new Set(rows.map(r => r.tags.service))];
    for (const day of written) {
      const index = (Date.parse(day.day) - FIRST) / DAY;
      const sum = expected.get(`${index}/${services[day.tagSetIndex]}`);
      expect([day.day, day.billed, day.effective]).toEqual([
        day.day,
        formatDecimal(sum!.billed),
        formatDecimal(sum!.effective),
      ]);
    }
  });

  it('keeps days apart however far they are from the first', async () => {
    const { service, written } = recordingService();
    // Near the first day a bucket's key is a small integer, further off another number.
    const days = [0, 1023, 1024, -1024, -1025, 5000, -3000];
    const rows: CostRow[] = [];
    for (const name of ['a', 'b']) {
      for (const day of days) {
        for (const amount of ['1', '0.5']) {
          rows.push({
            ...row(amount, { tags: { service: name } }),
            chargePeriodStart: new Date(FIRST + day * DAY),
            chargePeriodEnd: new Date(FIRST + (day + 1) * DAY),
          });
        }
      }
    }
    await service.importBatch('far', { origin: 'test', rows: each(rows) });
    const dayOf = (day: number) =>
      new Date(FIRST + day * DAY).toISOString().slice(0, 10);
    expect(
      written.map(d => [d.day, d.tagSetIndex, d.effective, d.billed]),
    ).toEqual(
      [...days]
        .sort((x, y) => x - y)
        .flatMap(day => [
          [dayOf(day), 0, '1.5', '1.5'],
          [dayOf(day), 1, '1.5', '1.5'],
        ]),
    );
  });

  it('hands the store its days in key order: by day, then tag set', async () => {
    const { service, written } = recordingService();
    const on = (day: number, amount: string, name: string): CostRow => ({
      ...row(amount, { tags: { service: name } }),
      chargePeriodStart: new Date(FIRST + day * DAY),
      chargePeriodEnd: new Date(FIRST + (day + 1) * DAY),
    });
    // First seen: day 2 before day 0, tag set 1 ('b') before 0 ('a') on day 0.
    const rows = [
      on(0, '1', 'a'),
      on(2, '2', 'b'),
      on(2, '3', 'a'),
      on(0, '4', 'b'),
      on(1, '5', 'b'),
      on(0, '6', 'a'),
    ];
    await service.importBatch('order', { origin: 'test', rows: each(rows) });
    expect(written.map(d => [d.day, d.tagSetIndex, d.effective])).toEqual([
      ['2025-01-01', 0, '7'],
      ['2025-01-01', 1, '4'],
      ['2025-01-02', 1, '5'],
      ['2025-01-03', 0, '3'],
      ['2025-01-03', 1, '2'],
    ]);
  });
});
