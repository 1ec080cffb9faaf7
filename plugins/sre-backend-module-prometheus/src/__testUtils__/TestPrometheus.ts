import { execFile, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

const execFileAsync = promisify(execFile);

/** A Prometheus server started for a test, with backfilled data. */
export interface TestPrometheus {
  baseUrl: string;
  stop(): Promise<void>;
}

function findBinary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** Whether `prometheus` and `promtool` are on the PATH. */
export function prometheusAvailable(): boolean {
  return !!findBinary('prometheus') && !!findBinary('promtool');
}

/**
 * `describe` for tests that need a real Prometheus. Without the binaries it
 * fails when `BATON_REQUIRE_PROMETHEUS=1` (CI), and otherwise registers no
 * tests and says so: tests are never skipped.
 */
export function describeWithPrometheus(name: string, fn: () => void): void {
  if (prometheusAvailable()) {
    // A wrapper: the title and callback are its caller's.
    // eslint-disable-next-line jest/valid-title, jest/valid-describe-callback
    describe(name, fn);
    return;
  }
  if (process.env.BATON_REQUIRE_PROMETHEUS === '1') {
    throw new Error(
      `${name}: prometheus and promtool are not on the PATH, and BATON_REQUIRE_PROMETHEUS=1`,
    );
  }
  // eslint-disable-next-line no-console
  console.warn(
    `${name}: not run, prometheus and promtool are not on the PATH (apt-get install prometheus)`,
  );
}

/** A counter series, with its cumulative value at each step. */
export interface CounterSeries {
  labels: Record<string, string>;
  values: number[];
}

/**
 * OpenMetrics text of one counter family, `<family>_total`, one sample per
 * step from `startSeconds`, ready for `promtool tsdb create-blocks-from`.
 */
export function counterSeriesOpenMetrics(options: {
  family: string;
  startSeconds: number;
  stepSeconds: number;
  series: CounterSeries[];
}): string {
  const lines = [`# TYPE ${options.family} counter`];
  for (const { labels, values } of options.series) {
    const labelText = Object.entries(labels)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(',');
    values.forEach((value, i) => {
      const t = options.startSeconds + i * options.stepSeconds;
      lines.push(`${options.family}_total{${labelText}} ${value} ${t}`);
    });
  }
  // OpenMetrics must end with # EOF.
  return `${lines.join('\n')}\n# EOF\n`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Backfills the OpenMetrics text with promtool, then starts Prometheus on
 * that data on a free local port and waits until it is ready.
 */
export async function startTestPrometheus(
  openMetrics: string,
): Promise<TestPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-prometheus-'));
  const dataDir = path.join(dir, 'data');
  const configFile = path.join(dir, 'prometheus.yml');
  const metricsFile = path.join(dir, 'metrics.om');
  fs.writeFileSync(metricsFile, openMetrics);
  // No scrape jobs: the backfilled data is all there is.
  fs.writeFileSync(configFile, 'global: {}\n');

  try {
    await execFileAsync('promtool', [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      metricsFile,
      dataDir,
    ]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`promtool could not backfill: ${stderr || error}`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      // Backfilled blocks may be old; keep them all.
      '--storage.tsdb.retention.time=10y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    // Only the end matters when it fails to start.
    stderr = (stderr + chunk).slice(-8000);
  });
  const exited = new Promise<void>(resolve => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`prometheus exited before it was ready:\n${stderr}`);
    }
    try {
      const response = await fetch(`${baseUrl}/-/ready`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus was not ready within 30 s:\n${stderr}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { baseUrl, stop };
}
