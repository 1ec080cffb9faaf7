/* eslint-disable no-console */
import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_COST_TAGS } from '@baton/plugin-sre-common';
import type { CostRow } from '@baton/plugin-sre-node';
import type { Knex } from 'knex';
import os from 'os';
import { ms, percentile } from '../bench/latencyFigures';
import { withThrowAwayPostgres } from '../bench/throwAwayPostgres';
import { withThrowAwaySqlite } from '../bench/throwAwaySqlite';
import { applyDatabaseMigrations } from '../database/migrations';
// eslint-disable-next-line no-restricted-imports -- a dev script like the tests, never part of the plugin's entry points
import { costServiceOver } from './__testUtils__/costService';

// `npm run bench`: the entity and team cost reports (CostService.report and
// teamReport, as the cards and the review agenda call them) over 200
// services × 6 cloud services × 120 days of stored spend, 10% of it
// untagged, as the FOCUS import bench's file shapes it. Reports the first
// read after start (catalog and allocation loaded) and warm medians. On
// SQLite, and on PostgreSQL too when
// BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING is set.
const SERVICES = 200;
const TEAMS = 17;
const SERVICE_NAMES_PER_SERVICE = 6;
const DAYS = Number(process.env.BATON_BENCH_COST_DAYS ?? 120);
const DAY = 86_400_000;
const ENTITY_REPORTS = 40;
const TEAM_RUNS = 7;
const ALL_RUNS = 3;

const serviceRef = (i: number) => `component:default/service-${i}`;
const teamRef = (k: number) => `group:default/team-${k}`;

