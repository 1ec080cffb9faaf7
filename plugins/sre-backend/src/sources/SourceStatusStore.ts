import type {
  SourceCounts,
  SourceKind,
  SourceStatus,
  SourceTrigger,
} from '@baton/plugin-sre-common';
import { Knex } from 'knex';
import { isoTimeOrNull, StoredTime } from '../database/timestamps';

const TABLE = 'sre_source_status';

/** What a source is, as declared at start-up and written with each run. */
export interface SourceDescriptor {
  id: string;
  kind: SourceKind;
  trigger: SourceTrigger;
  provider: string;
}

interface SourceStatusRow {
  id: string;
  kind: SourceKind;
  trigger: SourceTrigger;
  provider: string;
  last_success_at: StoredTime | null;
  last_counts: string | null;
  last_error: string | null;
  last_error_at: StoredTime | null;
  runs: number;
}

/** The last run of each scheduled pull and webhook, as the sources page reads it. */
export interface SourceStatusStore {
  recordSuccess(
    source: SourceDescriptor,
    counts: SourceCounts,
    at: Date,
  ): Promise<void>;
  recordFailure(
    source: SourceDescriptor,
    message: string,
    at: Date,
  ): Promise<void>;
  list(): Promise<SourceStatus[]>;
}

/**
 * One row per source: each write is an upsert keyed by the source's id, so
 * the replicas that share the database never add a second row, and a success
 * leaves the last error (and an error the last success) as they were. Each
 * write also counts one finished run, incremented in the database so that
 * replicas writing at once lose no count.
 */
export class DatabaseSourceStatusStore implements SourceStatusStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseSourceStatusStore {
    return new DatabaseSourceStatusStore(db);
  }

  async recordSuccess(
    source: SourceDescriptor,
    counts: SourceCounts,
    at: Date,
  ): Promise<void> {
    await this.#upsert(source, {
      last_success_at: at,
      last_counts: JSON.stringify(counts),
    });
  }

  async recordFailure(
    source: SourceDescriptor,
    message: string,
    at: Date,
  ): Promise<void> {
    await this.#upsert(source, { last_error: message, last_error_at: at });
  }

  /** Writes these columns (and what the source is), leaving the others as they were. */
  async #upsert(
    source: SourceDescriptor,
    run: Partial<Omit<SourceStatusRow, keyof SourceDescriptor | 'runs'>>,
  ): Promise<void> {
    const values = {
      kind: source.kind,
      trigger: source.trigger,
      provider: source.provider,
      ...run,
    };
    await this.db(TABLE)
      .insert({ id: source.id, ...values, runs: 1 })
      .onConflict('id')
      .merge({
        ...values,
        runs: this.db.raw('??.?? + 1', [TABLE, 'runs']),
      });
  }

  async list(): Promise<SourceStatus[]> {
    const rows: SourceStatusRow[] = await this.db(TABLE).orderBy('id');
    return rows.map(row => ({
      id: row.id,
      kind: row.kind,
      trigger: row.trigger,
      provider: row.provider,
      lastSuccessAt: isoTimeOrNull(row.last_success_at),
      lastCounts: row.last_counts === null ? null : JSON.parse(row.last_counts),
      lastError: row.last_error,
      lastErrorAt: isoTimeOrNull(row.last_error_at),
    }));
  }
}
