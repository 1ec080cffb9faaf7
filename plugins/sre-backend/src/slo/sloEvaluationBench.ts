/* eslint-disable no-console */
import type { SloDefinition } from '@baton/plugin-sre-common';
import { DEFAULT_SLO_POLICY } from '@baton/plugin-sre-common';
import type { Knex } from 'knex';
import { withThrowAwayPostgres } from '../bench/throwAwayPostgres';
import { withThrowAwaySqlite } from '../bench/throwAwaySqlite';
import { applyDatabaseMigrations } from '../database/migrations';
import { SliSourceRegistry } from './SliSourceRegistry';
import { SloDefinitionReader } from './SloDefinitionReader';
import { SloService } from './SloService';
import { DatabaseSloStore } from './SloStore';

// `npm run bench`: evaluating 1,000 SLOs (100 entities × 10) from stored
// snapshots — 28 days of 5-minute steps each, 8 million rows — as the
// `/slos` route does (goal: under 2 s). On SQLite, and on PostgreSQL too when
// BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING is set.
const ENTITIES = Number(process.env.BATON_BENCH_SLO_ENTITIES ?? 100);
const SLOS_PER_ENTITY = 10;
const STEP_MS = 300_000;
const WINDOW_MS = 28 * 86_400_000;
const STEPS = WINDOW_MS / STEP_MS + 864; // the window and 3 more days
const RUNS = 3;

const definition = (name: string): SloDefinition => ({
  name,
  file: 'openslo.yaml',
  fieldPrefix: '',
  budgetingMethod: 'Occurrences',
  window: { type: 'rolling', duration: '28d', seconds: WINDOW_MS / 1000 },
  indicator: {
    type: 'ratio',
    counter: true,
    good: { type: 'Prometheus', spec: { query: `good_${name}` } },
    total: { type: 'Prometheus', spec: { query: `total_${name}` } },
  },
  objectives: [{ target: 0.999 }],
});

/** Writes the snapshots with the database's own bulk path: 8 million rows through knex would take minutes. */
async function seed(knex: Knex, lastStep: number) {
  const store = DatabaseSloStore.create(knex);
  const seriesIds: number[] = [];
  for (let e = 0; e < ENTITIES; e++) {
    const entityRef = `component:default/service-${e}`;
    const definitions = Array.from({ length: SLOS_PER_ENTITY }, (_, s) =>
      definition(`slo-${s}`),
    );
    await store.saveEntity({
      entityRef,
      definitions,
      problems: [],
      maintenance: null,
      readAt: new Date(lastStep),
    });
    for (const [s, def] of definitions.entries()) {
      const series = await store.ensureSeries({
        entityRef,
        sloName: def.name,
        objectiveIndex: 0,
        definitionHash: `bench-${s}`,
      });
      seriesIds.push(series.id);
    }
  }
  const firstStep = lastStep - (STEPS - 1) * STEP_MS;
  if (knex.client.config.client === 'pg') {
    // Generated in the database: 1,000 events a step, a few bad ones.
    await knex.raw(
      `INSERT INTO sre_sli_snapshots (series_id, step_end, good, total, cum_good, cum_total)
       SELECT s.id, ?::bigint + g.i * ?::bigint, 1000 - (g.i % 3), 1000,
              sum(1000 - (g.i % 3)) OVER (PARTITION BY s.id ORDER BY g.i),
              1000 * (g.i + 1)
       FROM sre_slo_series s CROSS JOIN generate_series(0, ? - 1) AS g(i)`,
      [firstStep, STEP_MS, STEPS],
    );
  } else {
    const connection = await knex.client.acquireConnection();
    const insert = connection.prepare(
      'INSERT INTO sre_sli_snapshots (series_id, step_end, good, total, cum_good, cum_total) VALUES (?, ?, ?, ?, ?, ?)',
    );
    connection.transaction(() => {
      for (const id of seriesIds) {
        let cumGood = 0;
        for (let i = 0; i < STEPS; i++) {
          const good = 1000 - (i % 3);
          cumGood += good;
          insert.run(
            id,
            firstStep + i * STEP_MS,
            good,
            1000,
            cumGood,
            1000 * (i + 1),
          );
        }
      }
    })();
    await knex.client.releaseConnection(connection);
  }
  await knex('sre_slo_series').update({
    first_step: firstStep,
    last_step: lastStep,
    last_evaluated_at: new Date(lastStep),
  });
}

async function bench(label: string, knex: Knex) {
  await applyDatabaseMigrations(knex);
  const lastStep = Math.floor(Date.now() / STEP_MS) * STEP_MS;
  const seeded = Date.now();
  await seed(knex, lastStep);
  const rows = await knex('sre_sli_snapshots').count({ n: '*' });
  console.log(
    `${label}: ${Number(rows[0].n).toLocaleString(
      'en-US',
    )} snapshot rows seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const service = new SloService({
    store: DatabaseSloStore.create(knex),
    // Never called: every entity is stored already.
    reader: new SloDefinitionReader({
      urlReader: {} as never,
      integrations: { resolveUrl: () => '' } as never,
    }),
    sources: new SliSourceRegistry(),
    catalog: {} as never,
    auth: {} as never,
    logger: console as never,
    policy: DEFAULT_SLO_POLICY,
    stepSeconds: STEP_MS / 1000,
  });
  const times: number[] = [];
  let checked = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    checked = 0;
    for (let e = 0; e < ENTITIES; e++) {
      const { items } = await service.getSlos(`component:default/service-${e}`);
      for (const item of items) {
        // 1 bad event in 1,000 a step, on average: SLI 0.999 exactly.
        if (Math.abs(item.sli! - 0.999) > 1e-3 || item.history.length === 0) {
          throw new Error(`unexpected SLI ${item.sli} for ${item.id}`);
        }
        checked += 1;
      }
    }
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: evaluated ${checked} SLOs in median ${(
      times[Math.floor(RUNS / 2)] / 1000
    ).toFixed(2)} s ` +
      `(min ${(times[0] / 1000).toFixed(2)}, max ${(
        times[RUNS - 1] / 1000
      ).toFixed(2)}; goal < 2 s)`,
  );
}

async function main() {
  await withThrowAwaySqlite('slo-bench', db => bench('SQLite', db.knex()));
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
  if (pgUrl) {
    await withThrowAwayPostgres(pgUrl, 'slo_bench', db =>
      bench('PostgreSQL', db.knex()),
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
