import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { baton, startTestBackend } from '../__testUtils__/cliTestHarness';
import { formatImportCosts } from './importCostsCommand';

jest.setTimeout(60_000);

const october = {
  source: 'focus-upload',
  origin: 'upload by user:default/ada',
  rows: 1234,
  days: 31,
  period: { start: '2026-10-01', end: '2026-11-01' },
};

const csv = [
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,Tags',
  ...Array.from(
    { length: 2000 },
    (_, i) =>
      `${(i % 97) + 0.25},${i % 89},USD,2026-10-${String((i % 31) + 1).padStart(
        2,
        '0',
      )}T00:00:00Z,2026-10-${String((i % 31) + 1).padStart(
        2,
        '0',
      )}T23:59:59Z,Amazon S3,"{""service"":""shop-${i % 7}""}"`,
  ),
].join('\n');

describe('baton import-costs', () => {
  let dir: string;
  let csvFile: string;
  let gzFile: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-import-costs-'));
    csvFile = path.join(dir, 'focus-2026-10.csv');
    gzFile = path.join(dir, 'focus-2026-10.csv.gz');
    fs.writeFileSync(csvFile, csv);
    fs.writeFileSync(gzFile, zlib.gzipSync(csv));
    backend = await startTestBackend();
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => backend.reset(october));

  it('streams a .csv.gz as is with the bearer token from --token and prints a summary', async () => {
    const run = await baton([
      'import-costs',
      gzFile,
      '--backend',
      backend.url,
      '--token',
      'secret-token-1',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'Imported 1,234 rows into source focus-upload: 31 days, 2026-10-01 to 2026-10-31 (replaced that period)\n',
    );
    expect(run.stdout).not.toContain('secret-token-1');

    expect(backend.received).toHaveLength(1);
    const [request] = backend.received;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/sre/costs/import');
    expect(request.query).toEqual({
      format: 'focus',
      source: 'focus-upload',
      // The import log names the file.
      origin: path.basename(gzFile),
    });
    expect(request.headers.authorization).toBe('Bearer secret-token-1');
    expect(request.headers['content-type']).toBe('application/gzip');
    // Streamed, not buffered into one body of known length.
    expect(request.headers['transfer-encoding']).toBe('chunked');
    expect(request.body.equals(fs.readFileSync(gzFile))).toBe(true);
    expect(zlib.gunzipSync(request.body).toString('utf8')).toBe(csv);
  });

  it('takes the backend and token from BATON_BACKEND_URL and BATON_TOKEN, --source and --format, and prints --json', async () => {
    backend.reply.body = { ...october, source: 'focus-aws' };
    const run = await baton(
      [
        'import-costs',
        csvFile,
        '--source',
        'focus-aws',
        '--format',
        'focus',
        '--json',
      ],
      { BATON_BACKEND_URL: `${backend.url}//`, BATON_TOKEN: 'secret-token-2' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ...october, source: 'focus-aws' });
    expect(run.stdout).not.toContain('secret-token-2');

    const [request] = backend.received;
    expect(request.path).toBe('/api/sre/costs/import');
    expect(request.query).toEqual({
      format: 'focus',
      source: 'focus-aws',
      origin: path.basename(csvFile),
    });
    expect(request.headers.authorization).toBe('Bearer secret-token-2');
    expect(request.headers['content-type']).toBe('text/csv');
    expect(request.body.toString('utf8')).toBe(csv);
  });

  it('prefers --token and --backend over the environment', async () => {
    const run = await baton(
      [
        'import-costs',
        csvFile,
        '--backend',
        `${backend.url}/`,
        '--token',
        'from-flag',
      ],
      { BATON_BACKEND_URL: 'http://127.0.0.1:1', BATON_TOKEN: 'from-env' },
    );
    expect(run.status).toBe(0);
    expect(backend.received[0].headers.authorization).toBe('Bearer from-flag');
  });

  it("prints the backend's error message and exits 1 on a 400", async () => {
    backend.reply.status = 400;
    backend.reply.body = {
      error: {
        name: 'InputError',
        message: "row 3, column BilledCost: 'abc' is not a decimal number",
      },
      request: { method: 'POST', url: '/api/sre/costs/import' },
      response: { statusCode: 400 },
    };
    const run = await baton([
      'import-costs',
      csvFile,
      '--backend',
      backend.url,
      '--token',
      'secret-token-3',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "import-costs: row 3, column BilledCost: 'abc' is not a decimal number\n",
    );
    expect(run.stderr).not.toContain('secret-token-3');
    expect(backend.received[0].body.toString('utf8')).toBe(csv);
  });

  it('names the status when an error answer is not JSON, and hints at the token on a 401 without one', async () => {
    backend.reply.status = 401;
    backend.reply.body = {
      error: { name: 'AuthenticationError', message: 'Missing credentials' },
    };
    const run = await baton([
      'import-costs',
      csvFile,
      '--backend',
      backend.url,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'import-costs: Missing credentials (pass --token or set BATON_TOKEN)\n',
    );
    expect(backend.received[0].headers.authorization).toBeUndefined();

    backend.reply.status = 502;
    backend.reply.body = 'Bad Gateway';
    const proxied = await baton([
      'import-costs',
      csvFile,
      '--backend',
      backend.url,
    ]);
    expect(proxied.status).toBe(1);
    expect(proxied.stderr).toBe(
      'import-costs: the backend answered 502 Bad Gateway\n',
    );
  });

  it('does not follow a redirect, which cannot replay a streamed body', async () => {
    backend.reply.status = 308;
    backend.reply.headers = {
      location: 'https://backstage.example.com/api/sre/costs/import',
    };
    backend.reply.body = '';
    const run = await baton([
      'import-costs',
      csvFile,
      '--backend',
      backend.url,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `import-costs: ${backend.url}/api/sre/costs/import answered with a redirect, which a streamed upload cannot follow: pass the backend's final URL as --backend (https:// rather than http://?)\n`,
    );
    expect(backend.received).toHaveLength(1);
  });

  it('fails naming the file when it does not exist, without a request', async () => {
    const missing = path.join(dir, 'nope.csv.gz');
    const run = await baton([
      'import-costs',
      missing,
      '--backend',
      backend.url,
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `import-costs: cannot read ${missing}: no such file\n`,
    );
    expect(backend.received).toHaveLength(0);

    const folder = await baton(['import-costs', dir, '--backend', backend.url]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toBe(
      `import-costs: cannot read ${dir}: not a file\n`,
    );
  });

  it('fails naming the URL when the backend refuses the connection', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise(resolve => closed.close(resolve));

    const run = await baton(
      ['import-costs', csvFile, '--backend', `http://127.0.0.1:${port}/`],
      { BATON_TOKEN: 'secret-token-4' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `import-costs: cannot reach http://127.0.0.1:${port}/api/sre/costs/import: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
    expect(run.stderr).not.toContain('secret-token-4');
  });

  it('requires a backend, and a URL for it', async () => {
    const run = await baton(['import-costs', csvFile]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'import-costs: --backend <url> or BATON_BACKEND_URL is required\n',
    );
    const notUrl = await baton([
      'import-costs',
      csvFile,
      '--backend',
      'backstage',
    ]);
    expect(notUrl.status).toBe(1);
    expect(notUrl.stderr).toMatch(/^import-costs: --backend must be a URL/);
  });

  it('never prints a token that a header cannot carry', async () => {
    const run = await baton(
      ['import-costs', csvFile, '--backend', backend.url],
      {
        BATON_TOKEN: 'secret\ntoken',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'import-costs: the token (--token or BATON_TOKEN) has characters an HTTP header cannot carry\n',
    );
    expect(backend.received).toHaveLength(0);
  });
});

describe('formatImportCosts', () => {
  it('counts in the singular, and says when nothing was replaced', () => {
    expect(
      formatImportCosts({
        ...october,
        rows: 1,
        days: 1,
        period: { start: '2026-10-31', end: '2026-11-01' },
      }),
    ).toBe(
      'Imported 1 row into source focus-upload: 1 day, 2026-10-31 to 2026-10-31 (replaced that period)',
    );
    expect(
      formatImportCosts({ ...october, rows: 0, days: 0, period: null }),
    ).toBe('Imported 0 rows into source focus-upload: nothing replaced');
  });
});
