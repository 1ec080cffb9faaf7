import type { CostBatch, CostRow } from '@baton/plugin-sre-node';
import {
  DEMO_CDN_SPIKE,
  DEMO_COST_DAYS,
  DEMO_RDS_STEP,
  DemoCostSource,
} from './DemoCostSource';

const DAY = 86_400_000;
// A Wednesday afternoon.
const now = new Date('2026-11-25T15:30:00Z');
const today = Date.parse('2026-11-25T00:00:00Z');

async function pull(at: Date = now) {
  const batches: CostBatch[] = [];
  for await (const batch of new DemoCostSource().pull({
    finalDays: new Set(),
    now: at,
  })) {
    batches.push(batch);
  }
  const rows: CostRow[] = [];
  for (const batch of batches) {
    for await (const row of batch.rows) rows.push(row);
  }
  return { batches, rows };
}

const daysAgo = (row: CostRow) =>
  Math.round((today - row.chargePeriodStart.getTime()) / DAY);

/** The amounts of matching rows by days ago. */
function series(rows: CostRow[], match: (row: CostRow) => boolean) {
  const byDay = new Map<number, number>();
  for (const row of rows.filter(match)) {
    byDay.set(
      daysAgo(row),
      (byDay.get(daysAgo(row)) ?? 0) + Number(row.billedCost),
    );
  }
  return byDay;
}

