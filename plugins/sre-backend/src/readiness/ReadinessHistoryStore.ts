import type { ReadinessTrendPoint } from '@baton/plugin-sre-common';
import { Knex } from 'knex';

/** Keeps one readiness snapshot per entity and day. */
export interface ReadinessHistoryStore {
  /** Records the day's snapshot of each entity; a later one the same day replaces it. */
  record(
    day: string,
    points: Array<{ entityRef: string } & Omit<ReadinessTrendPoint, 'day'>>,
  ): Promise<void>;
  /** Each entity's snapshots since a day, oldest first. */
  trends(
    entityRefs: string[],
    sinceDay: string,
  ): Promise<Map<string, ReadinessTrendPoint[]>>;
}

interface HistoryRow {
  entity_ref: string;
  day: string;
  score: number;
  level: string;
  truck_factor: number | null;
}

/** ReadinessHistoryStore on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseReadinessHistoryStore implements ReadinessHistoryStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseReadinessHistoryStore {
    return new DatabaseReadinessHistoryStore(db);
  }

  async record(
    day: string,
    points: Array<{ entityRef: string } & Omit<ReadinessTrendPoint, 'day'>>,
  ): Promise<void> {
    if (points.length === 0) return;
    const rows: HistoryRow[] = points.map(point => ({
      entity_ref: point.entityRef,
      day,
      score: point.score,
      level: point.level,
      truck_factor: point.truckFactor,
    }));
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 100) {
      await this.db<HistoryRow>('sre_readiness_history')
        .insert(rows.slice(i, i + 100))
        .onConflict(['entity_ref', 'day'])
        .merge();
    }
  }

  async trends(
    entityRefs: string[],
    sinceDay: string,
  ): Promise<Map<string, ReadinessTrendPoint[]>> {
    const trends = new Map<string, ReadinessTrendPoint[]>(
      entityRefs.map(ref => [ref, []]),
    );
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await this.db<HistoryRow>('sre_readiness_history')
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .andWhere('day', '>=', sinceDay)
        .orderBy('day', 'asc');
      for (const row of rows) {
        trends.get(row.entity_ref)!.push({
          day: row.day,
          score: row.score,
          level: row.level as ReadinessTrendPoint['level'],
          truckFactor: row.truck_factor,
        });
      }
    }
    return trends;
  }
}
