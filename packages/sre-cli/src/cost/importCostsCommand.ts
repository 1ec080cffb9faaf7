import { Command } from 'commander';
import fs from 'fs';
import path from 'path';
import {
  authorizationHeader,
  backendOption,
  backendUrl,
  CommandError,
  readAnswer,
  reasonOf,
  reportCommandFailure,
  tokenOption,
} from '../backend/backendClient';

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

export type ImportCostsOptions = {
  file: string;
  backend: string | undefined;
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
  backend: string | undefined,
  options: { format: string; source: string; file?: string },
): URL {
  const url = backendUrl(backend, '/api/sre/costs/import');
  url.searchParams.set('format', options.format);
  url.searchParams.set('source', options.source);
  // The import log names the file.
  if (options.file) url.searchParams.set('origin', path.basename(options.file));
  return url;
}

async function openFile(file: string): Promise<fs.ReadStream> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(
      `cannot read ${file}: ${
        code === 'ENOENT' ? 'no such file' : reasonOf(error)
      }`,
    );
  }
  if (!stat.isFile()) {
    throw new CommandError(`cannot read ${file}: not a file`);
  }
  return fs.createReadStream(file);
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
    ...authorizationHeader(options.token),
  };
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
      throw new CommandError(`cannot read ${options.file}: ${reason}`);
    }
    if (/redirect/i.test(reason)) {
      throw new CommandError(
        `${endpoint} answered with a redirect, which a streamed upload cannot follow: pass the backend's final URL as --backend (https:// rather than http://?)`,
      );
    }
    throw new CommandError(`cannot reach ${endpoint}: ${reason}`);
  }
  return readAnswer<ImportCostsResult>(
    response,
    Boolean(headers.authorization),
  );
}

/** `baton import-costs <file>`: uploads a cost file (FOCUS CSV, plain or gzip) to the sre backend. */
export function importCostsCommand(): Command {
  return new Command('import-costs')
    .description(
      "Upload a cost file (FOCUS CSV, plain or .gz) to the sre backend, replacing the source's costs for the days it covers",
    )
    .argument('<file>', 'a .csv or .csv.gz file, streamed as is')
    .addOption(backendOption())
    .option(
      '--source <id>',
      'the cost source the rows are stored under',
      'focus-upload',
    )
    .option('--format <format>', 'the cost file format', 'focus')
    .addOption(tokenOption())
    .option('--json', "print the backend's JSON answer")
    .action(async (file: string, options) => {
      try {
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
        reportCommandFailure('import-costs', error);
      }
    });
}
