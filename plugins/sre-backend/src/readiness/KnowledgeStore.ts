import type { KnowledgeReport } from '@baton/plugin-sre-common';
import { Knex } from 'knex';

/** The stored knowledge of an entity: the report without its rule text. */
export type KnowledgeSnapshot = Omit<KnowledgeReport, 'rule'>;

/** Keeps the latest knowledge snapshot of each entity. */
export interface KnowledgeStore {
  save(snapshot: KnowledgeSnapshot): Promise<void>;
  get(entityRef: string): Promise<KnowledgeSnapshot | undefined>;
  /** The snapshots of many entities in one read; entities without one are absent. */
  getMany(entityRefs: string[]): Promise<Map<string, KnowledgeSnapshot>>;
}

interface KnowledgeRow {
  entity_ref: string;
  computed_at: Date | string;
  status: string;
  error: string | null;
  error_at: Date | string | null;
  repositories: string;
  truck_factor: number | null;
  file_count: number;
  files_without_author: number;
  mode: string;
  people: string;
  truck_factor_authors: string;
  author_sets: string;
  iac_files: number;
  /** JSON; null before it was read and when the runbook is in none of the repositories. */
  runbook?: string | null;
}

/** KnowledgeStore on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseKnowledgeStore implements KnowledgeStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseKnowledgeStore {
    return new DatabaseKnowledgeStore(db);
  }

  async save(snapshot: KnowledgeSnapshot): Promise<void> {
    const row: KnowledgeRow = {
      entity_ref: snapshot.entityRef,
      computed_at: new Date(snapshot.computedAt),
      status: snapshot.status,
      error: snapshot.error?.message ?? snapshot.refreshError?.message ?? null,
      error_at: snapshot.refreshError
        ? new Date(snapshot.refreshError.at)
        : null,
      repositories: JSON.stringify(snapshot.repositories),
      truck_factor: snapshot.truckFactor,
      file_count: snapshot.fileCount,
      files_without_author: snapshot.filesWithoutAuthor,
      mode: snapshot.mode,
      people: JSON.stringify(snapshot.people),
      truck_factor_authors: JSON.stringify(snapshot.truckFactorAuthors),
      author_sets: JSON.stringify(snapshot.authorSets),
      iac_files: snapshot.iacFiles,
      runbook: snapshot.runbook ? JSON.stringify(snapshot.runbook) : null,
    };
    // One row per entity; concurrent refreshes on replicas collapse to the last write.
    await this.db<KnowledgeRow>('sre_knowledge')
      .insert(row)
      .onConflict('entity_ref')
      .merge();
  }

  async get(entityRef: string): Promise<KnowledgeSnapshot | undefined> {
    return (await this.getMany([entityRef])).get(entityRef);
  }

  async getMany(entityRefs: string[]): Promise<Map<string, KnowledgeSnapshot>> {
    const snapshots = new Map<string, KnowledgeSnapshot>();
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await this.db<KnowledgeRow>('sre_knowledge').whereIn(
        'entity_ref',
        entityRefs.slice(i, i + 500),
      );
      for (const row of rows) snapshots.set(row.entity_ref, snapshotOf(row));
    }
    return snapshots;
  }
}

function snapshotOf(row: KnowledgeRow): KnowledgeSnapshot {
  return {
    entityRef: row.entity_ref,
    computedAt: new Date(row.computed_at).toISOString(),
    status: row.status === 'ok' ? 'ok' : 'error',
    ...(row.error && row.status !== 'ok'
      ? { error: { message: row.error } }
      : {}),
    ...(row.error && row.status === 'ok'
      ? {
          refreshError: {
            message: row.error,
            at: new Date(row.error_at ?? row.computed_at).toISOString(),
          },
        }
      : {}),
    repositories: JSON.parse(row.repositories),
    truckFactor: row.truck_factor,
    fileCount: row.file_count,
    filesWithoutAuthor: row.files_without_author,
    mode: row.mode === 'classic' ? 'classic' : 'pairing',
    people: JSON.parse(row.people),
    truckFactorAuthors: JSON.parse(row.truck_factor_authors),
    authorSets: JSON.parse(row.author_sets),
    iacFiles: row.iac_files,
    ...(row.runbook ? { runbook: JSON.parse(row.runbook) } : {}),
  };
}