/** Every 5th service is staging and claims its rows by `baton.dev/cost-tags`, not by name. */
function catalogEntities(): Entity[] {
  const services = Array.from(
    { length: SERVICES },
    (_, i): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `service-${i}`,
        namespace: 'default',
        ...(i % 5 === 0
          ? {
              annotations: {
                [ANNOTATION_COST_TAGS]: `service=service-${i},env=staging`,
              },
            }
          : {}),
      },
      spec: { type: 'service', owner: teamRef(i % TEAMS) },
    }),
  );
  const teams = Array.from(
    { length: TEAMS },
    (_, k): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${k}`, namespace: 'default' },
      spec: { type: 'team', children: [] },
    }),
  );
  return [...services, ...teams];
}

function mockCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return {
    getEntities: async () => ({
      items: entities.filter(e => e.kind === 'Component'),
    }),
    getEntityByRef: async (ref: string) => byRef.get(ref),
    getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
      items: entityRefs.map(ref => byRef.get(ref)),
    }),
  } as unknown as CatalogService;
}

/** One row per day, service and cloud service, and untagged rows; tags objects shared as the FOCUS reader shares them. */
function* costRows(today: number): Generator<CostRow> {
  // Varied amounts without a PRNG: the same data on every run.
  let n = 0;
  const next = () => ((n++ * 7_919) % 10_007) / 10_007;
  const tags = Array.from({ length: SERVICES }, (_, i) => ({
    service: `service-${i}`,
    env: i % 5 === 0 ? 'staging' : 'prod',
    team: `team-${i % TEAMS}`,
  }));
  const untagged: Array<Record<string, string>> = [{}, { env: 'prod' }];
  for (let d = DAYS - 1; d >= 0; d--) {
    const start = new Date(today - d * DAY);
    const end = new Date(today - d * DAY + DAY);
    const row = (rowTags: Record<string, string>, serviceName: string) => {
      const amount = (next() * 500).toFixed(6);
      return {
        chargePeriodStart: start,
        chargePeriodEnd: end,
        billedCost: amount,
        effectiveCost: amount,
        billingCurrency: 'USD',
        serviceName,
        tags: rowTags,
      };
    };
    for (let i = 0; i < SERVICES; i++) {
      for (let s = 0; s < SERVICE_NAMES_PER_SERVICE; s++) {
        yield row(tags[i], `cloud-service-${(i * 7 + s) % 29}`);
      }
    }
    for (let u = 0; u < 10 * SERVICE_NAMES_PER_SERVICE; u++) {
      yield row(untagged[u % 2], `cloud-service-${u % 29}`);
    }
  }
}

const median = (times: number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const p95 = (times: number[]) =>
  percentile(
    [...times].sort((a, b) => a - b),
    0.95,
  );

/** This process's CPU time in ms: on a busy machine it varies far less than wall time. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** The CPU time `fn` takes in this process per run, averaged over `runs`. */
async function cpuPerRun(runs: number, fn: () => Promise<void>) {
  const started = cpuMs();
  await fn();
  return ms((cpuMs() - started) / runs);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

async function bench(label: string, knex: Knex) {
  await applyDatabaseMigrations(knex);
  const entities = catalogEntities();
  const catalog = mockCatalog(entities);
  const auth = {
    getOwnServiceCredentials: async () => ({}),
  } as unknown as AuthService;
  const newService = () =>
    costServiceOver({ knex, catalog, auth, logger: console as never });
  const today = Math.floor(Date.now() / DAY) * DAY;
  let imported = { rows: 0 };
  let importMs = 0;
  const importCpu = await cpuPerRun(1, async () => {
    [imported, importMs] = await timed(() =>
      newService().importBatch('bench', {
        origin: 'bench',
        rows: (async function* rows() {
          yield* costRows(today);
        })(),
      }),
    );
  });
  const stored = await knex('sre_cost_daily').count({ n: '*' });
  console.log(
    `${label}: imported ${imported.rows.toLocaleString(
      'en-US',
    )} rows over ${DAYS} days in ${ms(importMs)} (CPU ${importCpu}); ${Number(
      stored[0].n,
    ).toLocaleString('en-US')} stored daily rows`,
  );

  // A fresh service: its first read loads the catalog, as after a restart.
  const service = newService();
  const query = { granularity: 'day' as const };
  const [first, firstMs] = await timed(() =>
    service.report(serviceRef(1), query),
  );
  if (!(first.total.amount > 0)) throw new Error('service-1 has no spend');
  const entityTimes: number[] = [];
  const entityCpu = await cpuPerRun(ENTITY_REPORTS, async () => {
    for (let n = 0; n < ENTITY_REPORTS; n++) {
      const [report, time] = await timed(() =>
        service.report(serviceRef((n * 37) % SERVICES), query),
      );
      if (!(report.total.amount > 0)) throw new Error('an entity has no spend');
      entityTimes.push(time);
    }
  });
  console.log(
    `${label}: entity report: first ${ms(firstMs)}, median ${ms(
      median(entityTimes),
    )}, p95 ${ms(
      p95(entityTimes),
    )}, CPU ${entityCpu} a report (${ENTITY_REPORTS} entities)`,
  );

  const teamRefs = (k: number) =>
    Array.from({ length: SERVICES }, (_, i) => i)
      .filter(i => i % TEAMS === k)
      .map(serviceRef);
  const teamTimes: number[] = [];
  let unallocated = 0;
  let teamTotal = 0;
  const teamCpu = await cpuPerRun(TEAM_RUNS, async () => {
    for (let run = 0; run < TEAM_RUNS; run++) {
      const [report, time] = await timed(() =>
        service.teamReport(teamRef(run % TEAMS), query, {
          entityRefs: teamRefs(run % TEAMS),
        }),
      );
      if (!(report.total.amount > 0)) throw new Error('a team has no spend');
      unallocated = report.unallocated.total.amount;
      teamTotal = report.total.amount;
      teamTimes.push(time);
    }
  });
  console.log(
    `${label}: team report (${teamRefs(0).length} services): median ${ms(
      median(teamTimes),
    )}, max ${ms(
      Math.max(...teamTimes),
    )}, CPU ${teamCpu} a report (${TEAM_RUNS} runs; the last team ${teamTotal.toFixed(
      2,
    )} USD, unallocated ${unallocated.toFixed(2)} USD)`,
  );

  const everything = Array.from({ length: SERVICES }, (_, i) => serviceRef(i));
  const allTimes: number[] = [];
  const allCpu = await cpuPerRun(ALL_RUNS, async () => {
    for (let run = 0; run < ALL_RUNS; run++) {
      const [, time] = await timed(() =>
        service.teamReport(teamRef(0), query, { entityRefs: everything }),
      );
      allTimes.push(time);
    }
  });
  console.log(
    `${label}: team report over all ${SERVICES} services: median ${ms(
      median(allTimes),
    )}, CPU ${allCpu} a report (${ALL_RUNS} runs)`,
  );
}

async function main() {
  console.log(
    `${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}, node ${
      process.version
    }`,
  );
  await withThrowAwaySqlite('cost-bench', db => bench('SQLite', db.knex()));
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
  if (pgUrl) {
    await withThrowAwayPostgres(pgUrl, 'cost_bench', db =>
      bench('PostgreSQL', db.knex()),
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
