import fs from 'fs';
import knexFactory, { Knex } from 'knex';
import os from 'os';
import path from 'path';
import {
  freePort,
  startWebhookBackend,
  stopWebhookBackend,
  WebhookBackendProcess,
} from './__testUtils__/webhookBackend';

// Starting the child backend transpiles the plugin, twice per database.
jest.setTimeout(300_000);

const SECRET = 'restart-test-secret';
const DELIVERIES = 300;
const IN_FLIGHT = 8;
/** A delivery that still has no 2xx after this long fails the test. */
const DELIVERY_DEADLINE_MS = 180_000;

const pgUrl = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
const databases = ['SQLite', ...(pgUrl ? ['PostgreSQL'] : [])];

/** The server's URL with another database (pg lets a connectionString's empty database win over `database`). */
const databaseUrl = (database: string) => {
  const url = new URL(pgUrl!);
  url.pathname = `/${database}`;
  return url.toString();
};

const delivery = (i: number) =>
  JSON.stringify({
    alerts: [
      {
        key: `restart-${i}`,
        monitor: `Monitor${i % 20}`,
        title: `Alert ${i}`,
        severity: 'warning',
        status: 'firing',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        labels: { service: `service-${i % 50}` },
      },
    ],
  });

describe.each(databases)(
  'alert webhooks across a backend killed mid-stream on %s',
  label => {
    let dir: string;
    let backend: WebhookBackendProcess | undefined;
    const children: WebhookBackendProcess[] = [];
    let restarting: Promise<WebhookBackendProcess> | undefined;
    let databaseSpec: string;
    let pgDatabase: string | undefined;
    let knex: Knex | undefined;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-restart-'));
      if (label === 'PostgreSQL') {
        pgDatabase = `baton_restart_${process.pid}_${Date.now()}`;
        const admin = knexFactory({ client: 'pg', connection: pgUrl });
        try {
          await admin.raw(`CREATE DATABASE ${pgDatabase}`);
        } finally {
          await admin.destroy();
        }
        databaseSpec = `pg:${pgDatabase}`;
      } else {
        databaseSpec = `sqlite:${path.join(dir, 'sre.sqlite')}`;
      }
    });

    afterAll(async () => {
      // Whatever happened, no child outlives the test.
      await restarting?.catch(() => undefined);
      for (const child of children) await stopWebhookBackend(child);
      await knex?.destroy();
      if (pgDatabase) {
        const admin = knexFactory({ client: 'pg', connection: pgUrl });
        try {
          await admin.raw(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
        } finally {
          await admin.destroy();
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('stores every acknowledged delivery exactly once', async () => {
      const port = await freePort();
      const start = async () => {
        const child = await startWebhookBackend({
          port,
          database: databaseSpec,
          secret: SECRET,
        });
        children.push(child);
        return child;
      };
      backend = await start();

      const acknowledged = new Set<number>();
      let retried = 0;
      let ackedAtKill: number | undefined;
      let next = 0;
      let failure: Error | undefined;

      const killAndRestart = () => {
        ackedAtKill = acknowledged.size;
        // Synchronously, while the other deliveries are in flight.
        backend!.child.kill('SIGKILL');
        restarting = new Promise<void>(resolve =>
          backend!.child.once('exit', () => resolve()),
        ).then(start);
        restarting.then(
          started => {
            backend = started;
          },
          error => {
            failure = error;
          },
        );
      };

      const send = async (i: number) => {
        const started = Date.now();
        // A retry sends the same bytes, as a webhook sender does.
        const body = delivery(i);
        for (let attempt = 0; ; attempt++) {
          if (failure) throw failure;
          if (Date.now() - started > DELIVERY_DEADLINE_MS) {
            failure = new Error(
              `delivery ${i} got no 2xx in ${DELIVERY_DEADLINE_MS} ms:\n${backend?.output()}`,
            );
            throw failure;
          }
          if (attempt === 1) retried += 1;
          try {
            const response = await fetch(
              `http://127.0.0.1:${port}/api/sre/webhooks/generic`,
              {
                method: 'POST',
                headers: {
                  authorization: `Bearer ${SECRET}`,
                  'content-type': 'application/json',
                },
                body,
                signal: AbortSignal.timeout(10_000),
              },
            );
            await response.arrayBuffer();
            if (response.ok) {
              acknowledged.add(i);
              if (
                ackedAtKill === undefined &&
                acknowledged.size >= DELIVERIES / 3
              ) {
                killAndRestart();
              }
              return;
            }
          } catch {
            // Connection refused or cut by the kill: send again.
          }
          await new Promise(resolve => setTimeout(resolve, 100));
        }
      };

      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < DELIVERIES) {
            await send(next++);
          }
        }),
      );
      await restarting;
      await stopWebhookBackend(backend);

      knex =
        label === 'PostgreSQL'
          ? knexFactory({ client: 'pg', connection: databaseUrl(pgDatabase!) })
          : knexFactory({
              client: 'better-sqlite3',
              connection: { filename: path.join(dir, 'sre.sqlite') },
              useNullAsDefault: true,
            });
      const rows: Array<{ source_key: string }> = await knex('sre_alerts')
        .where({ source: 'generic' })
        .select('source_key');
      const keys = rows.map(row => row.source_key);
      const count = async (table: string) =>
        Number((await knex!(table).count({ n: '*' }))[0].n);

      expect(ackedAtKill).toBeGreaterThanOrEqual(DELIVERIES / 3);
      expect(ackedAtKill).toBeLessThan(DELIVERIES);
      // The kill cut deliveries in flight: they were sent again.
      expect(retried).toBeGreaterThan(0);
      expect(acknowledged.size).toBe(DELIVERIES);
      expect(keys).toHaveLength(DELIVERIES);
      expect(new Set(keys).size).toBe(DELIVERIES);
      expect([...keys].sort()).toEqual(
        [...acknowledged].map(i => `restart-${i}`).sort(),
      );
      // One 'fired' event and one entity link per alert, none doubled by a retry.
      expect(await count('sre_alert_events')).toBe(DELIVERIES);
      expect(await count('sre_alert_entities')).toBe(DELIVERIES);
    });
  },
);
