import { Knex } from 'knex';
import { copyRows } from '../database/copyRows';
import { StoredTagSet, tagSetHash } from './CostAllocation';

/** One stored day of spend. Amounts are exact decimal strings. */
export interface CostDayRow {
  source: string;
  day: string;
  /** The rows' tags (sre_cost_tag_sets): resolved to an entity when read. */
  tag_set_id: number;
  service_name: string;
  currency: string;
  billed: string;
  effective: string;
  estimated: boolean;
}

/** A day to store: its tag set as an index into the batch's `tagSets`. */
export type CostDayWrite = Omit<CostDayRow, 'tag_set_id'> & {
  tagSetIndex: number;
};

/** What an import stored, as the API and the CLI report it. */
export interface CostImportResult {
  source: string;
  origin: string;
  rows: number;
  days: number;
  /** [start, end) as YYYY-MM-DD; null when the batch held no rows and named no period. */
  period: { start: string; end: string } | null;
}

/** Rows per insert statement. */
const INSERT_BATCH = 500;
/** Values per `IN (…)` list: well under SQLite's and PostgreSQL's bound-parameter limits. */
const IN_BATCH = 500;

const DAILY_COLUMNS = [
  'source',
  'day',
  'tag_set_id',
  'service_name',
  'currency',
  'billed',
  'effective',
  'estimated',
] as const;

// SQLite takes rows as one JSON array per statement, not as 8 bound
// parameters per row: the SQL stays short and the same for every batch. A
// 500-row multi-row insert is a 75 kB statement that better-sqlite3 keeps in
// native memory until a full GC; a whole import held ~100 MB of them.
// PostgreSQL takes them with COPY (copyRows), which spares the server the
// parsing and planning of each insert.
const SQLITE_INSERT_JSON_ROWS = `INSERT INTO sre_cost_daily (${DAILY_COLUMNS.join(
  ', ',
)})
  SELECT ${DAILY_COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(
    ', ',
  )} FROM json_each(?)`;

/** Each item of an iterable through a function, as it is asked for. */
function* mapped<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}

/** Items in arrays of up to `size`, read as they are asked for. */
function* chunksOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/** The ids of tag sets (canonical keys), stored first where new. */
async function ensureTagSets(
  tx: Knex.Transaction,
  keys: string[],
): Promise<number[]> {
  const hashes = keys.map(tagSetHash);
  const ids = new Map<string, number>();
  const lookUp = async (wanted: string[]) => {
    for (const chunk of chunksOf(wanted, IN_BATCH)) {
      const rows: Array<{ id: number; hash: string }> = await tx(
        'sre_cost_tag_sets',
      )
        .whereIn('hash', chunk)
        .select('id', 'hash');
      for (const row of rows) ids.set(row.hash, Number(row.id));
    }
  };
  await lookUp(hashes);
  const missing = keys
    .map((tags, i) => ({ hash: hashes[i], tags, entity_ref: null }))
    .filter(set => !ids.has(set.hash));
  if (missing.length) {
    // Another source's import may store the same set meanwhile: its row is as good.
    for (const chunk of chunksOf(missing, INSERT_BATCH)) {
      await tx('sre_cost_tag_sets').insert(chunk).onConflict('hash').ignore();
    }
    await lookUp(missing.map(set => set.hash));
  }
  return hashes.map(hash => {
    const id = ids.get(hash);
    if (id === undefined) throw new Error('A cost tag set was not stored');
    return id;
  });
}

/** One import of a source's period: the days it replaces and the tag sets they refer to. */
export interface CostPeriodImport {
  source: string;
  origin: string;
  fingerprint?: string;
  period: { start: string; end: string };
  rows: number;
  /** The distinct tag sets (tagSetKey) the days refer to by index. */
  tagSets: string[];
  days: Iterable<CostDayWrite>;
  now: Date;
}

/** Daily cost rows by tag set, and the log of the imports that wrote them. */
export interface CostStore {
  /**
   * Replaces a source's days in [start, end) with `days`, and logs the
   * import, in one transaction: a re-import never double counts, and a
   * failed one leaves the previous data.
   */
  replacePeriod(options: CostPeriodImport): Promise<void>;
  /** The fingerprint of the last import of an origin, to skip a file that did not change. */
  lastFingerprint(source: string, origin: string): Promise<string | undefined>;
  /** The days of a source that hold final (not estimated) data. */
  finalDays(source: string): Promise<Set<string>>;
  /** Every stored row of the tag sets in [fromDay, toDay). */
  days(
    tagSetIds: number[],
    fromDay: string,
    toDay: string,
  ): Promise<CostDayRow[]>;
  /**
   * Every day of one currency in [fromDay, toDay) of every tag set,
   * allocated or not, as rows whose amounts add up to each tag set's. On
   * PostgreSQL one row per tag set, summed exactly (numeric) in the
   * database: a team's share of untagged spend needs every service's, and
   * the daily rows of thousands of services are too many to carry into the
   * process on each report. SQLite has no exact decimal type: its daily
   * rows come as stored.
   */
  allDays(
    fromDay: string,
    toDay: string,
    currency: string,
  ): Promise<Array<Pick<CostDayRow, 'tag_set_id' | 'billed' | 'effective'>>>;
  /** The currencies the tag sets have any spend in, by code. */
  currencies(tagSetIds: number[]): Promise<string[]>;
  /** How many tag sets are stored: they are only ever added, so an unchanged count is an unchanged table. */
  tagSetCount(): Promise<number>;
  /** Every stored tag set. */
  tagSets(): Promise<StoredTagSet[]>;
  /** Per source, the days [start, end) its imports covered, first to last. */
  dataSpans(): Promise<Array<{ source: string; start: string; end: string }>>;
  /** The sources that stored anything. */
  sources(): Promise<string[]>;
}

