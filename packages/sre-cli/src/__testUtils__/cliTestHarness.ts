import { spawn } from 'child_process';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';

const bin = path.resolve(__dirname, '../../bin/baton');

/** How a run of the `baton` bin ended. */
export type BatonRun = {
  status: number | null;
  stdout: string;
  stderr: string;
};

/**
 * Starts the bin (the test's backend answers on this event loop), without the
 * BATON_ variables of the shell that started the tests; `done` resolves when
 * it exits.
 */
export function startBaton(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { cwd?: string } = {},
) {
  const base = { ...process.env };
  delete base.BATON_TOKEN;
  delete base.BATON_BACKEND_URL;
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...base, ...env },
    cwd: options.cwd,
  });
  const run: BatonRun = { status: null, stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', chunk => (run.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', chunk => (run.stderr += chunk));
  const done = new Promise<BatonRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', status => resolve({ ...run, status }));
  });
  return { child, run, done };
}

/** Runs the bin to its end. */
export function baton(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { cwd?: string } = {},
): Promise<BatonRun> {
  return startBaton(args, env, options).done;
}

/** A request the test backend received. */
export type ReceivedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
};

/** A backend that records each request and answers with the scripted status and JSON. */
export async function startTestBackend() {
  const received: ReceivedRequest[] = [];
  const reply = {
    status: 200,
    headers: {} as Record<string, string>,
    body: {} as unknown,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://localhost');
      received.push({
        method: req.method!,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        ...reply.headers,
      });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    reply,
    /** Forgets the requests and answers 200 with `body` again. */
    reset(body: unknown) {
      received.length = 0;
      reply.status = 200;
      reply.headers = {};
      reply.body = body;
    },
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
