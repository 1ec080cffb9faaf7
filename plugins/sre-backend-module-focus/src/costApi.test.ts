import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the module is tested inside the plugin it extends
import sreBackendPlugin from '@baton/plugin-sre-backend';
import type { CostReport, TeamCostReport } from '@baton/plugin-sre-common';
import { parse } from 'csv-parse/sync';
import fs from 'fs';
import http, { type Server } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import request from 'supertest';
import { gzipSync } from 'zlib';
import { sreModuleFocus } from './module';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

// ---------------------------------------------------------------------------
// The catalog. checkout-api and payments-api are claimed by the default rule
// (`Tags.service` = name); search-engine's `baton.dev/cost-tags` annotation
// replaces that rule and claims the fixture's `service=search` rows through
// their number (`cost-center: 4711`) and boolean (`backup: true`) tags. No
// entity is named `catalog`, so the fixture's `service=catalog` rows are
// unallocated, as are its untagged rows.
// ---------------------------------------------------------------------------

const COST_TAGS = 'cost-center=4711,backup=true';
const CHECKOUT = 'component:default/checkout-api';
const PAYMENTS = 'component:default/payments-api';
const SEARCH = 'component:default/search-engine';
const LEDGER = 'component:default/ledger';
const UNALLOCATED = '';

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});
const component = (
  name: string,
  team: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: team, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
});

const entities: Entity[] = [
  group('checkout-squad'),
  group('payments-squad'),
  component('checkout-api', 'checkout-squad'),
  component('search-engine', 'checkout-squad', {
    'baton.dev/cost-tags': COST_TAGS,
  }),
  // Owned, but no row names it: the team report lists it at 0.
  component('ledger', 'checkout-squad'),
  component('payments-api', 'payments-squad'),
];
const ALL_ENTITIES = [CHECKOUT, PAYMENTS, SEARCH, LEDGER];
const CHECKOUT_SQUAD = [CHECKOUT, SEARCH, LEDGER];

/** The test's own allocation rule, written from the catalog above. */
function ownerOf(tags: Record<string, unknown>): string {
  if (
    String(tags['cost-center']) === '4711' &&
    String(tags.backup) === 'true'
  ) {
    return SEARCH;
  }
  const service =
    typeof tags.service === 'string' ? tags.service.toLowerCase() : '';
  // search-engine is not here: its annotation replaces `service=search-engine`.
  const byName: Record<string, string> = {
    'checkout-api': CHECKOUT,
    'payments-api': PAYMENTS,
    ledger: LEDGER,
  };
  return byName[service] ?? UNALLOCATED;
}

// ---------------------------------------------------------------------------
// Expected amounts, computed from the CSV text without the code under test:
// csv-parse only splits the file (cells hold quoted commas), amounts are
// parsed from their decimal strings into bigint pico-units (10^-12; the
// fixture has up to 10 decimals, so every amount is exact, which micro-units
// would not be for e.g. 0.0000123456), never through a float.
// ---------------------------------------------------------------------------

const DAY = 86_400_000;
const SCALE = 10n ** 12n;
const MICRO = 10n ** 6n;

const FIXTURE = fs.readFileSync(
  path.resolve(__dirname, '__fixtures__/focus-1.0-aws-mackerel-2025-01.csv'),
);

type Table = string[][];

function tableOf(csv: Buffer): Table {
  return parse(csv, { bom: true, skip_empty_lines: true }) as Table;
}

/** Every cell quoted: a modified table written back as a FOCUS file. */
function csvOf(table: Table, { lastNewline = true } = {}): Buffer {
  return Buffer.from(
    table
      .map(row => row.map(cell => `"${cell.replace(/"/g, '""')}"`).join(','))
      .join('\r\n')
      .concat(lastNewline ? '\r\n' : ''),
  );
}

function columnOf(table: Table, name: string): number {
  const index = table[0].indexOf(name);
  if (index < 0) throw new Error(`the test table has no column ${name}`);
  return index;
}

/** A copy of the table with cells of one data row (1-based, the header is row 0) replaced. */
function withCells(
  table: Table,
  row: number,
  cells: Record<string, string>,
): Table {
  const copy = table.map(r => [...r]);
  for (const [name, value] of Object.entries(cells)) {
    copy[row][columnOf(table, name)] = value;
  }
  return copy;
}

/** A copy of the table with a new row: a copy of data row `like` with some cells replaced. */
function withRow(
  table: Table,
  like: number,
  cells: Record<string, string>,
): Table {
  const row = [...table[like]];
  for (const [name, value] of Object.entries(cells)) {
    row[columnOf(table, name)] = value;
  }
  return [...table.map(r => [...r]), row];
}

/** A plain decimal string in pico-units. */
function picos(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{0,12}))?$/.exec(text.trim());
  if (!match) throw new Error(`the test parses plain decimals only: '${text}'`);
  const value =
    BigInt(match[2]) * SCALE + BigInt((match[3] ?? '').padEnd(12, '0'));
  return match[1] ? -value : value;
}

interface Charge {
  /** EffectiveCost in pico-units. */
  amount: bigint;
  currency: string;
  /** Days since 1970-01-01 (UTC) of the first day the charge period touches. */
  firstDay: number;
  /** How many UTC days the charge period touches. */
  days: number;
  tags: Record<string, unknown>;
  owner: string;
}