const mean = (values: number[]) =>
  values.reduce((a, b) => a + b, 0) / values.length;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('DemoCostSource', () => {
  it('is the source "demo"', () => {
    expect(new DemoCostSource().id).toBe('demo');
  });

  it('gives the same rows for the same now, whichever instance pulls', async () => {
    const first = await pull();
    const second = await pull(new Date(now.getTime()));
    expect(second.rows).toEqual(first.rows);
    expect(second.batches[0].fingerprint).toBe(first.batches[0].fingerprint);
    // The rows depend on the day only.
    const later = await pull(new Date('2026-11-25T23:59:59Z'));
    expect(later.rows).toEqual(first.rows);
    // A line without growth or story keeps a day's amount as days pass (noise is seeded by the day).
    const tomorrow = await pull(new Date(now.getTime() + DAY));
    const key = (row: CostRow) =>
      `${row.chargePeriodStart.toISOString()} ${
        row.serviceName
      } ${JSON.stringify(row.tags)}`;
    const old = new Map(first.rows.map(row => [key(row), row.billedCost]));
    const day50 = tomorrow.rows.filter(row => daysAgo(row) === 50);
    expect(day50.length).toBeGreaterThan(0);
    for (const row of day50.filter(r => r.serviceName === 'Amazon DynamoDB')) {
      expect(row.billedCost).toBe(old.get(key(row)));
    }
  });

  it('yields one batch whose period is the last 120 UTC days up to today', async () => {
    const { batches, rows } = await pull();
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch.origin).toBe('demo');
    expect(batch.period).toEqual({
      start: new Date('2026-07-29T00:00:00Z'),
      end: new Date('2026-11-26T00:00:00Z'),
    });
    expect(
      (batch.period!.end.getTime() - batch.period!.start.getTime()) / DAY,
    ).toBe(DEMO_COST_DAYS);
    const days = new Set(rows.map(row => row.chargePeriodStart.getTime()));
    expect(days.size).toBe(120);
    for (const row of rows) {
      expect(row.chargePeriodStart.getTime()).toBeGreaterThanOrEqual(
        batch.period!.start.getTime(),
      );
      expect(row.chargePeriodEnd.getTime()).toBeLessThanOrEqual(
        batch.period!.end.getTime(),
      );
      expect(
        row.chargePeriodEnd.getTime() - row.chargePeriodStart.getTime(),
      ).toBe(DAY);
      expect(row.chargePeriodStart.getTime() % DAY).toBe(0);
    }
  });

  it('gives each demo service two to four AWS services, tagged with its name', async () => {
    const { rows } = await pull();
    const aws = rows.filter(
      row => row.billingCurrency === 'USD' && row.tags.service,
    );
    const lines = new Map<string, Set<string>>();
    for (const row of aws) {
      const set = lines.get(row.tags.service) ?? new Set();
      set.add(row.serviceName!);
      lines.set(row.tags.service, set);
    }
    expect([...lines.keys()].sort()).toEqual([
      'admin-console',
      'checkout-api',
      'inventory-sync',
      'media-streaming',
      'order-batch',
      'payments-adapter',
      // catalog-search, as its baton.dev/cost-tags annotation selects it.
      'search',
      'storefront',
    ]);
    for (const names of lines.values()) {
      expect(names.size).toBeGreaterThanOrEqual(2);
      expect(names.size).toBeLessThanOrEqual(4);
    }
    for (const row of aws) {
      expect(row.tags).toEqual(
        row.tags.service === 'search'
          ? { service: 'search', env: 'production' }
          : { service: row.tags.service, env: 'prod' },
      );
    }
  });

  it('upsized checkout-api’s database 20 days ago: +35% on RDS', async () => {
    const { rows } = await pull();
    const rds = series(
      rows,
      row =>
        row.tags.service === 'checkout-api' &&
        row.serviceName === 'Amazon Relational Database Service',
    );
    const recent = mean(range(0, 13).map(d => rds.get(d)!));
    const before = mean(range(27, 40).map(d => rds.get(d)!));
    expect(recent / before).toBeGreaterThan(1.3);
    expect(recent / before).toBeLessThan(1.4);
    // The step is on its day, not spread.
    expect(
      rds.get(DEMO_RDS_STEP.daysAgo)! / rds.get(DEMO_RDS_STEP.daysAgo + 1)!,
    ).toBeGreaterThan(1.25);
  });

  it('gives media-streaming one CloudFront spike, 6 days ago', async () => {
    const { rows } = await pull();
    const cdn = series(
      rows,
      row =>
        row.tags.service === 'media-streaming' &&
        row.serviceName === 'Amazon CloudFront',
    );
    const amounts = [...cdn.values()];
    const max = Math.max(...amounts);
    expect(cdn.get(DEMO_CDN_SPIKE.daysAgo)).toBe(max);
    expect(max).toBeGreaterThanOrEqual(3 * median(amounts));
    // Only one such day.
    expect(amounts.filter(a => a >= 2 * median(amounts))).toHaveLength(1);
  });

  it('costs less on weekends than on weekdays', async () => {
    const { rows } = await pull();
    const total = series(rows, row => row.billingCurrency === 'USD');
    const weekend: number[] = [];
    const weekdays: number[] = [];
    for (const [ago, amount] of total) {
      const weekday = new Date(today - ago * DAY).getUTCDay();
      (weekday === 0 || weekday === 6 ? weekend : weekdays).push(amount);
    }
    expect(weekend.length).toBeGreaterThan(30);
    expect(mean(weekend)).toBeLessThan(0.95 * mean(weekdays));
  });

  it('bills in yen only Mackerel for payments-adapter, about ¥1,200 a day', async () => {
    const { rows } = await pull();
    const jpy = rows.filter(row => row.billingCurrency === 'JPY');
    expect(new Set(jpy.map(row => daysAgo(row))).size).toBe(120);
    for (const row of jpy) {
      expect(row.serviceName).toBe('Mackerel');
      expect(row.tags.service).toBe('payments-adapter');
      expect(Number(row.billedCost)).toBeGreaterThan(1100);
      expect(Number(row.billedCost)).toBeLessThan(1300);
    }
    expect(new Set(rows.map(row => row.billingCurrency))).toEqual(
      new Set(['USD', 'JPY']),
    );
  });

  it('has untagged spend every day', async () => {
    const { rows } = await pull();
    const untagged = rows.filter(row => Object.keys(row.tags).length === 0);
    expect(new Set(untagged.map(row => daysAgo(row))).size).toBe(120);
    expect(new Set(untagged.map(row => row.serviceName))).toEqual(
      new Set(['AWS Support (Business)', 'Amazon Virtual Private Cloud']),
    );
    for (const day of range(0, 119)) {
      const names = untagged
        .filter(row => daysAgo(row) === day)
        .map(row => row.serviceName);
      expect(names.sort()).toEqual([
        'AWS Support (Business)',
        'Amazon Virtual Private Cloud',
      ]);
    }
  });

  it('estimates today and yesterday only', async () => {
    const { rows } = await pull();
    const estimated = new Set(
      rows.filter(row => row.estimated).map(row => daysAgo(row)),
    );
    expect([...estimated].sort()).toEqual([0, 1]);
    for (const row of rows) {
      expect(Boolean(row.estimated)).toBe(daysAgo(row) <= 1);
    }
  });

  it('writes amounts as decimals, EC2 a Savings Plan cheaper effective', async () => {
    const { rows } = await pull();
    for (const row of rows) {
      expect(row.billedCost).toMatch(/^\d+\.\d{4,6}$/);
      expect(row.effectiveCost).toMatch(/^\d+\.\d{4,6}$/);
    }
    const ec2 = rows.filter(
      row => row.serviceName === 'Amazon Elastic Compute Cloud - Compute',
    );
    expect(ec2.length).toBeGreaterThan(0);
    for (const row of ec2) {
      expect(Number(row.effectiveCost) / Number(row.billedCost)).toBeCloseTo(
        0.8,
        3,
      );
    }
    for (const row of rows.filter(r => !ec2.includes(r))) {
      expect(row.effectiveCost).toBe(row.billedCost);
    }
  });
});
