import { InputError } from '@backstage/errors';
import type { parseDecimal as ParseDecimal } from '@baton/plugin-sre-common';
import type { CostRow } from '@baton/plugin-sre-node';

let loadedParseDecimal: typeof ParseDecimal | undefined;

/**
 * sre-common's parseDecimal, loaded on first use: the CSV reader's worker
 * threads load this module, and need it only for rare amounts (an exponent,
 * more than 30 characters); sre-common from source takes a worker ~0.3 s to
 * load.
 */
function parseDecimal(text: string): bigint | undefined {
  loadedParseDecimal ??=
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (
      require('@baton/plugin-sre-common') as typeof import('@baton/plugin-sre-common')
    ).parseDecimal;
  return loadedParseDecimal(text);
}

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
// both are accepted: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, checked a
// character at a time, as two amounts on every row are.
const NOT_A_DECIMAL = -1;
const PLAIN_DECIMAL = 0;
const DECIMAL_WITH_EXPONENT = 1;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** Whether `text` is a decimal, and whether it has an exponent. */
function decimalShape(text: string): number {
  const length = text.length;
  let i = 0;
  let code = text.charCodeAt(0);
  if (code === 0x2b || code === 0x2d) i += 1; // + -
  let digits = 0;
  while (i < length && isDigit(text.charCodeAt(i))) {
    i += 1;
    digits += 1;
  }
  if (i < length && text.charCodeAt(i) === 0x2e) {
    i += 1;
    while (i < length && isDigit(text.charCodeAt(i))) {
      i += 1;
      digits += 1;
    }
  }
  if (digits === 0) return NOT_A_DECIMAL;
  if (i === length) return PLAIN_DECIMAL;
  code = text.charCodeAt(i);
  if (code !== 0x65 && code !== 0x45) return NOT_A_DECIMAL; // e E
  i += 1;
  code = text.charCodeAt(i);
  if (code === 0x2b || code === 0x2d) i += 1;
  const exponentStart = i;
  while (i < length && isDigit(text.charCodeAt(i))) i += 1;
  return i > exponentStart && i === length
    ? DECIMAL_WITH_EXPONENT
    : NOT_A_DECIMAL;
}

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

/** What is wrong with a cell, before its row and column are put in the message. */
class CellProblem extends Error {}

