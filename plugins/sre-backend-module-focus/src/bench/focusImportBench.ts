/* eslint-disable no-console */
import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { parseDecimal } from '@baton/plugin-sre-common';
import { spawn } from 'child_process';
import fs from 'fs';
// eslint-disable-next-line @backstage/no-undeclared-imports -- the sre backend's knex, as its migrations need
import knexFactory, { Knex } from 'knex';
import os from 'os';
import path from 'path';

// `npm run bench`: importing a generated FOCUS 1.x CSV of 1 million rows
// (CostService.importBatch over the focus format's reader, as POST
// /costs/import does) —
// rows/s and peak RSS, goal < 300 MB — next to DuckDB reading and grouping
// the same file in the same run. Each side runs in its own child process, so
// each peak RSS is its own. On PostgreSQL when
// BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING is set, else SQLite.
// BATON_BENCH_FOCUS_ROWS overrides the row count for quick runs;
// BATON_BENCH_FOCUS_CPU_PROF=<dir> writes each child's CPU profile there;
// BATON_BENCH_FOCUS_WORKERS=<n> reads the CSV on n worker threads.
const ROWS = Number(process.env.BATON_BENCH_FOCUS_ROWS ?? 1_000_000);
const RSS_GOAL_MB = 300;
const SERVICES = 200;
const SERVICE_NAMES = 30;
/** Cloud services one application uses: its rows' ServiceName is one of these. */
const SERVICE_NAMES_PER_SERVICE = 6;
const DAYS = 60;
const FIRST_DAY = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const SOURCE = 'bench';
/** FOCUS amounts here have at most 10 decimals: the generator counts in 10^-10 units. */
const UNITS_TO_SCALED = 100n; // parseDecimal's scale is 10^12

const cpuProfileDir = process.env.BATON_BENCH_FOCUS_CPU_PROF;
/** Worker threads reading the CSV (readFocusCsv's `workers`); 0, the default, reads on the importing thread. */
const CSV_WORKERS = Number(process.env.BATON_BENCH_FOCUS_WORKERS ?? 0);
const pgUrl = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;

/** The server's URL with another database (pg lets a connectionString's empty database win over `database`). */
function databaseUrl(database: string): string {
  const url = new URL(pgUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A knex for a database spec: `sqlite:<file>` or `pg:<database>` on the server of pgUrl. */
function connect(spec: string): Knex {
  if (spec.startsWith('pg:')) {
    return knexFactory({
      client: 'pg',
      connection: databaseUrl(spec.slice(3)),
    });
  }
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: spec.slice('sqlite:'.length) },
    useNullAsDefault: true,
  });
}

