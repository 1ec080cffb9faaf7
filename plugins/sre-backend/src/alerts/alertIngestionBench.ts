/* eslint-disable no-console */
import type { AuthService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import os from 'os';
import { ms, percentile, thousands } from '../bench/latencyFigures';
import { withThrowAwayPostgres } from '../bench/throwAwayPostgres';
import { withThrowAwaySqlite } from '../bench/throwAwaySqlite';
import { applyDatabaseMigrations } from '../database/migrations';
// eslint-disable-next-line no-restricted-imports -- a dev script like the tests, never part of the plugin's entry points
import {
  freePort,
  startWebhookBackend,
  stopWebhookBackend,
  WebhookBackendProcess,
} from './__testUtils__/webhookBackend';
import { SelectorEntityMapper } from '../catalog/SelectorEntityMapper';
import { AlertReceiverRegistry } from './AlertReceiverRegistry';
import { AlertService } from './AlertService';
import { DatabaseAlertStore } from './AlertStore';
import { WebhookSecrets } from '../routing/webhookSecrets';

// `npm run bench`: (a) generic-webhook ingestion into a real backend process
// over loopback — goal ≥ 2,000 alerts/s sustained with p99 < 50 ms — and (b)
// an entity's alert history (AlertService.list, the default 14 days) over 1
// million stored alerts — goal p95 < 30 ms. On PostgreSQL when
// BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING is set, else SQLite.
const SECRET = 'bench-secret';
const ENTITIES = 200;
// A handful of senders (Alertmanager replicas, Mackerel, SNS) rather than a crowd: more clients only queue.
const CLIENTS = Number(process.env.BATON_BENCH_ALERT_CLIENTS ?? 4);
const WARM_UP_MS = 3_000;
const MEASURE_MS = Number(process.env.BATON_BENCH_ALERT_SECONDS ?? 15) * 1000;
const HISTORY_ALERTS = Number(
  process.env.BATON_BENCH_ALERT_HISTORY ?? 1_000_000,
);
const HISTORY_DAYS = 90;
const QUERIES = 200;
const DAY = 86_400_000;

const pgUrl = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;

/** A throw-away database: a PostgreSQL database or a SQLite file. */
async function withDatabase<T>(
  name: string,
  fn: (db: { spec: string; knex: () => Knex }) => Promise<T>,
): Promise<T> {
  if (pgUrl) {
    return withThrowAwayPostgres(pgUrl, name, db =>
      fn({ spec: `pg:${db.database}`, knex: db.knex }),
    );
  }
  return withThrowAwaySqlite(name, db =>
    fn({ spec: `sqlite:${db.filename}`, knex: db.knex }),
  );
}

let sequence = 0;
const deliveryBody = (batch: number) =>
  JSON.stringify({
    alerts: Array.from({ length: batch }, () => {
      const i = sequence++;
      return {
        key: `bench-${i}`,
        monitor: `Monitor${i % 500}`,
        title: `Error rate above 1% on service-${i % ENTITIES}`,
        severity: i % 3 === 0 ? 'critical' : 'warning',
        status: 'firing',
        startsAt: new Date().toISOString(),
        labels: { service: `service-${i % ENTITIES}`, env: 'prod' },
        url: `https://monitoring.example/alerts/${i}`,
      };
    }),
  });

/** Closed-loop clients for `durationMs`: each sends its next delivery when the last one was answered. */
async function drive(port: number, batch: number, durationMs: number) {
  const url = `http://127.0.0.1:${port}/api/sre/webhooks/generic`;
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure = '';
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const body = deliveryBody(batch);
        const sent = performance.now();
        try {
          // Global fetch keeps connections alive: one per client after the first request.
          const response = await fetch(url, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${SECRET}`,
              'content-type': 'application/json',
            },
            body,
          });
          const text = await response.text();
          if (response.ok) {
            latencies.push(performance.now() - sent);
          } else {
            failures += 1;
            firstFailure ||= `HTTP ${response.status}: ${text.slice(0, 200)}`;
          }
        } catch (error) {
          failures += 1;
          firstFailure ||= String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latencies, failures, firstFailure, seconds };
}

async function ingestionBench(label: string): Promise<boolean> {
  return withDatabase('alert_ingest_bench', async db => {
    const port = await freePort();
    let backend: WebhookBackendProcess | undefined;
    let ok = true;
    try {
      const starting = Date.now();
      backend = await startWebhookBackend({
        port,
        database: db.spec,
        secret: SECRET,
        entities: ENTITIES,
      });
      console.log(
        `${label}: backend with the sre plugin started in ${(
          (Date.now() - starting) /
          1000
        ).toFixed(1)} s; ${CLIENTS} keep-alive clients on loopback`,
      );
      let acknowledged = 0;
      for (const batch of [1, 10]) {
        const warmUp = await drive(port, batch, WARM_UP_MS);
        const run = await drive(port, batch, MEASURE_MS);
        acknowledged +=
          (warmUp.latencies.length + run.latencies.length) * batch;
        const sorted = [...run.latencies].sort((a, b) => a - b);
        const deliveries = sorted.length / run.seconds;
        console.log(
          `${label}: ingestion, ${batch} alert${
            batch > 1 ? 's' : ''
          } per delivery: ${thousands(
            deliveries * batch,
          )} alerts/s, ${thousands(
            deliveries,
          )} deliveries/s over ${run.seconds.toFixed(1)} s; latency p50 ${ms(
            percentile(sorted, 0.5),
          )}, p95 ${ms(percentile(sorted, 0.95))}, p99 ${ms(
            percentile(sorted, 0.99),
          )} (goal ≥ 2,000 alerts/s with p99 < 50 ms)`,
        );
        const failures = warmUp.failures + run.failures;
        if (failures) {
          ok = false;
          console.error(
            `${label}: ${failures} deliveries failed; first: ${
              warmUp.firstFailure || run.firstFailure
            }`,
          );
        }
      }
      await stopWebhookBackend(backend, 'SIGTERM');
      const stored = Number(
        (await db.knex()('sre_alerts').count({ n: '*' }))[0].n,
      );
      console.log(
        `${label}: ${thousands(stored)} alerts stored for ${thousands(
          acknowledged,
        )} acknowledged`,
      );
      if (stored !== acknowledged) ok = false;
    } finally {
      await stopWebhookBackend(backend);
    }
    return ok;
  });
}

/** 1 million alerts over 90 days and 200 entities, written with the database's own bulk path. */
async function seedHistory(knex: Knex, now: number) {
  const span = HISTORY_DAYS * DAY;
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `INSERT INTO sre_alerts (source, source_key, monitor, title, severity, status,
         starts_at, ends_at, resolved_by, acknowledged_at, acknowledged_by, labels, links, updated_at)
       SELECT 'generic', 'seed-' || i, 'service-' || (i % ?::int) || '/m' || (i % 7),
              'Seeded alert ' || i, CASE WHEN i % 3 = 0 THEN 'critical' ELSE 'warning' END,
              CASE WHEN i % 10 = 0 THEN 'firing' ELSE 'resolved' END,
              t.starts_at,
              CASE WHEN i % 10 = 0 THEN NULL ELSE t.starts_at + ((i % 240) + 1) * interval '1 minute' END,
              CASE WHEN i % 10 = 0 THEN NULL ELSE 'source' END,
              CASE WHEN i % 4 = 0 THEN t.starts_at + interval '2 minutes' END,
              CASE WHEN i % 4 = 0 THEN '["user:default/alice"]' ELSE '[]' END,
              '{"service":"service-' || (i % ?::int) || '","env":"prod"}', '[]', t.starts_at
       FROM generate_series(0, ?::int - 1) AS g(i),
            LATERAL (SELECT to_timestamp((?::float8 - i * (?::float8 / ?::int)) / 1000.0) AS starts_at) AS t`,
      [ENTITIES, ENTITIES, HISTORY_ALERTS, now, span, HISTORY_ALERTS],
    );
    await knex.raw(
      `INSERT INTO sre_alert_entities (alert_id, entity_ref, starts_at)
       SELECT id, 'component:default/' || (labels::json ->> 'service'), starts_at FROM sre_alerts`,
    );
    await knex.raw('ANALYZE sre_alerts');
    await knex.raw('ANALYZE sre_alert_entities');
    return;
  }
  const connection = await knex.client.acquireConnection();
  try {
    const alert = connection.prepare(
      `INSERT INTO sre_alerts (source, source_key, monitor, title, severity, status,
         starts_at, ends_at, resolved_by, acknowledged_at, acknowledged_by, labels, links, updated_at)
       VALUES ('generic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?)`,
    );
    const link = connection.prepare(
      'INSERT INTO sre_alert_entities (alert_id, entity_ref, starts_at) VALUES (?, ?, ?)',
    );
    connection.transaction(() => {
      for (let i = 0; i < HISTORY_ALERTS; i++) {
        const entity = `service-${i % ENTITIES}`;
        // knex stores dates on SQLite as epoch milliseconds.
        const startsAt = Math.round(now - i * (span / HISTORY_ALERTS));
        const firing = i % 10 === 0;
        const { lastInsertRowid } = alert.run(
          `seed-${i}`,
          `${entity}/m${i % 7}`,
          `Seeded alert ${i}`,
          i % 3 === 0 ? 'critical' : 'warning',
          firing ? 'firing' : 'resolved',
          startsAt,
          firing ? null : startsAt + ((i % 240) + 1) * 60_000,
          firing ? null : 'source',
          i % 4 === 0 ? startsAt + 120_000 : null,
          i % 4 === 0 ? '["user:default/alice"]' : '[]',
          JSON.stringify({ service: entity, env: 'prod' }),
          startsAt,
        );
        link.run(lastInsertRowid, `component:default/${entity}`, startsAt);
      }
    })();
    connection.exec('ANALYZE');
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

async function historyBench(label: string) {
  await withDatabase('alert_query_bench', async db => {
    const knex = db.knex();
    await applyDatabaseMigrations(knex);
    const now = Date.now();
    const seeding = Date.now();
    await seedHistory(knex, now);
    console.log(
      `${label}: ${thousands(
        HISTORY_ALERTS,
      )} alerts over ${HISTORY_DAYS} days and ${ENTITIES} entities seeded in ${(
        (Date.now() - seeding) /
        1000
      ).toFixed(1)} s`,
    );
    const entity = (ref: string) => {
      const { kind, namespace, name } = parseEntityRef(ref);
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: { name, namespace },
      };
    };
    const catalog = {
      getEntityByRef: async (ref: string) => entity(ref),
      // The alert mapper's snapshot: the bench's entities, none with a runbook.
      getEntities: async () => ({
        items: Array.from({ length: ENTITIES }, (_, i) =>
          entity(`component:default/service-${i}`),
        ),
      }),
    } as unknown as CatalogService;
    const auth = {
      getOwnServiceCredentials: async () => ({}),
    } as unknown as AuthService;
    const service = new AlertService({
      store: DatabaseAlertStore.create(knex),
      mapper: new SelectorEntityMapper({ catalog, auth }),
      receivers: new AlertReceiverRegistry(),
      pollers: [],
      secrets: new WebhookSecrets(new ConfigReader({})),
      catalog,
      auth,
      logger: console as never,
      now: () => new Date(now),
    });
    const randomEntity = () =>
      `component:default/service-${Math.floor(Math.random() * ENTITIES)}`;
    for (let i = 0; i < 10; i++) {
      await service.list(randomEntity(), { limit: 100 });
    }
    const times: number[] = [];
    let summarised = 0;
    for (let i = 0; i < QUERIES; i++) {
      const started = performance.now();
      // As GET /entities/:kind/:namespace/:name/alerts with no query: 14 days, 100 items.
      const result = await service.list(randomEntity(), { limit: 100 });
      times.push(performance.now() - started);
      summarised += result.summary.count;
      if (result.items.length !== Math.min(100, result.summary.count)) {
        throw new Error(`expected a full page, got ${result.items.length}`);
      }
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label}: alert history (AlertService.list, 14 days, page of 100, ~${thousands(
        summarised / QUERIES,
      )} alerts summarised each) over ${QUERIES} random entities: p50 ${ms(
        percentile(times, 0.5),
      )}, p95 ${ms(percentile(times, 0.95))}, max ${ms(
        times[times.length - 1],
      )} (goal p95 < 30 ms)`,
    );
  });
}

async function main() {
  const label = pgUrl ? 'PostgreSQL' : 'SQLite';
  console.log(
    `${label} (${
      pgUrl
        ? 'BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING'
        : 'set BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING for PostgreSQL'
    }); ${os.cpus().length} CPUs, node ${process.version}`,
  );
  // BATON_BENCH_ALERT_PARTS=history (or ingestion) runs one half while tuning it.
  const parts = process.env.BATON_BENCH_ALERT_PARTS ?? 'ingestion,history';
  const ok = parts.includes('ingestion') ? await ingestionBench(label) : true;
  if (parts.includes('history')) await historyBench(label);
  if (!ok) process.exit(1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
