/* eslint-disable no-console */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { sreBackendPlugin } from '../../plugin';

// A real backend process with only the sre plugin, for the restart test and
// the ingestion bench: `node --require @backstage/cli/config/nodeTransform.cjs
// webhookBackend.ts`. Configured from the environment:
//   BATON_WEBHOOK_PORT      port on 127.0.0.1 (required)
//   BATON_WEBHOOK_DATABASE  `sqlite:<file>` or `pg:<database name>` (with
//                           BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING)
//   BATON_WEBHOOK_SECRET    the generic webhook's secret
//   BATON_WEBHOOK_ENTITIES  how many components `service-<i>` the catalog has (200)
// Prints `READY <port>` once it serves requests.

/** Components `service-0` … `service-<count-1>`: alerts map to them by their `service` label. */
export function benchEntities(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `service-${i}`, namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/team', lifecycle: 'prod' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
  }));
}

/** The backend's database config for `sqlite:<file>` or `pg:<database>`. */
function databaseConfig(spec: string) {
  const [kind, ...rest] = spec.split(':');
  const target = rest.join(':');
  if (kind === 'sqlite') {
    return {
      client: 'better-sqlite3',
      connection: { directory: path.dirname(target) },
      plugin: { sre: { connection: { filename: path.basename(target) } } },
    };
  }
  if (kind === 'pg') {
    const url =
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
    if (!url) {
      throw new Error(
        'pg: needs BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING',
      );
    }
    return {
      client: 'pg',
      connection: url,
      // Created by the backend when missing.
      plugin: { sre: { connection: { database: target } } },
    };
  }
  throw new Error(`BATON_WEBHOOK_DATABASE must be sqlite:<file> or pg:<name>`);
}

// Scheduled work would compete with the webhooks; it never runs here.
const NEVER = {
  frequency: { hours: 24 },
  timeout: { minutes: 10 },
  initialDelay: { hours: 24 },
};

async function main() {
  const port = Number(process.env.BATON_WEBHOOK_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error('BATON_WEBHOOK_PORT must be a port number');
  }
  const config = new ConfigReader({
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { port, host: '127.0.0.1' },
      database: databaseConfig(process.env.BATON_WEBHOOK_DATABASE ?? ''),
    },
    sre: {
      webhooks: {
        generic: { secret: process.env.BATON_WEBHOOK_SECRET ?? 'secret' },
      },
      knowledge: { schedule: NEVER },
      slo: { schedule: NEVER },
      alerts: { pollSchedule: NEVER },
    },
  });
  const entities = benchEntities(
    Number(process.env.BATON_WEBHOOK_ENTITIES ?? 200),
  );

  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  backend.add(
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      // The in-memory client has the catalog API's shape; credentials are not needed.
      factory: () =>
        new InMemoryCatalogClient({ entities }) as unknown as CatalogService,
    }),
  );
  backend.add(sreBackendPlugin);
  await backend.start();
  const health = await fetch(`http://127.0.0.1:${port}/api/sre/health`);
  if (!health.ok) throw new Error(`/api/sre/health answered ${health.status}`);
  console.log(`READY ${port}`);

  // Started from a test or bench through a pipe: end with the parent.
  if (fs.fstatSync(0).isFIFO()) {
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));
  }
}

/** A free port on 127.0.0.1, from the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A started webhook backend process. */
export interface WebhookBackendProcess {
  child: ChildProcess;
  /** Everything it printed, for failure messages. */
  output(): string;
}

/**
 * Starts this file as a child process and resolves once it printed
 * `READY <port>`; rejects when it exits first or does not start in time.
 */
export async function startWebhookBackend(options: {
  port: number;
  database: string;
  secret: string;
  entities?: number;
  timeoutMs?: number;
  logLevel?: string;
}): Promise<WebhookBackendProcess> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      __filename,
    ],
    {
      env: {
        ...process.env,
        BATON_WEBHOOK_PORT: String(options.port),
        BATON_WEBHOOK_DATABASE: options.database,
        BATON_WEBHOOK_SECRET: options.secret,
        BATON_WEBHOOK_ENTITIES: String(options.entities ?? 200),
        // Every request is logged at info level otherwise.
        LOG_LEVEL: options.logLevel ?? 'warn',
        NODE_ENV: 'development',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The webhook backend did not start:\n${output}`));
    }, options.timeoutMs ?? 120_000);
    const onData = () => {
      if (/^READY \d+$/m.test(output)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        // A later exit rejects a settled promise: nothing happens.
        resolve();
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The webhook backend exited (${
            code ?? signal
          }) before it was ready:\n${output}`,
        ),
      );
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  return { child, output: () => output };
}

/** Kills the process with `signal` and waits until it is gone. */
export async function stopWebhookBackend(
  backend: WebhookBackendProcess | undefined,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  const child = backend?.child;
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise<void>(resolve => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
  // The pipes would keep the parent's event loop alive.
  child.stdin?.destroy();
  child.stdout?.destroy();
  child.stderr?.destroy();
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
