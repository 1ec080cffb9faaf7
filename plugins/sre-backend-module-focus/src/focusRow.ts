import { InputError } from '@backstage/errors';
import { parseDecimal } from '@baton/plugin-sre-common';
import type { CostRow } from '@baton/plugin-sre-node';

// The FOCUS columns the reader uses; every other column (the spec's others,
// a newer version's, and providers' own: `x_…`, OCI's `oci_…`) is ignored.
// These names are the same in FOCUS 1.0, 1.1 and 1.2 (FinOps Foundation,
// FOCUS_Spec, specification/columns): no version renamed or dropped one.
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

/** Every column the reader uses, required ones first. */
export const FOCUS_COLUMNS: readonly FocusColumn[] = [
  ...REQUIRED_COLUMNS,
  ...OPTIONAL_COLUMNS,
];

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
export type FocusColumn = RequiredColumn | OptionalColumn;

// A decimal number. FOCUS's Numeric Format allows neither an exponent nor a
// `+`, but tools that write FOCUS files (e.g. Spark) do write `1.5E-7`, so
// both are accepted.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const CURRENCY = /^[A-Z]{3}$/;

// ISO 8601 extended date and time. FOCUS writes `YYYY-MM-DDTHH:mm:ssZ`;
// exports also write fractions, offsets, a space for the `T` (the FinOps
// Foundation's own sample: `2024-09-18 22:00:00`) and no zone at all: FOCUS
// date/times are UTC, so a time without a zone is read as UTC.
const TIMESTAMP =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?\s*(?:(?<utc>[Zz]|UTC)|(?<sign>[+-])(?<offsetHours>\d{2})(?::?(?<offsetMinutes>\d{2}))?)?$/;

/** A bad cell, the header (row 0), or a syntax error, as the contract of `CostFileFormat.read` describes it. */
export type FocusInputError = InputError & {
  row?: number;
  column?: string;
  line?: number;
};

export function inputError(
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

/**
 * Exports write a missing value as an empty cell or as the literal NULL
 * (quoted or not: CSV quoting does not change a cell's text), e.g. the
 * FinOps Foundation's sample export and database dumps.
 */
function isNullText(text: string): boolean {
  return text === '' || text === 'NULL' || text === 'null';
}

const utf8 = new TextDecoder();

/**
 * A cell as text, trimmed; undefined for no value. Parquet cells arrive
 * typed: numbers and booleans become their text, bytes are UTF-8.
 */
function textOf(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean'
  ) {
    text = String(value);
  } else if (value instanceof Uint8Array) {
    text = utf8.decode(value);
  } else {
    return undefined;
  }
  text = text.trim();
  return isNullText(text) ? undefined : text;
}

/** Reads a timestamp, UTC when it has no zone; undefined for anything else, including impossible dates such as Feb 30. */
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
  const offsetMinutesTotal = groups.sign
    ? (offsetHours * 60 + offsetMinutes) * (groups.sign === '-' ? -1 : 1)
    : 0;
  return new Date(date.getTime() - offsetMinutesTotal * 60_000);
}

/**
 * FOCUS Tags as Baton keeps them: values are strings, numbers, booleans or
 * null. Numbers and booleans (FOCUS writes `true` for a tag without a
 * value) become strings; a null value means the key has no value and is
 * left out.
 */