function chargesOf(csv: Buffer): Charge[] {
  const table = tableOf(csv);
  const cell = (row: string[], name: string) => row[columnOf(table, name)];
  return table.slice(1).map(row => {
    const start = Date.parse(cell(row, 'ChargePeriodStart'));
    const end = Date.parse(cell(row, 'ChargePeriodEnd'));
    const firstDay = Math.floor(start / DAY);
    const tagsText = cell(row, 'Tags').trim();
    const tags = tagsText ? JSON.parse(tagsText) ?? {} : {};
    return {
      amount: picos(cell(row, 'EffectiveCost')),
      currency: cell(row, 'BillingCurrency'),
      firstDay,
      days: Math.ceil(end / DAY) - firstDay,
      tags,
      owner: ownerOf(tags),
    };
  });
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;

/** Imported charges, optionally only their days in [from, to): what a partial replacement keeps. */
interface Piece {
  charges: Charge[];
  from?: string;
  to?: string;
}

/**
 * The spend of `owners` in one currency over [from, to): each charge spread
 * evenly over its days, i.e. amount × (its days in the range) / (its days).
 * Summed per day count first and divided once, so the only error is under
 * one pico-unit per distinct day count.
 */
function expectedSpend(
  ledger: Piece[],
  owners: string[],
  currency: string,
  from = '2025-01-01',
  to = '2025-02-01',
): bigint {
  const byDays = new Map<number, bigint>();
  for (const piece of ledger) {
    const start = Math.max(dayNumber(from), dayNumber(piece.from ?? from));
    const end = Math.min(dayNumber(to), dayNumber(piece.to ?? to));
    for (const charge of piece.charges) {
      if (charge.currency !== currency || !owners.includes(charge.owner)) {
        continue;
      }
      const inRange =
        Math.min(charge.firstDay + charge.days, end) -
        Math.max(charge.firstDay, start);
      if (inRange <= 0) continue;
      byDays.set(
        charge.days,
        (byDays.get(charge.days) ?? 0n) + charge.amount * BigInt(inRange),
      );
    }
  }
  let total = 0n;
  for (const [days, sum] of byDays) total += sum / BigInt(days);
  return total;
}

/** Pico-units rounded half to even to whole micro-units. */
function toMicros(value: bigint): bigint {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  let micros = magnitude / MICRO;
  const twice = (magnitude % MICRO) * 2n;
  if (twice > MICRO || (twice === MICRO && micros % 2n === 1n)) micros += 1n;
  return negative ? -micros : micros;
}

/** An API amount (a JSON number with up to 6 decimals) in micro-units. */
const microsOf = (amount: number) => BigInt(Math.round(amount * 1e6));

// ---------------------------------------------------------------------------
// Test files: the fixture, and variants of it.
// ---------------------------------------------------------------------------

const FIXTURE_TABLE = tableOf(FIXTURE);
const FIXTURE_ROWS = FIXTURE_TABLE.length - 1;
const A = chargesOf(FIXTURE);

/** The data row (1-based) of the fixture matching a test. */
function fixtureRow(test: (cells: Record<string, string>) => boolean): number {
  const header = FIXTURE_TABLE[0];
  const index = FIXTURE_TABLE.findIndex(
    (row, i) =>
      i > 0 && test(Object.fromEntries(header.map((h, j) => [h, row[j]]))),
  );
  if (index < 1) throw new Error('no such fixture row');
  return index;
}

const CHECKOUT_EC2_DAY1 = fixtureRow(
  c =>
    c.Tags.includes('"checkout-api"') &&
    c.ServiceName === 'Amazon Elastic Compute Cloud' &&
    c.ChargePeriodStart === '2025-01-01T00:00:00Z',
);
const CHECKOUT_RDS_DAY2 = fixtureRow(
  c =>
    c.Tags.includes('"checkout-api"') &&
    c.ServiceName === 'Amazon Relational Database Service' &&
    c.ChargePeriodStart === '2025-01-02T00:00:00Z',
);

/**
 * The fixture changed: one amount, one tag in other letter case, and new
 * rows: a monthly checkout-api charge, a row tagged `service=search-engine`
 * (unallocated: the annotation replaces that rule), a monthly JPY charge of
 * payments-api.
 */
const B_TABLE = withRow(
  withRow(
    withRow(
      withCells(
        withCells(FIXTURE_TABLE, CHECKOUT_EC2_DAY1, {
          BilledCost: '12.3456789012',
          EffectiveCost: '12.3456789012',
        }),
        CHECKOUT_RDS_DAY2,
        { Tags: '{"service":"Checkout-API","env":"prod"}' },
      ),
      CHECKOUT_EC2_DAY1,
      {
        BilledCost: '10.00',
        EffectiveCost: '10.00',
        ChargePeriodStart: '2025-01-01T00:00:00Z',
        ChargePeriodEnd: '2025-02-01T00:00:00Z',
        ServiceName: 'Amazon CloudFront',
        Tags: '{"service":"checkout-api"}',
      },
    ),
    CHECKOUT_EC2_DAY1,
    {
      BilledCost: '5.00',
      EffectiveCost: '5.00',
      ChargePeriodStart: '2025-01-03T00:00:00Z',
      ChargePeriodEnd: '2025-01-04T00:00:00Z',
      Tags: '{"service":"search-engine"}',
    },
  ),
  CHECKOUT_EC2_DAY1,
  {
    BilledCost: '1000',
    EffectiveCost: '1000',
    BillingCurrency: 'JPY',
    ChargePeriodStart: '2025-01-01T00:00:00Z',
    ChargePeriodEnd: '2025-02-01T00:00:00Z',
    ServiceName: 'Mackerel',
    Tags: '{"service":"payments-api"}',
  },
);
const B_FILE = csvOf(B_TABLE);
const B = chargesOf(B_FILE);
const B_ROWS = B_TABLE.length - 1;

/** One day only (2025-01-02): one checkout-api charge. */
const C_FILE = csvOf([
  FIXTURE_TABLE[0],
  withCells(FIXTURE_TABLE, CHECKOUT_EC2_DAY1, {
    BilledCost: '1.25',
    EffectiveCost: '1.25',
    ChargePeriodStart: '2025-01-02T00:00:00Z',
    ChargePeriodEnd: '2025-01-03T00:00:00Z',
  })[CHECKOUT_EC2_DAY1],
]);
const C = chargesOf(C_FILE);

// ---------------------------------------------------------------------------

/** A 200 response's body; anything else fails the test with the response. */
function okBody<T>(res: request.Response): T {
  if (res.status !== 200) {
    throw new Error(
      `${res.status} from ${res.request?.url}: ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

/** The sre backend under test, over HTTP. */
class Api {
  constructor(readonly server: Server) {}

  upload(
    body: Buffer,
    query: Record<string, string> = {},
    authorization: string | null = mockCredentials.user.header(),
  ) {
    const req = request(this.server)
      .post('/api/sre/costs/import')
      .query(query)
      .set('Content-Type', 'text/csv');
    if (authorization) req.set('Authorization', authorization);
    return req.send(body);
  }

  get(
    route: string,
    query: Record<string, string> = {},
    authorization: string | null = mockCredentials.user.header(),
  ) {
    const req = request(this.server).get(`/api/sre${route}`).query(query);
    if (authorization) req.set('Authorization', authorization);
    return req;
  }

  async report(
    entityRef: string,
    query: Record<string, string> = {},
  ): Promise<CostReport> {
    const name = entityRef.split('/')[1];
    const res = await this.get(`/entities/component/default/${name}/costs`, {
      from: '2025-01-01',
      to: '2025-02-01',
      ...query,
    });
    return okBody(res);
  }

  async teamReport(
    team: string,
    query: Record<string, string> = {},
  ): Promise<TeamCostReport> {
    const res = await this.get(`/teams/default/${team}/costs`, {
      from: '2025-01-01',
      to: '2025-02-01',
      ...query,
    });
    return okBody(res);
  }

  /** Every entity's January total and the unallocated January total, per currency, in micro-units. */
  async totals(): Promise<Record<string, bigint>> {
    const totals: Record<string, bigint> = {};
    for (const currency of ['USD', 'JPY']) {
      for (const ref of ALL_ENTITIES) {
        const report = await this.report(ref, { currency });
        if (report.currency !== currency) {
          throw new Error(
            `${ref}: asked for ${currency}, got ${report.currency}`,
          );
        }
        totals[`${ref} ${currency}`] = microsOf(report.total.amount);
      }
      const team = await this.teamReport('payments-squad', { currency });
      totals[`unallocated ${currency}`] = microsOf(
        team.unallocated.total.amount,
      );
    }
    return totals;
  }
}

describe.each(databases.eachSupportedId())(
  'cost API with FOCUS uploads on %s',
  id => {
    async function startBackend(sre: object = {}) {
      const knex = await databases.init(id);
      const { server } = await startTestBackend({
        features: [
          sreBackendPlugin,
          sreModuleFocus,
          mockServices.database.factory({ knex }),
          // Only the test's uploads store cost; no scheduled task runs.
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: { sre: { cost: { metric: 'effective' }, ...sre } },
          }),
          catalogServiceMock.factory({ entities }),
          // A request without credentials has none (the mock's default is a user).
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      return new Api(server);
    }

    /** The January totals the ledger should give, keyed as `Api.totals()`. */
    function expectedTotals(ledger: Piece[]): Record<string, bigint> {
      const totals: Record<string, bigint> = {};
      for (const currency of ['USD', 'JPY']) {
        for (const ref of ALL_ENTITIES) {
          totals[`${ref} ${currency}`] = toMicros(
            expectedSpend(ledger, [ref], currency),
          );
        }
        totals[`unallocated ${currency}`] = toMicros(
          expectedSpend(ledger, [UNALLOCATED], currency),
        );
      }
      return totals;
    }

    const errorOf = (res: request.Response): string =>
      res.body?.error?.message ?? '';

    it('reports each entity’s spend in USD and JPY, equal to the file’s sums', async () => {
      const api = await startBackend();
      const imported = await api.upload(FIXTURE, {
        format: 'focus',
        origin: 'focus-2025-01.csv',
      });
      expect(imported.status).toBe(200);
      expect(imported.body).toEqual({
        source: 'upload:focus-upload',
        origin: 'focus-2025-01.csv',
        rows: FIXTURE_ROWS,
        // The monthly charges cover every day of January.
        days: 31,
        period: { start: '2025-01-01', end: '2025-02-01' },
      });

      const totals = await api.totals();
      const expected = expectedTotals([{ charges: A }]);
      expect(totals).toEqual(expected);
      // Not a vacuous comparison: the fixture has spend in each of these.
      for (const key of [
        `${CHECKOUT} USD`,
        `${CHECKOUT} JPY`,
        `${PAYMENTS} USD`,
        `${PAYMENTS} JPY`,
        `${SEARCH} USD`,
        'unallocated USD',
        'unallocated JPY',
      ]) {
        expect({ key, nonZero: expected[key] !== 0n }).toEqual({
          key,
          nonZero: true,
        });
      }
      // A hand check of the independent sums: checkout-api's Mackerel hosts.
      expect(expected[`${CHECKOUT} JPY`]).toBe(766_451_612n);
      // The annotation's `backup=true,cost-center=4711` claimed the two search rows.
      expect(expected[`${SEARCH} USD`]).toBe(99_200n);

      // Part of the range: the second of January only.
      for (const ref of [CHECKOUT, PAYMENTS, SEARCH]) {
        const report = await api.report(ref, {
          from: '2025-01-02',
          to: '2025-01-03',
          currency: 'USD',
        });
        expect({ ref, total: microsOf(report.total.amount) }).toEqual({
          ref,
          total: toMicros(
            expectedSpend(
              [{ charges: A }],
              [ref],
              'USD',
              '2025-01-02',
              '2025-01-03',
            ),
          ),
        });
      }

      const checkout = await api.report(CHECKOUT, { currency: 'USD' });
      expect(checkout).toMatchObject({
        from: '2025-01-01',
        to: '2025-02-01',
        currency: 'USD',
        metric: 'effective',
        allocation: 'service=checkout-api',
        sources: ['upload:focus-upload'],
        // checkout-api has spend in both currencies; a report never adds them.
        currencies: ['JPY', 'USD'],
      });
      expect(checkout.series).toHaveLength(31);
      // The daily series adds up to the total (no day here has sub-micro parts).
      const seriesSum = checkout.series.reduce(
        (sum, point) => sum + microsOf(point.amount),
        0n,
      );
      expect(seriesSum).toBe(microsOf(checkout.total.amount));
      // The drivers are the ServiceNames of checkout-api's rows only.
      expect(checkout.drivers.map(driver => driver.name).sort()).toEqual([
        'Amazon ElastiCache',
        'Amazon Elastic Compute Cloud',
        'Amazon Relational Database Service',
      ]);

      const search = await api.report(SEARCH, { currency: 'USD' });
      expect(search.allocation).toBe(COST_TAGS);
      expect(search.currencies).toEqual(['USD']);
    });

    it('spreads a multi-day charge evenly over its days', async () => {
      const api = await startBackend();
      expect((await api.upload(B_FILE)).status).toBe(200);

      // checkout-api's monthly row of file B, and its number of days from its dates.
      const monthly = B.filter(
        charge => charge.owner === CHECKOUT && charge.days > 1,
      );
      expect(monthly).toHaveLength(1);
      const days =
        (Date.parse('2025-02-01T00:00:00Z') -
          Date.parse('2025-01-01T00:00:00Z')) /
        DAY;
      expect(monthly[0].days).toBe(days);
      const share = monthly[0].amount / BigInt(days);

      const report = await api.report(CHECKOUT, { currency: 'USD' });
      const point = (date: string) =>
        microsOf(report.series.find(p => p.date === date)!.amount);
      // 2025-01-15: no daily charge, only 1/31 of the monthly one.
      expect(point('2025-01-15')).toBe(toMicros(share));
      expect(point('2025-01-31')).toBe(toMicros(share));
      // 2025-01-01: the day's own charges plus 1/31 of the monthly one.
      const ownDay1 = B.filter(
        charge =>
          charge.owner === CHECKOUT &&
          charge.currency === 'USD' &&
          charge.days === 1 &&
          charge.firstDay === dayNumber('2025-01-01'),
      ).reduce((sum, charge) => sum + charge.amount, 0n);
      expect(ownDay1).toBeGreaterThan(0n);
      expect(point('2025-01-01')).toBe(toMicros(ownDay1 + share));
      // Every day of January holds a share: the total holds the whole charge once.
      expect(microsOf(report.total.amount)).toBe(
        toMicros(expectedSpend([{ charges: B }], [CHECKOUT], 'USD')),
      );

      // The month series is one point with the same total.
      const monthly2 = await api.report(CHECKOUT, {
        currency: 'USD',
        granularity: 'month',
      });
      expect(monthly2.series).toEqual([
        { date: '2025-01', amount: report.total.amount, estimated: false },
      ]);

      // Nothing spills into February.
      const february = await api.report(CHECKOUT, {
        currency: 'USD',
        from: '2025-02-01',
        to: '2025-02-02',
      });
      expect(february.total.amount).toBe(0);

      // The fixture's monthly unallocated charges (support, credit, tax) on a day with nothing else.
      for (const currency of ['USD', 'JPY']) {
        const unallocatedMonthly = B.filter(
          charge =>
            charge.owner === UNALLOCATED &&
            charge.currency === currency &&
            charge.days === days,
        );
        expect(unallocatedMonthly.length).toBeGreaterThan(1);
        const team = await api.teamReport('payments-squad', {
          currency,
          from: '2025-01-20',
          to: '2025-01-21',
        });
        const sum = unallocatedMonthly.reduce((s, c) => s + c.amount, 0n);
        expect({
          currency,
          micros: microsOf(team.unallocated.total.amount),
        }).toEqual({
          currency,
          micros: toMicros(sum / BigInt(days)),
        });
      }
    });

    it('replaces a source’s days on re-import, and adds another source', async () => {
      const api = await startBackend();
      const first = await api.upload(FIXTURE);
      expect(first.status).toBe(200);
      const once = await api.totals();
      expect(once).toEqual(expectedTotals([{ charges: A }]));

      // The same file again: no double counting.
      const again = await api.upload(FIXTURE);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await api.totals()).toEqual(once);

      // A changed file for the same source replaces it.
      const changed = await api.upload(B_FILE);
      expect(changed.body).toMatchObject({
        source: 'upload:focus-upload',
        rows: FIXTURE_ROWS + 3,
        period: { start: '2025-01-01', end: '2025-02-01' },
      });
      const replaced = await api.totals();
      expect(replaced).toEqual(expectedTotals([{ charges: B }]));
      expect(replaced).not.toEqual(once);
      // The `Checkout-API` tag still reaches checkout-api (names are case-insensitive),
      // and `service=search-engine` does not reach search-engine (its annotation replaces that rule).
      expect(replaced[`${SEARCH} USD`]).toBe(once[`${SEARCH} USD`]);
      expect(replaced['unallocated USD'] - once['unallocated USD']).toBe(
        5_000_000n,
      );

      // The fixture under another source id adds to it.
      const other = await api.upload(FIXTURE, { source: 'aws-cur.2025_01' });
      expect(other.status).toBe(200);
      expect(other.body.source).toBe('upload:aws-cur.2025_01');
      expect(await api.totals()).toEqual(
        expectedTotals([{ charges: B }, { charges: A }]),
      );

      // A file of one day replaces only that day of its source: the other
      // days of file B stay, the other source stays whole.
      const oneDay = await api.upload(C_FILE, { source: 'focus-upload' });
      expect(oneDay.body).toMatchObject({
        rows: 1,
        days: 1,
        period: { start: '2025-01-02', end: '2025-01-03' },
      });
      const ledger: Piece[] = [
        { charges: B, to: '2025-01-02' },
        { charges: B, from: '2025-01-03' },
        { charges: C },
        { charges: A },
      ];
      expect(await api.totals()).toEqual(expectedTotals(ledger));

      const report = await api.report(CHECKOUT, { currency: 'USD' });
      expect(report.sources).toEqual([
        'upload:aws-cur.2025_01',
        'upload:focus-upload',
      ]);
    });

    it('reads a gzip upload like the plain file', async () => {
      const api = await startBackend();
      const gzipped = gzipSync(FIXTURE);
      expect(gzipped.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      const res = await request(api.server)
        .post('/api/sre/costs/import')
        .query({ format: 'focus', source: 'gz', origin: 'focus.csv.gz' })
        .set('Authorization', mockCredentials.user.header())
        .set('Content-Type', 'application/gzip')
        .send(gzipped);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        source: 'upload:gz',
        origin: 'focus.csv.gz',
        rows: FIXTURE_ROWS,
        days: 31,
        period: { start: '2025-01-01', end: '2025-02-01' },
      });
      const fromGzip = await api.totals();
      expect(fromGzip).toEqual(expectedTotals([{ charges: A }]));

      // The plain file under the same source replaces it with the same amounts.
      expect((await api.upload(FIXTURE, { source: 'gz' })).status).toBe(200);
      expect(await api.totals()).toEqual(fromGzip);
    });

    it('stores more daily rows than one insert batch holds', async () => {
      const api = await startBackend();
      // 40 service names × 31 days: 1240 stored rows, more than two batches of 500.
      const services = Array.from({ length: 40 }, (_, i) => `Service ${i + 1}`);
      const rows = services.flatMap(service =>
        Array.from({ length: 31 }, (_, day) => {
          const start = new Date(Date.UTC(2025, 0, 1 + day)).toISOString();
          const end = new Date(Date.UTC(2025, 0, 2 + day)).toISOString();
          return [
            '0.01',
            '0.01',
            'USD',
            start,
            end,
            service,
            '{"service":"ledger"}',
          ];
        }),
      );
      const file = csvOf([
        [
          'BilledCost',
          'EffectiveCost',
          'BillingCurrency',
          'ChargePeriodStart',
          'ChargePeriodEnd',
          'ServiceName',
          'Tags',
        ],
        ...rows,
      ]);
      const res = await api.upload(file, { source: 'many' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 1240, days: 31 });

      const report = await api.report(LEDGER, { currency: 'USD' });
      expect(report.total.amount).toBe(12.4);
      expect(report.drivers).toHaveLength(40);
      expect(new Set(report.series.map(point => point.amount))).toEqual(
        new Set([0.4]),
      );
      // Again: the 1240 rows are replaced, not added.
      expect((await api.upload(file, { source: 'many' })).status).toBe(200);
      expect((await api.report(LEDGER, { currency: 'USD' })).total.amount).toBe(
        12.4,
      );
    });

    it('rejects a bad file naming the row and column, and writes nothing', async () => {
      const api = await startBackend();
      expect((await api.upload(FIXTURE)).status).toBe(200);
      const before = await api.totals();
      expect(before).toEqual(expectedTotals([{ charges: A }]));
      // Had file B been stored, whole or in part, the totals would differ.
      expect(expectedTotals([{ charges: B }])).not.toEqual(before);

      // Each bad cell is in the last row of file B: every other row was read,
      // and would have replaced the source's data, before the error. No
      // newline after the last row, so the upload has ended when the row
      // fails (for an error earlier in the file, see the tests below).
      const badLast = (cells: Record<string, string>) =>
        csvOf(withCells(B_TABLE, B_ROWS, cells), { lastNewline: false });
      const header = (without: string[]) =>
        csvOf([B_TABLE[0].filter(name => !without.includes(name))], {
          lastNewline: false,
        });
      const at = `^row ${B_ROWS}, column`;
      const cases: Array<[string, Buffer, RegExp]> = [
        [
          'a bad number',
          badLast({ EffectiveCost: '12,5' }),
          new RegExp(`${at} EffectiveCost: '12,5' is not a number`),
        ],
        [
          'an empty BilledCost',
          badLast({ BilledCost: '' }),
          new RegExp(`${at} BilledCost: is empty`),
        ],
        [
          'a bad date',
          badLast({ ChargePeriodStart: '2025-01-32T00:00:00Z' }),
          new RegExp(
            `${at} ChargePeriodStart: '2025-01-32T00:00:00Z' is not a valid ISO 8601 date`,
          ),
        ],
        [
          'a date without a time',
          badLast({ ChargePeriodEnd: '2025-02-01' }),
          new RegExp(`${at} ChargePeriodEnd: '2025-02-01' is not`),
        ],
        [
          'an end before the start',
          badLast({ ChargePeriodEnd: '2024-12-31T00:00:00Z' }),
          new RegExp(
            `${at} ChargePeriodEnd: .* is not after ChargePeriodStart`,
          ),
        ],
        [
          'Tags that are not JSON',
          badLast({ Tags: '{service: payments-api}' }),
          new RegExp(`${at} Tags: '\\{service: payments-api\\}' is not JSON`),
        ],
        [
          'a lower-case currency',
          badLast({ BillingCurrency: 'jpy' }),
          new RegExp(`${at} BillingCurrency: 'jpy' is not an ISO 4217`),
        ],
        [
          'a missing EffectiveCost column',
          header(['EffectiveCost']),
          /^row 0 \(the header\): missing the required FOCUS column EffectiveCost$/,
        ],
        [
          'two missing columns',
          header(['ChargePeriodStart', 'BillingCurrency']),
          /^row 0 \(the header\): missing the required FOCUS columns BillingCurrency, ChargePeriodStart$/,
        ],
        [
          'an empty file',
          Buffer.alloc(0),
          /columns BilledCost, EffectiveCost, BillingCurrency, ChargePeriodStart, ChargePeriodEnd$/,
        ],
        [
          'a last row with three cells',
          Buffer.concat([B_FILE, Buffer.from('1,2,3')]),
          new RegExp(
            `^row ${B_ROWS + 1}, line ${B_ROWS + 2}: the file is not valid CSV`,
          ),
        ],
        [
          'gzip that is cut off',
          gzipSync(B_FILE).subarray(0, 400),
          /^The file starts like gzip but is not valid gzip/,
        ],
      ];
      for (const [what, body, message] of cases) {
        for (const source of ['focus-upload', 'elsewhere']) {
          const res = await api.upload(body, { source });
          expect({ what, source, status: res.status }).toEqual({
            what,
            source,
            status: 400,
          });
          expect({ what, source, message: errorOf(res) }).toEqual({
            what,
            source,
            message: expect.stringMatching(message),
          });
        }
      }
      expect(await api.totals()).toEqual(before);
      // No import of the bad files was logged either.
      expect((await api.report(CHECKOUT)).sources).toEqual([
        'upload:focus-upload',
      ]);
    });

    /** Bad files whose error comes before the upload has ended: early rows, and a full file without a column. */
    const EARLY_ERRORS: Array<[string, Buffer]> = [
      [
        'a bad number in row 2',
        csvOf(withCells(B_TABLE, 2, { EffectiveCost: '12,5' })),
      ],
      [
        'Tags that are not JSON in row 20',
        csvOf(withCells(B_TABLE, 20, { Tags: '{service: checkout-api}' })),
      ],
      [
        'a file without EffectiveCost',
        csvOf(
          B_TABLE.map(row =>
            row.filter((_, i) => i !== columnOf(B_TABLE, 'EffectiveCost')),
          ),
        ),
      ],
    ];

    it('stores concurrent imports of one source as one', async () => {
      const api = await startBackend();
      expect((await api.upload(FIXTURE)).status).toBe(200);
      const once = await api.totals();
      const statuses = await Promise.all(
        Array.from({ length: 4 }, () =>
          api.upload(FIXTURE).then(res => res.status),
        ),
      );
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(await api.totals()).toEqual(once);
    });

    it('writes nothing for a bad row early in the file', async () => {
      const api = await startBackend();
      expect((await api.upload(FIXTURE)).status).toBe(200);
      const before = await api.totals();
      for (const [what, body] of EARLY_ERRORS) {
        for (const source of ['focus-upload', 'elsewhere']) {
          const res = await api.upload(body, { source });
          expect(`${what} to ${source}: ${res.status}`).toBe(
            `${what} to ${source}: 400`,
          );
        }
      }
      expect(await api.totals()).toEqual(before);
      expect((await api.report(CHECKOUT)).sources).toEqual([
        'upload:focus-upload',
      ]);
    });

    // The reader stops at a bad row before the upload is read to its end: the client still gets the 400.
    it('answers 400 naming the row for a bad row early in the file', async () => {
      const api = await startBackend();
      const res = await api.upload(EARLY_ERRORS[0][1]);
      expect(res.status).toBe(400);
      expect(errorOf(res)).toMatch(/^row 2, column EffectiveCost/);
    });

    it('rejects a bad format, source, query or caller', async () => {
      const api = await startBackend();

      const format = await api.upload(FIXTURE, { format: 'parquet' });
      expect(format.status).toBe(400);
      expect(errorOf(format)).toMatch(
        /^format: no cost file format 'parquet'; installed: focus/,
      );
      for (const source of ['../etc', 'a b', '-leading-dash', 'x'.repeat(65)]) {
        const res = await api.upload(FIXTURE, { source });
        expect({ source, status: res.status }).toEqual({ source, status: 400 });
        expect(errorOf(res)).toMatch(/^source: /);
      }

      for (const [query, field] of [
        [{ granularity: 'week' }, 'granularity'],
        [{ from: 'nope' }, 'from'],
        [{ to: 'nope' }, 'to'],
        [{ currency: 'usd' }, 'currency'],
        [{ currency: 'USDX' }, 'currency'],
        [{ from: '2025-02-30' }, 'from'],
        [{ from: '1' }, 'from'],
        [{ from: '2025-02-01', to: '2025-01-01' }, 'from'],
        [{ from: '2020-01-01', to: '2025-01-01' }, 'from'],
      ] as Array<[Record<string, string>, string]>) {
        for (const route of [
          '/entities/component/default/checkout-api/costs',
          '/teams/default/checkout-squad/costs',
        ]) {
          const res = await api.get(route, query);
          expect({ route, query, status: res.status }).toEqual({
            route,
            query,
            status: 400,
          });
          expect(errorOf(res)).toMatch(new RegExp(`^${field}\\b`));
        }
      }

      // Nothing was stored by the rejected uploads.
      const report = await api.report(CHECKOUT, { currency: 'USD' });
      expect(report.sources).toEqual([]);
      expect(report.total.amount).toBe(0);

      // No caller, or an unauthenticated one.
      for (const authorization of [null, mockCredentials.none.header()]) {
        const upload = await api.upload(FIXTURE, {}, authorization);
        expect(upload.status).toBe(401);
        const get = await api.get(
          '/entities/component/default/checkout-api/costs',
          {},
          authorization,
        );
        expect(get.status).toBe(401);
        const team = await api.get(
          '/teams/default/checkout-squad/costs',
          {},
          authorization,
        );
        expect(team.status).toBe(401);
      }
      expect((await api.report(CHECKOUT)).sources).toEqual([]);

      // A service may upload; its subject names the import.
      const service = await api.upload(
        FIXTURE,
        { source: 'from-ci' },
        mockCredentials.service.header(),
      );
      expect(service.status).toBe(200);
      expect(service.body.origin).toMatch(/^upload by \S+/);
      const byUser = await api.upload(
        FIXTURE,
        { source: 'from-user' },
        mockCredentials.user.header('user:default/mina'),
      );
      expect(byUser.body.origin).toBe('upload by user:default/mina');

      const unknown = await api.get('/entities/component/default/nope/costs');
      expect(unknown.status).toBe(404);
      expect(errorOf(unknown)).toMatch(/component:default\/nope/);
      const noTeam = await api.get('/teams/default/no-such-team/costs');
      expect(noTeam.status).toBe(404);
      expect(errorOf(noTeam)).toMatch(/group:default\/no-such-team/);
    });

    it('stores an upload as its own upload: source, and refuses one that would replace more than the configured days or bytes', async () => {
      const api = await startBackend({
        cost: { metric: 'effective', import: { maxBytes: 10_000 } },
      });
      expect(
        okBody<{ source: string }>(await api.upload(C_FILE, { source: 'demo' }))
          .source,
      ).toBe('upload:demo');
      const before = await api.totals();

      // One row from 2000 to 2100 once replaced every day of its source.
      const century = csvOf([
        FIXTURE_TABLE[0],
        withCells(FIXTURE_TABLE, CHECKOUT_EC2_DAY1, {
          BilledCost: '0',
          EffectiveCost: '0',
          ChargePeriodStart: '2000-01-01T00:00:00Z',
          ChargePeriodEnd: '2100-01-01T00:00:00Z',
        })[CHECKOUT_EC2_DAY1],
      ]);
      for (const source of ['demo', 'upload:demo']) {
        const res = await api.upload(century, { source });
        expect(res.status).toBe(400);
        expect(errorOf(res)).toBe(
          'row 1, column ChargePeriodEnd: one row covers at most 400 days (this one 36525)',
        );
      }
      // Rows a day long each, but 401 days apart: one upload may not replace them all.
      const spread = csvOf([
        FIXTURE_TABLE[0],
        ...['2024-01-01', '2025-02-04'].map(
          day =>
            withCells(FIXTURE_TABLE, CHECKOUT_EC2_DAY1, {
              ChargePeriodStart: `${day}T00:00:00Z`,
              ChargePeriodEnd: `${day}T23:00:00Z`,
            })[CHECKOUT_EC2_DAY1],
        ),
      ]);
      const wide = await api.upload(spread, { source: 'demo' });
      expect(wide.status).toBe(400);
      expect(errorOf(wide)).toMatch(
        /^row 2, column ChargePeriodStart: one upload replaces at most 400 days/,
      );
      // Larger than sre.cost.import.maxBytes: 413, streamed or declared.
      expect(FIXTURE.length).toBeGreaterThan(10_000);
      const large = await api.upload(FIXTURE, { source: 'demo' });
      expect(large.status).toBe(413);
      expect(errorOf(large)).toMatch(/sre\.cost\.import\.maxBytes/);
      // Streamed without a Content-Length, it is cut off where it passes the limit.
      const chunked = await new Promise<{ status: number; body: string }>(
        (resolve, reject) => {
          const req = http.request(
            {
              port: (api.server.address() as AddressInfo).port,
              method: 'POST',
              path: '/api/sre/costs/import?source=demo',
              headers: {
                Authorization: mockCredentials.user.header(),
                'Content-Type': 'text/csv',
                'Transfer-Encoding': 'chunked',
              },
            },
            res => {
              let body = '';
              res.on('data', chunk => (body += chunk));
              res.on('end', () => resolve({ status: res.statusCode!, body }));
            },
          );
          req.on('error', reject);
          req.write(FIXTURE.subarray(0, 6_000));
          req.end(FIXTURE.subarray(6_000));
        },
      );
      expect(chunked.status).toBe(413);
      expect(chunked.body).toMatch(/sre\.cost\.import\.maxBytes/);
      // A source with another prefix is no upload name.
      const foreign = await api.upload(C_FILE, { source: 'aws:123' });
      expect(foreign.status).toBe(400);
      expect(errorOf(foreign)).toMatch(/^source: /);

      expect(await api.totals()).toEqual(before);
    });

    it('reports a team’s spend over the entities it owns, with its share of unallocated spend', async () => {
      const api = await startBackend();
      expect((await api.upload(FIXTURE)).status).toBe(200);
      expect(
        (await api.upload(B_FILE, { source: 'second-account' })).status,
      ).toBe(200);
      const ledger: Piece[] = [{ charges: A }, { charges: B }];

      for (const currency of ['USD', 'JPY']) {
        const team = await api.teamReport('checkout-squad', { currency });
        expect(team.currency).toBe(currency);
        expect(team.entities.map(e => e.entityRef).sort()).toEqual(
          [...CHECKOUT_SQUAD].sort(),
        );
        // Each entity's total is its own report's total.
        let sumOfEntities = 0n;
        for (const ref of CHECKOUT_SQUAD) {
          const own = await api.report(ref, { currency });
          const listed = team.entities.find(e => e.entityRef === ref)!;
          expect({ ref, total: listed.total.amount }).toEqual({
            ref,
            total: own.total.amount,
          });
          sumOfEntities += microsOf(own.total.amount);
        }
        expect({ currency, team: microsOf(team.total.amount) }).toEqual({
          currency,
          team: sumOfEntities,
        });
        // Largest first.
        const amounts = team.entities.map(e => e.total.amount);
        expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

        // The team and the unallocated spend, from the files alone.
        const teamSpend = expectedSpend(ledger, CHECKOUT_SQUAD, currency);
        const allocated = expectedSpend(ledger, ALL_ENTITIES, currency);
        const unallocated = expectedSpend(ledger, [UNALLOCATED], currency);
        expect(microsOf(team.total.amount)).toBe(toMicros(teamSpend));
        expect(microsOf(team.unallocated.total.amount)).toBe(
          toMicros(unallocated),
        );
        // share = unallocated × team / all allocated.
        const share = (unallocated * teamSpend) / allocated;
        expect(share).not.toBe(0n);
        expect({
          currency,
          share: microsOf(team.unallocated.share.amount),
        }).toEqual({
          currency,
          share: toMicros(share),
        });
        expect(team.unallocated.fraction).toBeCloseTo(
          Number((teamSpend * 1_000_000n) / allocated) / 1e6,
          6,
        );
        expect(team.unallocated.total.currency).toBe(currency);
      }

      // The other team's share and this team's add up to all unallocated spend
      // only when the two teams own every entity with spend: here they do.
      const usd = await Promise.all(
        ['checkout-squad', 'payments-squad'].map(t =>
          api.teamReport(t, { currency: 'USD' }),
        ),
      );
      const shares = usd.reduce(
        (s, r) => s + microsOf(r.unallocated.share.amount),
        0n,
      );
      const whole = microsOf(usd[0].unallocated.total.amount);
      expect(shares - whole).toBeGreaterThanOrEqual(-2n);
      expect(shares - whole).toBeLessThanOrEqual(2n);
    });
  },
);
