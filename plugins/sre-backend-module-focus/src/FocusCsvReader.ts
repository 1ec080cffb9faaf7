import { InputError } from '@backstage/errors';
import { parseDecimal } from '@baton/plugin-sre-common';
import type { CostRow } from '@baton/plugin-sre-node';
import { CsvError, parse } from 'csv-parse';
import { Readable, finished, pipeline } from 'stream';
import { createGunzip } from 'zlib';

/** The FOCUS 1.x columns the reader uses; every other column is ignored. */
const REQUIRED_COLUMNS = [
  'BilledCost',
  'EffectiveCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
] as const;
const OPTIONAL_COLUMNS = [
  'ChargeCategory',
  'ServiceName',
  'ServiceCategory',
  'ResourceId',
  'SubAccountId',
  'Tags',
] as const;

/**
 * The longest optional text a row may carry: the stored service name's
 * width, and room for the longest ARNs and ids elsewhere.
 */
const MAX_TEXT_CHARACTERS: Record<
  Exclude<(typeof OPTIONAL_COLUMNS)[number], 'Tags'>,
  number
> = {
  ChargeCategory: 255,
  ServiceName: 255,
  ServiceCategory: 255,
  ResourceId: 2048,
  SubAccountId: 255,
};

type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];
type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
type FocusColumn = RequiredColumn | OptionalColumn;

/**
 * The longest record csv-parse may hold before failing: one line (or quoted
 * field) without an end must not buffer a whole file. Real FOCUS rows are a
 * few kB, Tags included.
 */
const MAX_RECORD_CHARACTERS = 1024 * 1024;

// A decimal number. FOCUS's Numeric Format allows neither an exponent nor a
// `+`, but tools that write FOCUS files (e.g. Spark) do write `1.5E-7`, so
// both are accepted.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const CURRENCY = /^[A-Z]{3}$/;

// ISO 8601 extended date and time with a zone. FOCUS writes
// `YYYY-MM-DDTHH:mm:ssZ`; exporters also write fractions, offsets and a
// space for the `T`, which name the same instant.
const TIMESTAMP =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?(?:(?<utc>[Zz])|(?<sign>[+-])(?<offsetHours>\d{2})(?::?(?<offsetMinutes>\d{2}))?)$/;

/** A bad cell, the header (row 0), or a CSV syntax error, as the contract of `CostFileFormat.read` describes it. */
type FocusInputError = InputError & {
  row?: number;
  column?: string;
  line?: number;
};

function inputError(
  message: string,
  details: { row?: number; column?: string; line?: number },
  cause?: unknown,
): FocusInputError {
  return Object.assign(new InputError(message, cause), details);
}

/** Quotes a cell for an error message, shortened so one huge cell cannot flood a log. */
function quoted(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return `'${shown}'`;
}

/** Reads a timestamp with its zone; undefined for anything else, including impossible dates such as Feb 30. */
function parseTimestamp(text: string): Date | undefined {
  const groups = TIMESTAMP.exec(text)?.groups;
  if (!groups) {
    return undefined;
  }
  const number = (name: string) => Number(groups[name] ?? 0);
  const [year, month, day, hour, minute, second] = [
    'year',
    'month',
    'day',
    'hour',
    'minute',
    'second',
  ].map(number);
  const offsetHours = number('offsetHours');
  const offsetMinutes = number('offsetMinutes');
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  // Sub-millisecond digits are dropped: a Date holds milliseconds.
  date.setUTCHours(
    hour,
    minute,
    second,
    Number((groups.fraction ?? '').padEnd(3, '0').slice(0, 3)),
  );
  const offsetMinutesTotal = groups.utc
    ? 0
    : (offsetHours * 60 + offsetMinutes) * (groups.sign === '-' ? -1 : 1);
  return new Date(date.getTime() - offsetMinutesTotal * 60_000);
}

/**
 * FOCUS Tags: a JSON object whose values are strings, numbers, booleans or
 * null. Numbers and booleans (FOCUS writes `true` for a tag without a value)
 * become strings; a null value means the key has no value and is left out.
 */