/** Daily cost rows and the import log on the plugin's database. */
export class DatabaseCostStore implements CostStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseCostStore {
    return new DatabaseCostStore(db);
  }

  async replacePeriod(options: CostPeriodImport): Promise<void> {
    await this.db.transaction(async tx => {
      if (tx.client.dialect === 'postgresql') {
        // Two imports of one source at once would each miss the other's rows
        // when deleting; one waits for the other. SQLite writes one at a time anyway.
        await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
          `sre_cost:${options.source}`,
        ]);
      }
      await tx('sre_cost_daily')
        .where('source', options.source)
        .where('day', '>=', options.period.start)
        .where('day', '<', options.period.end)
        .delete();
      const tagSetIds = await ensureTagSets(tx, options.tagSets);
      const rows = (function* dailyRows() {
        for (const { tagSetIndex, ...day } of options.days) {
          yield { ...day, tag_set_id: tagSetIds[tagSetIndex] };
        }
      })();
      const values = (row: CostDayRow) =>
        DAILY_COLUMNS.map(column => row[column]);
      if (tx.client.dialect === 'postgresql') {
        await copyRows(
          tx,
          'sre_cost_daily',
          DAILY_COLUMNS,
          mapped(rows, values),
        );
      } else if (tx.client.dialect === 'sqlite3') {
        for (const chunk of chunksOf(rows, INSERT_BATCH)) {
          await tx.raw(SQLITE_INSERT_JSON_ROWS, [
            JSON.stringify(chunk.map(values)),
          ]);
        }
      } else {
        // Another database gets knex's multi-row insert.
        for (const chunk of chunksOf(rows, INSERT_BATCH)) {
          await tx('sre_cost_daily').insert(chunk);
        }
      }
      await tx('sre_cost_imports').insert({
        source: options.source,
        origin: options.origin.slice(0, 1024),
        fingerprint: options.fingerprint ?? null,
        period_start: options.period.start,
        period_end: options.period.end,
        rows: options.rows,
        imported_at: options.now,
      });
    });
  }

  async lastFingerprint(
    source: string,
    origin: string,
  ): Promise<string | undefined> {
    const row = await this.db('sre_cost_imports')
      .where({ source, origin: origin.slice(0, 1024) })
      .orderBy('id', 'desc')
      .first('fingerprint');
    return row?.fingerprint ?? undefined;
  }

  async finalDays(source: string): Promise<Set<string>> {
    const rows: Array<{ day: string }> = await this.db('sre_cost_daily')
      .where({ source })
      .groupBy('day')
      .havingRaw('max(case when estimated then 1 else 0 end) = 0')
      .select('day');
    return new Set(rows.map(row => row.day));
  }

  async days(
    tagSetIds: number[],
    fromDay: string,
    toDay: string,
  ): Promise<CostDayRow[]> {
    const rows: CostDayRow[] = [];
    for (const chunk of chunksOf(tagSetIds, IN_BATCH)) {
      const found: CostDayRow[] = await this.db('sre_cost_daily')
        .whereIn('tag_set_id', chunk)
        .where('day', '>=', fromDay)
        .where('day', '<', toDay)
        .select();
      // SQLite returns booleans as 0/1.
      for (const row of found) {
        rows.push({ ...row, estimated: Boolean(row.estimated) });
      }
    }
    return rows;
  }

  async allDays(
    fromDay: string,
    toDay: string,
    currency: string,
  ): Promise<Array<Pick<CostDayRow, 'tag_set_id' | 'billed' | 'effective'>>> {
    const rows = this.db('sre_cost_daily')
      .where({ currency })
      .where('day', '>=', fromDay)
      .where('day', '<', toDay);
    if (this.db.client.dialect !== 'postgresql') {
      return rows.select('tag_set_id', 'billed', 'effective');
    }
    return rows
      .groupBy('tag_set_id')
      .select(
        'tag_set_id',
        this.db.raw('sum(billed::numeric)::text as billed'),
        this.db.raw('sum(effective::numeric)::text as effective'),
      );
  }

  async currencies(tagSetIds: number[]): Promise<string[]> {
    const currencies = new Set<string>();
    for (const chunk of chunksOf(tagSetIds, IN_BATCH)) {
      const rows: Array<{ currency: string }> = await this.db('sre_cost_daily')
        .whereIn('tag_set_id', chunk)
        .distinct('currency');
      for (const row of rows) currencies.add(row.currency);
    }
    return [...currencies].sort();
  }

  async tagSetCount(): Promise<number> {
    const [row] = await this.db('sre_cost_tag_sets').count({ n: '*' });
    return Number(row.n);
  }

  async tagSets(): Promise<StoredTagSet[]> {
    const rows: Array<{ id: number; tags: string; entity_ref: string | null }> =
      await this.db('sre_cost_tag_sets').select('id', 'tags', 'entity_ref');
    return rows.map(row => ({
      id: Number(row.id),
      tags: JSON.parse(row.tags),
      entityRef: row.entity_ref,
    }));
  }

  async dataSpans(): Promise<
    Array<{ source: string; start: string; end: string }>
  > {
    const rows: Array<Record<string, unknown>> = await this.db(
      'sre_cost_imports',
    )
      .groupBy('source')
      .select('source')
      .min({ start: 'period_start' })
      .max({ end: 'period_end' })
      .orderBy('source');
    return rows.map(row => ({
      source: String(row.source),
      start: String(row.start),
      end: String(row.end),
    }));
  }

  async sources(): Promise<string[]> {
    const rows: Array<{ source: string }> = await this.db('sre_cost_imports')
      .distinct('source')
      .orderBy('source');
    return rows.map(row => row.source);
  }
}