/** A throw-away database: a PostgreSQL database or a SQLite file. */
async function withDatabase<T>(
  name: string,
  fn: (db: { spec: string; knex: () => Knex }) => Promise<T>,
): Promise<T> {
  if (pgUrl) {
    const database = `baton_${name}_${process.pid}`;
    const admin = knexFactory({ client: 'pg', connection: pgUrl });
    await admin.raw(`CREATE DATABASE ${database}`);
    const spec = `pg:${database}`;
    let knex: Knex | undefined;
    try {
      return await fn({ spec, knex: () => (knex ??= connect(spec)) });
    } finally {
      await knex?.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.destroy();
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `baton-${name}-`));
  const spec = `sqlite:${path.join(dir, 'sre.sqlite')}`;
  let knex: Knex | undefined;
  try {
    return await fn({ spec, knex: () => (knex ??= connect(spec)) });
  } finally {
    await knex?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
const megabytes = (bytes: number) => `${thousands(bytes / 1024 / 1024)} MB`;
const seconds = (value: number) => `${value.toFixed(1)} s`;

/** A small seeded PRNG (mulberry32): the same file on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10^-10 units as a decimal with `decimals` places (a multiple of 10^(10 - decimals)). */
function formatUnits(units: number, decimals: number): string {
  const sign = units < 0 ? '-' : '';
  const magnitude = Math.abs(units);
  const whole = Math.floor(magnitude / 1e10);
  if (decimals === 0) return `${sign}${whole}`;
  const fraction = String(magnitude % 1e10)
    .padStart(10, '0')
    .slice(0, decimals);
  return `${sign}${whole}.${fraction}`;
}

const SERVICE_CATALOG: Array<[string, string]> = [
  ['Amazon Elastic Compute Cloud', 'Compute'],
  ['Amazon Elastic Block Store', 'Storage'],
  ['Amazon Simple Storage Service', 'Storage'],
  ['Amazon Relational Database Service', 'Databases'],
  ['Amazon DynamoDB', 'Databases'],
  ['Amazon ElastiCache', 'Databases'],
  ['AWS Lambda', 'Compute'],
  ['Amazon Elastic Container Service', 'Compute'],
  ['Amazon Elastic Kubernetes Service', 'Compute'],
  ['Amazon CloudFront', 'Networking'],
  ['Amazon Virtual Private Cloud', 'Networking'],
  ['Elastic Load Balancing', 'Networking'],
  ['AWS Data Transfer', 'Networking'],
  ['Amazon Route 53', 'Networking'],
  ['Amazon CloudWatch', 'Management and Governance'],
  ['AWS Config', 'Management and Governance'],
  ['AWS Key Management Service', 'Security'],
  ['AWS WAF', 'Security'],
  ['Amazon Simple Queue Service', 'Integration'],
  ['Amazon Simple Notification Service', 'Integration'],
  ['Amazon Kinesis', 'Analytics'],
  ['Amazon OpenSearch Service', 'Analytics'],
  ['Amazon Athena', 'Analytics'],
  ['AWS Glue', 'Analytics'],
  ['Amazon Elastic File System', 'Storage'],
  ['AWS Backup', 'Storage'],
  ['Amazon SageMaker', 'AI and Machine Learning'],
  ['Amazon Bedrock', 'AI and Machine Learning'],
  ['AWS Support', 'Other'],
  ['Sakura Cloud Server', 'Compute'],
];

const HEADER = [
  'BillingAccountId',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'BillingCurrency',
  'ProviderName',
  'ServiceName',
  'ServiceCategory',
  'RegionId',
  'RegionName',
  'ResourceId',
  'SubAccountId',
  'Tags',
];

/** 1% credits (negative), 1% tax, 0.5% purchases, the rest usage. */
function chargeCategory(roll: number): string {
  if (roll < 0.01) return 'Credit';
  if (roll < 0.02) return 'Tax';
  if (roll < 0.025) return 'Purchase';
  return 'Usage';
}

interface Expected {
  bytes: number;
  /** Per currency, in parseDecimal's scaled units. */
  effective: Map<string, bigint>;
  billed: Map<string, bigint>;
  rows: Map<string, number>;
}

const add = (map: Map<string, bigint>, key: string, value: bigint) =>
  map.set(key, (map.get(key) ?? 0n) + value);

/**
 * Writes a FOCUS 1.x CSV of `rows` rows, a chunk at a time (never the whole
 * file in memory), and sums its EffectiveCost and BilledCost per currency
 * exactly while writing.
 */
async function generateFocusCsv(file: string, rows: number): Promise<Expected> {
  const next = random(20250101);
  const pick = (n: number) => Math.floor(next() * n);
  const effective = new Map<string, bigint>();
  const billed = new Map<string, bigint>();
  const counts = new Map<string, number>();
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  const write = (text: string) =>
    out.write(text)
      ? Promise.resolve()
      : Promise.race([new Promise<void>(r => out.once('drain', r)), failed]);
  await write(`${HEADER.join(',')}\n`);
  const regions = [
    ['ap-northeast-1', 'Asia Pacific (Tokyo)'],
    ['ap-northeast-3', 'Asia Pacific (Osaka)'],
    ['us-east-1', 'US East (N. Virginia)'],
  ];
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const day = Math.min(DAYS - 1, Math.floor((i * DAYS) / rows));
    const start = new Date(FIRST_DAY + day * DAY).toISOString();
    const end = new Date(FIRST_DAY + (day + 1) * DAY).toISOString();
    const jpy = next() < 0.05;
    const currency = jpy ? 'JPY' : 'USD';
    const service = pick(SERVICES);
    const tagged = next() >= 0.1;
    // An application uses a handful of cloud services; JPY rows are the Japanese provider's.
    const serviceIndex = jpy
      ? SERVICE_NAMES - 1
      : (service * 7 + pick(SERVICE_NAMES_PER_SERVICE)) % (SERVICE_NAMES - 1);
    const [serviceName, serviceCategory] = SERVICE_CATALOG[serviceIndex];
    const category = chargeCategory(next());
    // From tiny usage amounts (0.0000012345) to 1,000 USD or 100,000 JPY a row.
    const decimals = jpy ? [0, 2, 4][pick(3)] : [2, 4, 6, 8, 10][pick(5)];
    const step = 10 ** (10 - decimals);
    const magnitude = 10 ** (3 + pick(jpy ? 13 : 11));
    let units = Math.floor((next() * magnitude) / step) * step;
    if (category === 'Credit') units = -units;
    // A savings plan covers a third of the usage: billed 0, effective the amortized cost.
    const covered = category === 'Usage' && next() < 0.33;
    const billedUnits = covered ? 0 : units;
    const effectiveText = formatUnits(units, decimals);
    const billedText = formatUnits(billedUnits, decimals);
    const listText = formatUnits(Math.round(units * 1.25), 10);
    add(effective, currency, BigInt(units) * UNITS_TO_SCALED);
    add(billed, currency, BigInt(billedUnits) * UNITS_TO_SCALED);
    counts.set(currency, (counts.get(currency) ?? 0) + 1);
    let tags = '';
    if (tagged) {
      tags = `"{""service"":""service-${service}"",""env"":""${
        service % 5 === 0 ? 'staging' : 'prod'
      }"",""team"":""team-${service % 17}""}"`;
    } else if (next() < 0.5) {
      tags = '"{""env"":""prod""}"';
    }
    const [regionId, regionName] = jpy
      ? ['is1a', 'Ishikari']
      : regions[pick(3)];
    const account = jpy
      ? '000000000042'
      : `1234567890${String(service % 10).padStart(2, '0')}`;
    const resource = jpy
      ? `sakura:server/${100000 + pick(500)}`
      : `arn:aws:ec2:${regionId}:${account}:instance/i-${(
          service * 1000 +
          pick(100)
        )
          .toString(16)
          .padStart(17, '0')}`;
    lines.push(
      [
        jpy ? 'sakura-0042' : '123456789000',
        '2025-01-01T00:00:00Z',
        '2025-03-01T00:00:00Z',
        start,
        end,
        category,
        billedText,
        effectiveText,
        listText,
        currency,
        jpy ? 'Sakura Internet' : 'AWS',
        serviceName,
        serviceCategory,
        regionId,
        `"${regionName}"`,
        resource,
        account,
        tags,
      ].join(','),
    );
    if (lines.length === 2000) {
      await write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) await write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { bytes: fs.statSync(file).size, effective, billed, rows: counts };
}

/** CPU seconds this process used since `start`, on all its threads. */
function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

/** What a child process reports on its last stdout line. */
interface ChildReport {
  rows: number;
  seconds: number;
  /** CPU time (user and system, all threads) over `seconds`: on a busy machine a multi-threaded side loses more wall time. */
  cpuSeconds: number;
  /** process.resourceUsage().maxRSS: KiB. */
  maxRSS: number;
  /** maxRSS before the import, with every module loaded. */
  baselineRSS?: number;
  storeSeconds?: number;
  storedRows?: number;
  heapAtStore?: number;
  threads?: string;
  totals?: Array<{
    currency: string;
    effective: string;
    billed: string;
    rows: number;
    groups: number;
  }>;
}

/** Runs this file as `--child <args>` and returns its report. */
function runChild(args: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const worker = spawn(
      process.execPath,
      [
        ...(cpuProfileDir
          ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`]
          : []),
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        __filename,
        '--child',
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    worker.stdout.setEncoding('utf8');
    worker.stdout.on('data', chunk => {
      output += chunk;
    });
    worker.on('error', reject);
    worker.on('close', code => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(
          new Error(`${args[0]} child exited with ${code}: ${output.trim()}`),
        );
        return;
      }
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(
          new Error(`${args[0]} child printed no report: ${output.trim()}`),
        );
      }
    });
  });
}

/** The Baton child: CostService.importBatch over the focus format's reader (content-detected CSV, gzip or Parquet), as POST /costs/import runs it. */
async function batonChild(csv: string, spec: string): Promise<ChildReport> {
  // Required here, not imported at the top: each child's peak RSS holds only
  // its own side's modules (require, as import() skips the CommonJS
  // resolution that finds .ts files).
  /* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports -- a dev script like the tests: the sre backend's own service and store */
  const { ANNOTATION_COST_TAGS } =
    require('@baton/plugin-sre-common') as typeof import('@baton/plugin-sre-common');
  const { focusCostFileFormat } =
    require('../focusFormat') as typeof import('../focusFormat');
  const { readFocusFile } =
    require('../readFocusFile') as typeof import('../readFocusFile');
  const { SelectorEntityMapper } =
    require('@baton/plugin-sre-backend/src/catalog/SelectorEntityMapper') as typeof import('@baton/plugin-sre-backend/src/catalog/SelectorEntityMapper');
  const { CostService } =
    require('@baton/plugin-sre-backend/src/cost/CostService') as typeof import('@baton/plugin-sre-backend/src/cost/CostService');
  const { CostSourceRegistry } =
    require('@baton/plugin-sre-backend/src/cost/CostSourceRegistry') as typeof import('@baton/plugin-sre-backend/src/cost/CostSourceRegistry');
  const { DatabaseCostStore } =
    require('@baton/plugin-sre-backend/src/cost/CostStore') as typeof import('@baton/plugin-sre-backend/src/cost/CostStore');
  const { applyDatabaseMigrations } =
    require('@baton/plugin-sre-backend/src/database/migrations') as typeof import('@baton/plugin-sre-backend/src/database/migrations');
  /* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
  const knex = connect(spec);
  try {
    await applyDatabaseMigrations(knex);
    const entity = (name: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
    });
    const entities = Array.from({ length: SERVICES }, (_, i) =>
      entity(`service-${i}`),
    );
    const catalog = {
      getEntities: async () => ({ items: entities }),
      getEntityByRef: async () => undefined,
    } as unknown as CatalogService;
    const auth = {
      getOwnServiceCredentials: async () => ({}),
    } as unknown as AuthService;
    const store = DatabaseCostStore.create(knex);
    // Times the store's write apart from reading and summing the file.
    let storeSeconds = 0;
    let storedRows = 0;
    let heapAtStore = 0;
    const replacePeriod = store.replacePeriod.bind(store);
    store.replacePeriod = async options => {
      heapAtStore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const days = options.days;
      await replacePeriod({
        ...options,
        days: (function* counted() {
          for (const day of days) {
            storedRows += 1;
            yield day;
          }
        })(),
      });
      storeSeconds = (performance.now() - started) / 1000;
    };
    const service = new CostService({
      store,
      sources: new CostSourceRegistry(),
      mapper: new SelectorEntityMapper({
        catalog,
        auth,
        selectorAnnotation: ANNOTATION_COST_TAGS,
      }),
      catalog,
      auth,
      logger: console as never,
      metric: 'effective',
    });
    const baselineRSS = process.resourceUsage().maxRSS;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const body = fs.createReadStream(csv);
    const result = await service.importBatch(SOURCE, {
      origin: csv,
      // The format's reader (readFocusFile) with the CSV workers asked for.
      rows: CSV_WORKERS
        ? readFocusFile(body, { workers: CSV_WORKERS })
        : focusCostFileFormat.read(body),
    });
    return {
      rows: result.rows,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuSecondsSince(cpuStarted),
      maxRSS: process.resourceUsage().maxRSS,
      baselineRSS,
      storeSeconds,
      storedRows,
      heapAtStore,
    };
  } finally {
    await knex.destroy();
  }
}

/** The DuckDB child: the same file read and grouped as Baton stores it (day, tag set, ServiceName, currency; the generator writes equal tag sets as equal text). */
async function duckdbChild(csv: string): Promise<ChildReport> {
  const { DuckDBInstance } =
    // eslint-disable-next-line @backstage/no-undeclared-imports -- a devDependency: the bench's yardstick
    require('@duckdb/node-api') as typeof import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const threads = (
      await connection.runAndReadAll("SELECT current_setting('threads')")
    ).getRows()[0][0];
    const file = csv.replace(/'/g, "''");
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const reader = await connection.runAndReadAll(`
      SELECT currency,
             CAST(sum(effective) AS VARCHAR) AS effective,
             CAST(sum(billed) AS VARCHAR) AS billed,
             CAST(sum(n) AS VARCHAR) AS rows,
             CAST(count(*) AS VARCHAR) AS groups
      FROM (
        SELECT BillingCurrency AS currency,
               Tags AS tags,
               ServiceName,
               CAST(CAST(ChargePeriodStart AS TIMESTAMP) AS DATE) AS day,
               sum(CAST(EffectiveCost AS DECIMAL(38, 10))) AS effective,
               sum(CAST(BilledCost AS DECIMAL(38, 10))) AS billed,
               count(*) AS n
        FROM read_csv('${file}', header = true, all_varchar = true)
        GROUP BY 1, 2, 3, 4
      )
      GROUP BY currency
      ORDER BY currency`);
    const totals = reader.getRowObjectsJson().map(row => ({
      currency: String(row.currency),
      effective: String(row.effective),
      billed: String(row.billed),
      rows: Number(row.rows),
      groups: Number(row.groups),
    }));
    return {
      rows: totals.reduce((sum, row) => sum + row.rows, 0),
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuSecondsSince(cpuStarted),
      maxRSS: process.resourceUsage().maxRSS,
      threads: String(threads),
      totals,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Differences between per-currency totals and the generator's; empty when they match exactly. */
function compareTotals(
  expected: Map<string, bigint>,
  actual: Map<string, bigint>,
): string[] {
  const currencies = [
    ...new Set([...expected.keys(), ...actual.keys()]),
  ].sort();
  return currencies
    .filter(c => expected.get(c) !== actual.get(c))
    .map(
      c =>
        `${c}: expected ${expected.get(c) ?? 'none'}, got ${
          actual.get(c) ?? 'none'
        } (scaled units)`,
    );
}

async function main() {
  const label = pgUrl ? 'PostgreSQL' : 'SQLite';
  console.log(
    `${label} (${
      pgUrl
        ? 'BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING'
        : 'set BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING for PostgreSQL'
    }); ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}, node ${
      process.version
    }`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-focus-bench-'));
  let ok = true;
  try {
    const csv = path.join(dir, 'focus.csv');
    const generating = performance.now();
    const expected = await generateFocusCsv(csv, ROWS);
    console.log(
      `${label}: generated ${thousands(ROWS)} FOCUS rows (${megabytes(
        expected.bytes,
      )}; ${SERVICES} service tags, 10% untagged, ${SERVICE_NAMES} service names, ${DAYS} days, ${[
        ...expected.rows,
      ]
        .map(([currency, n]) => `${thousands(n)} ${currency}`)
        .join(', ')}) in ${seconds((performance.now() - generating) / 1000)}`,
    );

    await withDatabase('focus_import_bench', async db => {
      const baton = await runChild(['baton', csv, db.spec]);
      const duck = await runChild(['duckdb', csv]);

      // Baton's stored totals, read back after its process ended.
      const stored: Array<{
        currency: string;
        effective: string;
        billed: string;
      }> = await db
        .knex()('sre_cost_daily')
        .where({ source: SOURCE })
        .select('currency', 'effective', 'billed');
      const batonEffective = new Map<string, bigint>();
      const batonBilled = new Map<string, bigint>();
      for (const row of stored) {
        add(batonEffective, row.currency, parseDecimal(row.effective) ?? 0n);
        add(batonBilled, row.currency, parseDecimal(row.billed) ?? 0n);
      }
      const duckEffective = new Map<string, bigint>();
      const duckBilled = new Map<string, bigint>();
      for (const row of duck.totals ?? []) {
        duckEffective.set(row.currency, parseDecimal(row.effective) ?? 0n);
        duckBilled.set(row.currency, parseDecimal(row.billed) ?? 0n);
      }
      const duckGroups = (duck.totals ?? []).reduce(
        (sum, row) => sum + row.groups,
        0,
      );
      const problems = [
        ...compareTotals(expected.effective, batonEffective).map(
          p => `Baton EffectiveCost ${p}`,
        ),
        ...compareTotals(expected.billed, batonBilled).map(
          p => `Baton BilledCost ${p}`,
        ),
        ...compareTotals(expected.effective, duckEffective).map(
          p => `DuckDB EffectiveCost ${p}`,
        ),
        ...compareTotals(expected.billed, duckBilled).map(
          p => `DuckDB BilledCost ${p}`,
        ),
      ];
      if (baton.rows !== ROWS)
        problems.push(`Baton read ${baton.rows} rows, expected ${ROWS}`);
      if (duck.rows !== ROWS)
        problems.push(`DuckDB read ${duck.rows} rows, expected ${ROWS}`);
      if (stored.length !== duckGroups) {
        problems.push(
          `Baton stored ${stored.length} daily rows, DuckDB found ${duckGroups} (day, tag set, service, currency) groups`,
        );
      }
      const total = (map: Map<string, bigint>) =>
        [...map]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(
            ([currency, amount]) =>
              `${currency} ${amount / 10n ** 12n}.${String(
                amount % 10n ** 12n,
              ).padStart(12, '0')}`,
          )
          .join(', ');
      console.log(
        `${label}: EffectiveCost totals ${total(expected.effective)}: ${
          problems.length
            ? 'MISMATCH'
            : `OK (Baton's ${thousands(
                stored.length,
              )} stored daily rows and DuckDB's ${thousands(
                duckGroups,
              )} groups add up to them exactly, BilledCost too)`
        }`,
      );
      for (const problem of problems) console.error(`${label}: ${problem}`);
      if (problems.length) ok = false;

      const batonRSS = baton.maxRSS / 1024;
      console.log(
        `${label}: Baton breakdown: read, map and sum ${seconds(
          baton.seconds - (baton.storeSeconds ?? 0),
        )}, store ${thousands(baton.storedRows ?? 0)} daily rows ${seconds(
          baton.storeSeconds ?? 0,
        )}; RSS ${thousands(
          (baton.baselineRSS ?? 0) / 1024,
        )} MB before the import, heap ${megabytes(
          baton.heapAtStore ?? 0,
        )} when the store began`,
      );
      console.log(
        `${label}: FOCUS import of ${thousands(ROWS)} rows (${megabytes(
          expected.bytes,
        )}): Baton${
          CSV_WORKERS
            ? ` (CSV read on ${CSV_WORKERS} worker thread${
                CSV_WORKERS > 1 ? 's' : ''
              })`
            : ''
        } ${thousands(ROWS / baton.seconds)} rows/s (${seconds(
          baton.seconds,
        )}, CPU ${seconds(baton.cpuSeconds)}), peak RSS ${thousands(
          batonRSS,
        )} MB (goal < ${RSS_GOAL_MB} MB); DuckDB ${thousands(
          ROWS / duck.seconds,
        )} rows/s (${seconds(duck.seconds)}, CPU ${seconds(duck.cpuSeconds)}, ${
          duck.threads
        } threads), peak RSS ${thousands(
          duck.maxRSS / 1024,
        )} MB; DuckDB/Baton speed ratio ${(
          baton.seconds / duck.seconds
        ).toFixed(1)}× (load ${os.loadavg()[0].toFixed(1)} on ${
          os.cpus().length
        } CPUs)`,
      );
      if (batonRSS >= RSS_GOAL_MB) {
        ok = false;
        console.error(
          `${label}: Baton's peak RSS ${thousands(
            batonRSS,
          )} MB is not under the goal of ${RSS_GOAL_MB} MB`,
        );
      }
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!ok) process.exit(1);
}

async function runAsChild(args: string[]) {
  const [kind, csv, spec] = args;
  const report =
    kind === 'baton' ? await batonChild(csv, spec) : await duckdbChild(csv);
  console.log(JSON.stringify(report));
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? runAsChild(process.argv.slice(childAt + 1)) : main()).catch(
  error => {
    console.error(error);
    process.exit(1);
  },
);