function parseTags(
  text: string,
  at: (message: string) => FocusInputError,
): Record<string, string> {
  if (text.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw at(
      `${quoted(text)} is not JSON: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  if (parsed === null) {
    // FOCUS Tags allow nulls; some exporters write the JSON literal.
    return {};
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw at(`${quoted(text)} is not a JSON object`);
  }
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null) {
      continue;
    }
    if (typeof value === 'object') {
      throw at(
        `tag '${key}' has ${
          Array.isArray(value) ? 'an array' : 'an object'
        } value; FOCUS tag values are strings, numbers, booleans or null`,
      );
    }
    entries.push([key, String(value)]);
  }
  // fromEntries defines own properties, so a '__proto__' key stays a tag.
  return Object.fromEntries(entries);
}

/** Where each used column is in the header; throws (row 0) naming every missing required column. */
function readHeader(header: readonly string[]): Map<FocusColumn, number> {
  const positions = new Map<FocusColumn, number>();
  const wanted = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  header.forEach((name, index) => {
    const column = name.trim();
    if (!wanted.has(column)) {
      return;
    }
    if (positions.has(column as FocusColumn)) {
      throw inputError(`row 0 (the header): column ${column} appears twice`, {
        row: 0,
        column,
      });
    }
    positions.set(column as FocusColumn, index);
  });
  const missing = REQUIRED_COLUMNS.filter(column => !positions.has(column));
  if (missing.length > 0) {
    throw Object.assign(
      inputError(
        `row 0 (the header): missing the required FOCUS column${
          missing.length > 1 ? 's' : ''
        } ${missing.join(', ')}`,
        { row: 0, column: missing[0] },
      ),
      { missingColumns: missing },
    );
  }
  return positions;
}

/** Distinct values a cache keeps before it starts again: it bounds memory, whatever the file. */
const CACHE_ENTRIES = 4096;

/**
 * Timestamps and Tags already read in this file. A file repeats a few
 * charge periods and tag sets on thousands of rows; reading each once keeps
 * the garbage per row, and so the young heap V8 grows to, small.
 */
class ReadCache {
  readonly #times = new Map<string, number>();
  readonly #tags = new Map<string, Readonly<Record<string, string>>>();

  timestamp(text: string): Date | undefined {
    let time = this.#times.get(text);
    if (time === undefined) {
      time = parseTimestamp(text)?.getTime();
      if (time === undefined) return undefined;
      remember(this.#times, text, time);
    }
    return new Date(time);
  }

  /** Rows with the same Tags text share one frozen object. */
  tags(
    text: string,
    at: (message: string) => FocusInputError,
  ): Readonly<Record<string, string>> {
    let tags = this.#tags.get(text);
    if (!tags) {
      tags = Object.freeze(parseTags(text, at));
      remember(this.#tags, text, tags);
    }
    return tags;
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T) {
  if (cache.size >= CACHE_ENTRIES) cache.clear();
  cache.set(key, value);
}

/** One data row as a CostRow; throws for the first bad cell. */
function readRow(
  record: readonly string[],
  row: number,
  positions: Map<FocusColumn, number>,
  cache: ReadCache,
): CostRow {
  const errorAt = (column: FocusColumn) => (message: string) =>
    inputError(`row ${row}, column ${column}: ${message}`, { row, column });
  const cell = (column: FocusColumn): string | undefined => {
    const index = positions.get(column);
    return index === undefined ? undefined : record[index];
  };
  const optional = (
    column: Exclude<OptionalColumn, 'Tags'>,
  ): string | undefined => {
    const value = cell(column)?.trim();
    if (value === undefined || value === '') return undefined;
    // PostgreSQL text holds no NUL; a cell with one is no FOCUS value either.
    if (value.includes('\u0000')) {
      throw errorAt(column)('contains a NUL character');
    }
    const limit = MAX_TEXT_CHARACTERS[column];
    if (value.length > limit) {
      throw errorAt(column)(
        `${quoted(value)} is longer than ${limit} characters`,
      );
    }
    return value;
  };
  const amount = (column: 'BilledCost' | 'EffectiveCost'): string => {
    const value = (cell(column) ?? '').trim();
    if (value === '') {
      throw errorAt(column)('is empty; FOCUS requires a number');
    }
    if (!DECIMAL.test(value)) {
      throw errorAt(column)(`${quoted(value)} is not a number`);
    }
    // The backend sums amounts with parseDecimal: what it cannot hold (e.g.
    // 1e999999999) fails here, where the row and column are known. Without
    // an exponent, only more than 30 digits can be too large.
    if (
      (value.length > 30 || /[eE]/.test(value)) &&
      parseDecimal(value) === undefined
    ) {
      throw errorAt(column)(`${quoted(value)} is too large to be an amount`);
    }
    return value;
  };
  const timestamp = (column: 'ChargePeriodStart' | 'ChargePeriodEnd') => {
    const value = (cell(column) ?? '').trim();
    const date = cache.timestamp(value);
    if (!date) {
      throw errorAt(column)(
        value === ''
          ? 'is empty; FOCUS requires a date and time'
          : `${quoted(
              value,
            )} is not a valid ISO 8601 date and time with a time zone, e.g. 2024-01-01T00:00:00Z`,
      );
    }
    return date;
  };

  const billedCost = amount('BilledCost');
  const effectiveCost = amount('EffectiveCost');
  const billingCurrency = (cell('BillingCurrency') ?? '').trim();
  if (!CURRENCY.test(billingCurrency)) {
    throw errorAt('BillingCurrency')(
      `${quoted(
        billingCurrency,
      )} is not an ISO 4217 currency code (3 capital letters, e.g. USD)`,
    );
  }
  const chargePeriodStart = timestamp('ChargePeriodStart');
  const chargePeriodEnd = timestamp('ChargePeriodEnd');
  if (chargePeriodEnd.getTime() <= chargePeriodStart.getTime()) {
    throw errorAt('ChargePeriodEnd')(
      `${chargePeriodEnd.toISOString()} is not after ChargePeriodStart ${chargePeriodStart.toISOString()}`,
    );
  }
  return {
    chargePeriodStart,
    chargePeriodEnd,
    billedCost,
    effectiveCost,
    billingCurrency,
    chargeCategory: optional('ChargeCategory'),
    serviceName: optional('ServiceName'),
    serviceCategory: optional('ServiceCategory'),
    resourceId: optional('ResourceId'),
    subAccountId: optional('SubAccountId'),
    tags: cache.tags(cell('Tags') ?? '', errorAt('Tags')),
  };
}

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) {
    return chunk;
  }
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, 'utf8');
  }
  if (chunk instanceof Uint8Array) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  throw new TypeError(
    `A FOCUS file body must stream bytes or strings, got ${typeof chunk}`,
  );
}

/**
 * At least the first two bytes of the body (fewer only if it is shorter),
 * to look for the gzip magic number. Reads with 'data' events and leaves the
 * body paused; the caller puts the bytes back with `unshift`.
 */
function readHead(body: Readable): Promise<Buffer> {
  if (body.readableEnded) {
    return Promise.resolve(Buffer.alloc(0));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let stopWatching = () => {};
    const settle = (error?: Error | null) => {
      body.off('data', onData);
      stopWatching();
      body.pause();
      if (error) {
        reject(error);
      } else {
        resolve(Buffer.concat(chunks));
      }
    };
    function onData(chunk: unknown) {
      let bytes: Buffer;
      try {
        bytes = asBuffer(chunk);
      } catch (error) {
        settle(error as Error);
        return;
      }
      chunks.push(bytes);
      length += bytes.length;
      if (length >= 2) {
        settle();
      }
    }
    // Settles at the end of a short body, or on its error or premature close.
    stopWatching = finished(body, { writable: false }, settle);
    body.on('data', onData);
  });
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * The parser's records; csv-parse and gunzip errors become InputErrors
 * (the file is bad), errors of the body itself (a failed read, an aborted
 * upload) pass through unchanged.
 */
async function* recordsOf(
  parser: AsyncIterable<string[]>,
): AsyncGenerator<string[]> {
  try {
    yield* parser;
  } catch (error) {
    if (error instanceof CsvError) {
      // `records` counts the header, so it is the failing data row's number.
      const row = typeof error.records === 'number' ? error.records : undefined;
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw inputError(
        `${row === undefined ? '' : `row ${row}, `}line ${
          line ?? '?'
        }: the file is not valid CSV: ${error.message}`,
        { row, line },
        error,
      );
    }
    if (isZlibError(error)) {
      throw inputError(
        `The file starts like gzip but is not valid gzip: ${
          (error as Error).message
        }`,
        {},
        error,
      );
    }
    throw error;
  }
}

/**
 * Reads a FOCUS 1.x cost file (CSV, or gzip-compressed CSV) as it streams
 * in, one CostRow per data row, in bounded memory whatever the file size.
 * Throws an InputError with `row` (1-based; the header is row 0) and
 * `column` for the first bad cell, and before any row for a header without
 * the required columns.
 * @public
 */
export async function* readFocusCsv(
  body: Readable,
): AsyncGenerator<CostRow, void, undefined> {
  // Between reading the head and pipeline() attaching its listeners, an
  // 'error' without a listener would crash the process; pipeline still sees
  // the error, as the body is then destroyed with it.
  const ignoreUntilPiped = () => {};
  body.on('error', ignoreUntilPiped);
  try {
    const head = await readHead(body);
    const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
    const parser = parse({
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARACTERS,
    });
    // The body is consumed through pipe(), never its async iterator: in
    // Node 24 that iterator keeps ~200 bytes per chunk until the stream ends.
    let bytes: Readable = body;
    if (body.readableEnded) {
      bytes = Readable.from(head.length > 0 ? [head] : []);
    } else if (head.length > 0 && !body.destroyed) {
      body.unshift(head);
    }
    // Errors reach us through the parser, which pipeline destroys with them;
    // the callback only keeps pipeline from treating them as unhandled.
    const done = () => {};
    if (gzip) {
      pipeline(bytes, createGunzip(), parser, done);
    } else {
      pipeline(bytes, parser, done);
    }
    body.off('error', ignoreUntilPiped);

    let positions: Map<FocusColumn, number> | undefined;
    let row = 0;
    const cache = new ReadCache();
    for await (const record of recordsOf(parser)) {
      if (!positions) {
        positions = readHeader(record);
        continue;
      }
      row += 1;
      yield readRow(record, row, positions, cache);
    }
    if (!positions) {
      // An empty file has no header: every required column is missing.
      readHeader([]);
    }
  } finally {
    body.off('error', ignoreUntilPiped);
    // Stopped early (a bad row, or the caller stopped): close the body, so a
    // file's descriptor is released. An HTTP upload still gets its error
    // response; the server discards the rest of the request.
    if (!body.readableEnded) {
      body.destroy();
    }
  }
}
