import { Knex } from 'knex';

/** One stored day of spend. Amounts are exact decimal strings. */
export interface CostDayRow {
  source: string;
  day: string;
  /** '' for spend no entity claims. */
  entity_ref: string;
  service_name: string;
  currency: string;
  billed: string;
  effective: string;
  estimated: boolean;
}

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

const DAILY_COLUMNS = [
  'source',
  'day',
  'entity_ref',
  'service_name',
  'currency',
  'billed',
  'effective',
  'estimated',
] as const;

// Rows go in as one JSON array per statement, not as 8 bound parameters per
// row: the SQL stays short and the same for every batch. A 500-row multi-row
// insert is a 75 kB statement that better-sqlite3 keeps in native memory
// until a full GC; a whole import held ~100 MB of them.
/** By knex dialect; another database gets knex's multi-row insert. */
const INSERT_JSON_ROWS: Record<string, string> = {
  sqlite3: `INSERT INTO sre_cost_daily (${DAILY_COLUMNS.join(', ')})
    SELECT ${DAILY_COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(
      ', ',
    )} FROM json_each(?)`,
  postgresql: `INSERT INTO sre_cost_daily (${DAILY_COLUMNS.join(', ')})
    SELECT ${DAILY_COLUMNS.map((column, i) =>
      column === 'estimated' ? `(r->>${i})::boolean` : `r->>${i}`,
    ).join(', ')} FROM json_array_elements(?::json) AS r`,
};

/** Daily cost rows and the import log on the plugin's database. */
export class CostStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): CostStore {
    return new CostStore(db);
  }

  /**
   * Replaces a source's days in [start, end) with `days`, and logs the
   * import, in one transaction: a re-import never double counts, and a
   * failed one leaves the previous data.
   */
  async replacePeriod(options: {
    source: string;
    origin: string;
    fingerprint?: string;
    period: { start: string; end: string };
    rows: number;
    days: Iterable<CostDayRow>;
    now: Date;
  }): Promise<void> {
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
      const insertJson = INSERT_JSON_ROWS[tx.client.dialect];
      const insert = (chunk: CostDayRow[]) =>
        insertJson
          ? tx.raw(insertJson, [
              JSON.stringify(
                chunk.map(row => DAILY_COLUMNS.map(column => row[column])),
              ),
            ])
          : tx('sre_cost_daily').insert(chunk);
      let chunk: CostDayRow[] = [];
      for (const day of options.days) {
        chunk.push(day);
        if (chunk.length === INSERT_BATCH) {
          await insert(chunk);
          chunk = [];
        }
      }
      if (chunk.length) await insert(chunk);
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

  /** The fingerprint of the last import of an origin, to skip a file that did not change. */
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

  /** The days of a source that hold final (not estimated) data. */
  async finalDays(source: string): Promise<Set<string>> {
    const rows: Array<{ day: string }> = await this.db('sre_cost_daily')
      .where({ source })
      .groupBy('day')
      .havingRaw('max(case when estimated then 1 else 0 end) = 0')
      .select('day');
    return new Set(rows.map(row => row.day));
  }

  /** Every stored row of the entities (or of unallocated spend, ref '') in [fromDay, toDay). */
  async days(
    entityRefs: string[],
    fromDay: string,
    toDay: string,
  ): Promise<CostDayRow[]> {
    if (!entityRefs.length) return [];
    const rows: CostDayRow[] = await this.db('sre_cost_daily')
      .whereIn('entity_ref', entityRefs)
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
      .select();
    // SQLite returns booleans as 0/1.
    return rows.map(row => ({ ...row, estimated: Boolean(row.estimated) }));
  }

  /** Every entity's rows (and the unallocated ones) of one currency in [fromDay, toDay). */
  async allDays(
    fromDay: string,
    toDay: string,
    currency: string,
  ): Promise<CostDayRow[]> {
    return this.db('sre_cost_daily')
      .where({ currency })
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
      .select('entity_ref', 'billed', 'effective');
  }

  /** The currencies each entity has any spend in, largest total first is up to the caller. */
  async currencies(entityRefs: string[]): Promise<string[]> {
    if (!entityRefs.length) return [];
    const rows: Array<{ currency: string }> = await this.db('sre_cost_daily')
      .whereIn('entity_ref', entityRefs)
      .distinct('currency')
      .orderBy('currency');
    return rows.map(row => row.currency);
  }

  /** Per source, the days [start, end) its imports covered, first to last. */
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

  /** The sources that stored anything. */
  async sources(): Promise<string[]> {
    const rows: Array<{ source: string }> = await this.db('sre_cost_imports')
      .distinct('source')
      .orderBy('source');
    return rows.map(row => row.source);
  }
}