function tagsOfObject(
  parsed: object,
  text: string,
  at: (message: string) => FocusInputError,
): Record<string, string> {
  if (Array.isArray(parsed)) {
    throw at(`${quoted(text)} is not a JSON object`);
  }
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null || value === undefined) {
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

/** Tags written as text: a JSON object, `{}`, empty, or NULL. */
function parseTags(
  text: string,
  at: (message: string) => FocusInputError,
): Record<string, string> {
  const trimmed = text.trim();
  if (isNullText(trimmed)) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    throw at(
      `${quoted(text)} is not JSON: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  if (parsed === null) {
    // JSON null: no tags.
    return {};
  }
  if (typeof parsed !== 'object') {
    throw at(`${quoted(text)} is not a JSON object`);
  }
  return tagsOfObject(parsed, text, at);
}

/**
 * Where each used column is among a file's column names; throws (row 0)
 * naming every missing required column.
 */
export function readHeader(
  header: readonly string[],
): Map<FocusColumn, number> {
  const positions = new Map<FocusColumn, number>();
  const wanted = new Set<string>(FOCUS_COLUMNS);
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

function remember<T>(cache: Map<string, T>, key: string, value: T) {
  if (cache.size >= CACHE_ENTRIES) cache.clear();
  cache.set(key, value);
}

const EMPTY_TAGS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Timestamps and Tags already read in this file. A file repeats a few
 * charge periods and tag sets on thousands of rows; reading each once keeps
 * the garbage per row, and so the young heap V8 grows to, small. Rows with
 * equal tags share one frozen object, which the backend maps to an entity
 * once.
 */
export class ReadCache {
  readonly #times = new Map<string, number>();
  readonly #tags = new Map<string, Readonly<Record<string, string>>>();

  timestamp(value: unknown): Date | undefined {
    if (value instanceof Date) {
      // Parquet timestamps arrive as instants.
      return Number.isNaN(value.getTime()) ? undefined : value;
    }
    if (typeof value !== 'string') return undefined;
    const text = value.trim();
    let time = this.#times.get(text);
    if (time === undefined) {
      time = parseTimestamp(text)?.getTime();
      if (time === undefined) return undefined;
      remember(this.#times, text, time);
    }
    return new Date(time);
  }

  tags(
    value: unknown,
    at: (message: string) => FocusInputError,
  ): Readonly<Record<string, string>> {
    if (value === null || value === undefined) return EMPTY_TAGS;
    if (typeof value === 'object' && !(value instanceof Uint8Array)) {
      // A Parquet map (or JSON) column: the object itself.
      const key = JSON.stringify(value);
      let tags = this.#tags.get(key);
      if (!tags) {
        tags = Object.freeze(tagsOfObject(value, key, at));
        remember(this.#tags, key, tags);
      }
      return tags;
    }
    const text =
      value instanceof Uint8Array ? utf8.decode(value) : String(value);
    let tags = this.#tags.get(text);
    if (!tags) {
      tags = Object.freeze(parseTags(text, at));
      remember(this.#tags, text, tags);
    }
    return tags;
  }
}

/**
 * One data row as a CostRow; throws for the first bad cell. `cell` gives a
 * used column's value: text from CSV, a typed value from Parquet, undefined
 * for a column the file does not have.
 */
export function readRow(
  cell: (column: FocusColumn) => unknown,
  row: number,
  cache: ReadCache,
): CostRow {
  const errorAt = (column: FocusColumn) => (message: string) =>
    inputError(`row ${row}, column ${column}: ${message}`, { row, column });
  const optional = (
    column: Exclude<OptionalColumn, 'Tags'>,
  ): string | undefined => {
    const value = textOf(cell(column));
    if (value === undefined) return undefined;
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
    const raw = cell(column);
    if (typeof raw === 'number' && !Number.isFinite(raw)) {
      throw errorAt(column)(`${quoted(String(raw))} is not a number`);
    }
    // A Parquet double's shortest round-trip text is the decimal its writer meant.
    const value = textOf(raw);
    if (value === undefined) {
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
    const raw = cell(column);
    const date = cache.timestamp(raw);
    if (!date) {
      const value = raw instanceof Date ? 'Invalid Date' : textOf(raw);
      throw errorAt(column)(
        value === undefined
          ? 'is empty; FOCUS requires a date and time'
          : `${quoted(
              value,
            )} is not a valid ISO 8601 date and time, e.g. 2024-01-01T00:00:00Z`,
      );
    }
    return date;
  };

  const billedCost = amount('BilledCost');
  const effectiveCost = amount('EffectiveCost');
  const billingCurrency = textOf(cell('BillingCurrency')) ?? '';
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
    tags: cache.tags(cell('Tags'), errorAt('Tags')),
  };
}