/** The problem with the cell of `column` as an InputError naming the row and the column; other errors as they are. */
function atCell(error: unknown, row: number, column: FocusColumn): unknown {
  return error instanceof CellProblem
    ? inputError(`row ${row}, column ${column}: ${error.message}`, {
        row,
        column,
      })
    : error;
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
function tagsOfObject(parsed: object, text: string): Record<string, string> {
  const pairs = Array.isArray(parsed) ? keyValueList(parsed) : undefined;
  if (Array.isArray(parsed) && !pairs) {
    throw new CellProblem(`${quoted(text)} is not a JSON object`);
  }
  const entries: Array<[string, string]> = [];
  for (const [key, value] of pairs ?? Object.entries(parsed)) {
    if (value === null || value === undefined) {
      continue;
    }
    if (typeof value === 'object') {
      throw new CellProblem(
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

/**
 * Tags as a list of `{key, value}` records, as Google Cloud's FOCUS view of
 * its billing export writes them (a repeated STRUCT<key, value, x_type,
 * x_inherited, x_namespace>); undefined for any other list. A key listed
 * twice keeps its last value.
 */
function keyValueList(list: unknown[]): Array<[string, unknown]> | undefined {
  const pairs: Array<[string, unknown]> = [];
  for (const item of list) {
    if (
      typeof item !== 'object' ||
      item === null ||
      typeof (item as { key?: unknown }).key !== 'string'
    ) {
      return undefined;
    }
    const { key, value } = item as { key: string; value?: unknown };
    pairs.push([key, value]);
  }
  return pairs;
}

/** Tags written as text: a JSON object or key/value list, `{}`, empty, or NULL. */
function parseTags(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (isNullText(trimmed)) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    throw new CellProblem(
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
    throw new CellProblem(`${quoted(text)} is not a JSON object`);
  }
  return tagsOfObject(parsed, text);
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

/** Where each used column's value is in the cells `readRow` takes. */
export const SLOT = Object.fromEntries(
  FOCUS_COLUMNS.map((column, slot) => [column, slot]),
) as Readonly<Record<FocusColumn, number>>;

type TextColumn = Exclude<OptionalColumn, 'Tags'>;

/** An optional text cell, trimmed; undefined for no value. */
function optionalText(value: unknown, column: TextColumn): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  // PostgreSQL text holds no NUL; a cell with one is no FOCUS value either.
  if (text.includes('\u0000')) {
    throw new CellProblem('contains a NUL character');
  }
  const limit = MAX_TEXT_CHARACTERS[column];
  if (text.length > limit) {
    throw new CellProblem(`${quoted(text)} is longer than ${limit} characters`);
  }
  return text;
}

function uncachedText(
  value: unknown,
  row: number,
  column: TextColumn,
): string | undefined {
  try {
    return optionalText(value, column);
  } catch (error) {
    throw atCell(error, row, column);
  }
}

function amountOf(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new CellProblem(`${quoted(String(value))} is not a number`);
  }
  // A Parquet double's shortest round-trip text is the decimal its writer meant.
  const text = textOf(value);
  if (text === undefined) {
    throw new CellProblem('is empty; FOCUS requires a number');
  }
  const shape = decimalShape(text);
  if (shape === NOT_A_DECIMAL) {
    throw new CellProblem(`${quoted(text)} is not a number`);
  }
  // The backend sums amounts with parseDecimal: what it cannot hold (e.g.
  // 1e999999999) fails here, where the row and column are known. Without
  // an exponent, only more than 30 digits can be too large.
  if (
    (text.length > 30 || shape === DECIMAL_WITH_EXPONENT) &&
    parseDecimal(text) === undefined
  ) {
    throw new CellProblem(`${quoted(text)} is too large to be an amount`);
  }
  return text;
}

function currencyOf(value: unknown): string {
  const text = textOf(value) ?? '';
  if (!CURRENCY.test(text)) {
    throw new CellProblem(
      `${quoted(
        text,
      )} is not an ISO 4217 currency code (3 capital letters, e.g. USD)`,
    );
  }
  return text;
}

/** Epoch milliseconds. */
function timeOf(value: unknown): number {
  if (value instanceof Date) {
    // Parquet timestamps arrive as instants.
    const time = value.getTime();
    if (!Number.isNaN(time)) return time;
  } else if (typeof value === 'string') {
    const time = parseTimestamp(value.trim())?.getTime();
    if (time !== undefined) return time;
  }
  const text = value instanceof Date ? 'Invalid Date' : textOf(value);
  throw new CellProblem(
    text === undefined
      ? 'is empty; FOCUS requires a date and time'
      : `${quoted(
          text,
        )} is not a valid ISO 8601 date and time, e.g. 2024-01-01T00:00:00Z`,
  );
}

/** Distinct values a cache keeps before it starts again: it bounds memory, whatever the file. */
const CACHE_ENTRIES = 4096;

/**
 * A copy of text cut from a larger string: V8 keeps a cut (a slice of 13
 * characters or more) pointing into the string it came from, so a kept cut
 * of a CSV chunk would keep the whole chunk alive.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * What was read from each distinct text of one column: the last one, and
 * up to `entries` more. Text that fails to read is not kept.
 */
class CellCache<T> {
  readonly #values: Map<string, T> | undefined;
  #lastText: string | undefined;
  #lastValue: T | undefined;

  constructor(
    private readonly read: (text: string) => T,
    private readonly entries = CACHE_ENTRIES,
  ) {
    if (entries > 0) this.#values = new Map();
  }

  get(text: string): T {
    // Files run in order of time, account or service: a cell is often the
    // one above it, and comparing with it costs less than a lookup.
    if (text === this.#lastText) return this.#lastValue as T;
    const values = this.#values;
    let value: T | undefined;
    if (!values) {
      value = this.read(text);
    } else {
      value = values.get(text);
      if (value === undefined && !values.has(text)) {
        value = this.read(text);
        if (values.size >= this.entries) values.clear();
        values.set(ownCopy(text), value);
      }
    }
    this.#lastText = text;
    this.#lastValue = value;
    return value as T;
  }
}

/** An optional text cell as a string of its own. */
function ownText(text: string, column: TextColumn): string | undefined {
  const read = optionalText(text, column);
  return read === undefined ? undefined : ownCopy(read);
}

/** An optional text column read again unless a cell is the one above. */
const lastCellOnly = (column: TextColumn) =>
  new CellCache(text => optionalText(text, column), 0);

const EMPTY_TAGS: Readonly<Record<string, string>> = Object.freeze({});

/** The text of a typed (Parquet) cell; CSV cells are text already. */
const asText = (value: unknown) =>
  value instanceof Uint8Array ? utf8.decode(value) : String(value);

/**
 * What was already read in one file. A file repeats a few charge periods,
 * currencies, services and tag sets on thousands of rows; reading each once
 * keeps the work and the garbage per row small. Rows with equal tags share
 * one frozen object, which the backend maps to an entity once; rows with
 * equal text share one string, which keeps no CSV chunk alive.
 */
export class ReadCache {
  // One cache per column: a row's start and end differ, so a shared one
  // would miss its comparison with the cell above on every cell.
  readonly #starts = new CellCache(timeOf);
  readonly #ends = new CellCache(timeOf);
  readonly #currencies = new CellCache(text => ownCopy(currencyOf(text)));
  readonly #tags = new CellCache(text => Object.freeze(parseTags(text)));
  /** Tags by their text as a CSV cell holds it between quotes: `""` for each quote. */
  readonly #escapedTags = new CellCache(text =>
    Object.freeze(parseTags(text.replaceAll('""', '"'))),
  );
  readonly #objectTags = new Map<string, Readonly<Record<string, string>>>();
  /**
   * Service names, kept by the backend per day and tag set: each a string
   * of its own, as a cut of a chunk would keep the chunk. Other text
   * cells, which the backend does not keep, cost no lookup: only a
   * comparison with the cell above.
   */
  readonly #serviceNames = new CellCache(text => ownText(text, 'ServiceName'));
  readonly #chargeCategories = lastCellOnly('ChargeCategory');
  readonly #serviceCategories = lastCellOnly('ServiceCategory');
  readonly #subAccountIds = lastCellOnly('SubAccountId');

  /** A switch, not a map: the column is one of a few constant strings on every row. */
  #textCache(column: TextColumn): CellCache<string | undefined> | undefined {
    switch (column) {
      case 'ServiceName':
        return this.#serviceNames;
      case 'ChargeCategory':
        return this.#chargeCategories;
      case 'ServiceCategory':
        return this.#serviceCategories;
      case 'SubAccountId':
        return this.#subAccountIds;
      default:
        return undefined;
    }
  }

  /** Epoch milliseconds of a timestamp cell. */
  time(value: unknown, row: number, column: FocusColumn): number {
    try {
      if (typeof value !== 'string') return timeOf(value);
      return (column === 'ChargePeriodEnd' ? this.#ends : this.#starts).get(
        value,
      );
    } catch (error) {
      throw atCell(error, row, column);
    }
  }

  /** An ISO 4217 code, one shared string per code. */
  currency(value: unknown, row: number): string {
    try {
      return typeof value === 'string'
        ? this.#currencies.get(value)
        : currencyOf(value);
    } catch (error) {
      throw atCell(error, row, 'BillingCurrency');
    }
  }

  /** An optional text cell, trimmed. */
  text(value: unknown, row: number, column: TextColumn): string | undefined {
    try {
      const cache = this.#textCache(column);
      if (typeof value !== 'string' || !cache) {
        return optionalText(value, column);
      }
      return cache.get(value);
    } catch (error) {
      throw atCell(error, row, column);
    }
  }

  /** Tags of a cell; `escaped` for CSV text that still has its quotes doubled. */
  tags(
    value: unknown,
    row: number,
    escaped = false,
  ): Readonly<Record<string, string>> {
    if (value === null || value === undefined) return EMPTY_TAGS;
    try {
      if (escaped) return this.#escapedTags.get(value as string);
      if (typeof value === 'object' && !(value instanceof Uint8Array)) {
        // A Parquet map (or JSON) column: the object itself.
        const key = JSON.stringify(value);
        let tags = this.#objectTags.get(key);
        if (!tags) {
          tags = Object.freeze(tagsOfObject(value, key));
          if (this.#objectTags.size >= CACHE_ENTRIES) this.#objectTags.clear();
          this.#objectTags.set(key, tags);
        }
        return tags;
      }
      return this.#tags.get(asText(value));
    } catch (error) {
      throw atCell(error, row, 'Tags');
    }
  }
}

/**
 * What readRow reads from a data row, times as epoch milliseconds: its
 * work without the row object, for a caller that sends the values on
 * (the CSV reader's worker threads).
 */
export interface RowValues {
  start: number;
  end: number;
  billedCost: string;
  effectiveCost: string;
  billingCurrency: string;
  chargeCategory: string | undefined;
  serviceName: string | undefined;
  serviceCategory: string | undefined;
  resourceId: string | undefined;
  subAccountId: string | undefined;
  tags: Readonly<Record<string, string>>;
}

/** RowValues to fill with readRowValues, again and again. */
export function emptyRowValues(): RowValues {
  return {
    start: 0,
    end: 0,
    billedCost: '',
    effectiveCost: '',
    billingCurrency: '',
    chargeCategory: undefined,
    serviceName: undefined,
    serviceCategory: undefined,
    resourceId: undefined,
    subAccountId: undefined,
    tags: EMPTY_TAGS,
  };
}

/** Reads a data row into `values` as readRow does, with the same checks in the same order; throws for the first bad cell. */
export function readRowValues(
  cells: ArrayLike<unknown>,
  row: number,
  cache: ReadCache,
  escapedTags: boolean,
  values: RowValues,
): RowValues {
  try {
    values.billedCost = amountOf(cells[SLOT.BilledCost]);
  } catch (error) {
    throw atCell(error, row, 'BilledCost');
  }
  try {
    values.effectiveCost = amountOf(cells[SLOT.EffectiveCost]);
  } catch (error) {
    throw atCell(error, row, 'EffectiveCost');
  }
  values.billingCurrency = cache.currency(cells[SLOT.BillingCurrency], row);
  const start = cache.time(
    cells[SLOT.ChargePeriodStart],
    row,
    'ChargePeriodStart',
  );
  const end = cache.time(cells[SLOT.ChargePeriodEnd], row, 'ChargePeriodEnd');
  if (end <= start) {
    throw atCell(
      new CellProblem(
        `${new Date(
          end,
        ).toISOString()} is not after ChargePeriodStart ${new Date(
          start,
        ).toISOString()}`,
      ),
      row,
      'ChargePeriodEnd',
    );
  }
  values.start = start;
  values.end = end;
  values.chargeCategory = cache.text(
    cells[SLOT.ChargeCategory],
    row,
    'ChargeCategory',
  );
  values.serviceName = cache.text(cells[SLOT.ServiceName], row, 'ServiceName');
  values.serviceCategory = cache.text(
    cells[SLOT.ServiceCategory],
    row,
    'ServiceCategory',
  );
  // Mostly distinct: not worth a cache.
  values.resourceId = uncachedText(cells[SLOT.ResourceId], row, 'ResourceId');
  values.subAccountId = cache.text(
    cells[SLOT.SubAccountId],
    row,
    'SubAccountId',
  );
  values.tags = cache.tags(cells[SLOT.Tags], row, escapedTags);
  return values;
}

/** readRow's values, filled for each row. */
const rowValues = emptyRowValues();

/**
 * One data row as a CostRow; throws for the first bad cell. `cells` holds
 * each used column's value at its SLOT: text from CSV, a typed value from
 * Parquet, undefined for a column the file does not have. `escapedTags`:
 * the Tags cell is CSV text that still has its quotes doubled.
 */
export function readRow(
  cells: ArrayLike<unknown>,
  row: number,
  cache: ReadCache,
  escapedTags = false,
): CostRow {
  const values = readRowValues(cells, row, cache, escapedTags, rowValues);
  return {
    // Each row its own Dates: a caller may change one.
    chargePeriodStart: new Date(values.start),
    chargePeriodEnd: new Date(values.end),
    billedCost: values.billedCost,
    effectiveCost: values.effectiveCost,
    billingCurrency: values.billingCurrency,
    chargeCategory: values.chargeCategory,
    serviceName: values.serviceName,
    serviceCategory: values.serviceCategory,
    resourceId: values.resourceId,
    subAccountId: values.subAccountId,
    tags: values.tags,
  };
}
