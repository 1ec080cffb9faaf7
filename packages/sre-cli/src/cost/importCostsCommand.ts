import { Command, Option } from 'commander';
import fs from 'fs';
import path from 'path';

/** What `POST /api/sre/costs/import` answers, and `baton import-costs --json` prints. */
export type ImportCostsResult = {
  source: string;
  origin: string;
  rows: number;
  /** Days that received rows. */
  days: number;
  /** The period replaced, YYYY-MM-DD; `end` is exclusive. Null when the file had no rows. */
  period: { start: string; end: string } | null;
};

/** A failure `baton import-costs` reports as `import-costs: <message>`. */
export class ImportCostsError extends Error {}

export type ImportCostsOptions = {
  file: string;
  backend: string;
  format: string;
  source: string;
  token?: string;
};

const plural = (count: number, noun: string) =>
  `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

/** The day before a YYYY-MM-DD day: the last day of a period whose end is exclusive. */
function dayBefore(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time)
    ? day
    : new Date(time - 86_400_000).toISOString().slice(0, 10);
}

/** The one line `baton import-costs` prints on success. */
export function formatImportCosts(result: ImportCostsResult): string {
  const imported = `Imported ${plural(result.rows, 'row')} into source ${
    result.source
  }`;
  if (!result.period) {
    return `${imported}: nothing replaced`;
  }
  return `${imported}: ${plural(result.days, 'day')}, ${
    result.period.start
  } to ${dayBefore(result.period.end)} (replaced that period)`;
}

/** `{backend}/api/sre/costs/import?format=…&source=…`, whatever trailing slashes `backend` has. */
export function importUrl(
  backend: string,
  options: { format: string; source: string; file?: string },
): URL {
  let url: URL;
  try {
    url = new URL(`${backend.replace(/\/+$/, '')}/api/sre/costs/import`);
  } catch {
    throw new ImportCostsError(
      `--backend must be a URL such as https://backstage.example.com, not '${backend}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportCostsError(
      `--backend must be an http or https URL, not '${backend}'`,
    );
  }
  url.searchParams.set('format', options.format);
  url.searchParams.set('source', options.source);
  // The import log names the file.
  if (options.file) url.searchParams.set('origin', path.basename(options.file));
  return url;
}

/** The innermost reason of a failed fetch: `connect ECONNREFUSED 127.0.0.1:7007`, … */
function reasonOf(error: unknown): string {
  let reason: unknown = error;
  while (reason instanceof Error && reason.cause instanceof Error) {
    reason = reason.cause;
  }
  // Happy eyeballs: one error per address tried.
  if (reason instanceof AggregateError && reason.errors.length) {
    reason = reason.errors[0];
  }
  if (reason instanceof Error) {
    const code = (reason as NodeJS.ErrnoException).code;
    return reason.message || code || reason.name;
  }
  return String(reason);
}

async function openFile(file: string): Promise<fs.ReadStream> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportCostsError(
      `cannot read ${file}: ${
        code === 'ENOENT' ? 'no such file' : reasonOf(error)
      }`,
    );
  }
  if (!stat.isFile()) {
    throw new ImportCostsError(`cannot read ${file}: not a file`);
  }
  return fs.createReadStream(file);
}

/** The message of a non-2xx answer: Backstage's `{ error: { message } }`, else the status. */
async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string' && message) {
      return message;
    }
  } catch {
    // not JSON: a proxy's page, …
  }
  return `the backend answered ${response.status} ${response.statusText}`.trim();
}

/**
 * Streams a cost file to the sre backend, which replaces the source's rows for
 * the days the file covers. The file is never read into memory as a whole.
 */
export async function importCosts(
  options: ImportCostsOptions,
): Promise<ImportCostsResult> {
  const url = importUrl(options.backend, options);
  const body = await openFile(options.file);
  const headers: Record<string, string> = {
    'content-type': /\.gz$/i.test(options.file)
      ? 'application/gzip'
      : 'text/csv',
    accept: 'application/json',
  };
  const token = options.token?.trim();
  if (token) {
    // Checked here so that fetch's own message, which quotes the value, never prints it.
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new ImportCostsError(
        'the token (--token or BATON_TOKEN) has characters an HTTP header cannot carry',
      );
    }
    headers.authorization = `Bearer ${token}`;
  }
  try {
    return await post(url, headers, body, options);
  } finally {
    // The backend may answer before it read the whole file (a bad header row).
    body.destroy();
  }
}

async function post(
  url: URL,
  headers: Record<string, string>,
  body: fs.ReadStream,
  options: ImportCostsOptions,
): Promise<ImportCostsResult> {
  const endpoint = `${url.origin}${url.pathname}`;
  let response: Response;
  try {
    // A Node stream is an async iterable: fetch pulls it chunk by chunk as the
    // socket drains. `redirect: 'error'` keeps memory bounded too: otherwise
    // undici keeps every chunk sent, to replay the body on a 307/308
    // (nodejs/undici#4058), which holds the whole file by the end.
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: body as unknown as BodyInit,
      duplex: 'half',
      redirect: 'error',
    } as RequestInit & { duplex: 'half' });
  } catch (error) {
    const reason = reasonOf(error);
    if (body.errored) {
      throw new ImportCostsError(`cannot read ${options.file}: ${reason}`);
    }
    if (/redirect/i.test(reason)) {
      throw new ImportCostsError(
        `${endpoint} answered with a redirect, which a streamed upload cannot follow: pass the backend's final URL as --backend (https:// rather than http://?)`,
      );
    }
    throw new ImportCostsError(`cannot reach ${endpoint}: ${reason}`);
  }
  if (!response.ok) {
    let message = await errorMessage(response);
    if (response.status === 401 && !headers.authorization) {
      message += ' (pass --token or set BATON_TOKEN)';
    }
    throw new ImportCostsError(message);
  }
  try {
    return (await response.json()) as ImportCostsResult;
  } catch {
    throw new ImportCostsError(
      `the backend at ${endpoint} answered ${response.status} without JSON; is --backend the Backstage backend?`,
    );
  }
}

/** `baton import-costs <file>`: uploads a cost file (FOCUS CSV, plain or gzip) to the sre backend. */
export function importCostsCommand(): Command {
  return new Command('import-costs')
    .description(
      "Upload a cost file (FOCUS CSV, plain or .gz) to the sre backend, replacing the source's costs for the days it covers",
    )
    .argument('<file>', 'a .csv or .csv.gz file, streamed as is')
    .addOption(
      new Option(
        '--backend <url>',
        'the Backstage backend, e.g. https://backstage.example.com',
      ).env('BATON_BACKEND_URL'),
    )
    .option(
      '--source <id>',
      'the cost source the rows are stored under',
      'focus-upload',
    )
    .option('--format <format>', 'the cost file format', 'focus')
    .addOption(
      new Option(
        '--token <token>',
        'a Backstage static external-access token, sent as a bearer token',
      ).env('BATON_TOKEN'),
    )
    .option('--json', "print the backend's JSON answer")
    .action(async (file: string, options) => {
      try {
        if (!options.backend) {
          throw new ImportCostsError(
            '--backend <url> or BATON_BACKEND_URL is required',
          );
        }
        const result = await importCosts({
          file,
          backend: options.backend,
          format: options.format,
          source: options.source,
          token: options.token || undefined,
        });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${formatImportCosts(result)}\n`,
        );
      } catch (error) {
        process.stderr.write(
          `import-costs: ${
            error instanceof ImportCostsError ? error.message : reasonOf(error)
          }\n`,
        );
        process.exitCode = 1;
      }
    });
}
