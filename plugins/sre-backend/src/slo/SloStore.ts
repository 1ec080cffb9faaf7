import type {
  SloCumulativePoint,
  SloDefinition,
  SloProblem,
  SloStepCounts,
} from '@baton/plugin-sre-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';

/** The OpenSLO definitions last read for an entity. */
export interface SloEntityRecord {
  entityRef: string;
  definitions: SloDefinition[];
  problems: SloProblem[];
  maintenance: string | null;
  readAt: Date;
}

/** One SLI series: the snapshots of one SLO objective. */
export interface SloSeries {
  id: number;
  entityRef: string;
  sloName: string;
  objectiveIndex: number;
  definitionHash: string;
  firstStep: number | null;
  lastStep: number | null;
  lastEvaluatedAt: Date | null;
  lastError: string | null;
}

interface SeriesRow {
  id: number;
  entity_ref: string;
  slo_name: string;
  objective_index: number;
  definition_hash: string;
  first_step: string | number | null;
  last_step: string | number | null;
  last_evaluated_at: Date | string | null;
  last_error: string | null;
}

interface SnapshotRow {
  series_id: number;
  step_end: string | number;
  good: number;
  total: number;
  cum_good: number;
  cum_total: number;
}

// PostgreSQL returns bigint columns as strings.
const toNumber = (value: string | number | null) =>
  value === null ? null : Number(value);

const toSeries = (row: SeriesRow): SloSeries => ({
  id: row.id,
  entityRef: row.entity_ref,
  sloName: row.slo_name,
  objectiveIndex: row.objective_index,
  definitionHash: row.definition_hash,
  firstStep: toNumber(row.first_step),
  lastStep: toNumber(row.last_step),
  lastEvaluatedAt: row.last_evaluated_at
    ? new Date(row.last_evaluated_at)
    : null,
  lastError: row.last_error,
});

/** A live claim on an entity's SLI backfill, held by one replica. */
export interface SloBackfillClaim {
  entityRef: string;
  /** Random per claim: only its holder extends or releases it. */
  token: string;
}

/** Rows per insert statement: knex writes a multi-row insert on SQLite as a compound SELECT, limited to 500 terms. */
const INSERT_BATCH = 400;

/** What identifies an objective's series, with the hash of its definition. */
export interface SloSeriesKey {
  entityRef: string;
  sloName: string;
  objectiveIndex: number;
  definitionHash: string;
}

/** A claim on an entity's backfill, asked for by `owner` until `expiresAt`. */
export interface SloBackfillClaimRequest {
  entityRef: string;
  owner: string;
  now: Date;
  expiresAt: Date;
}

/** The SLO definitions seen per entity, their SLI series and the backfill claims. */
export interface SloStore {
  saveEntity(record: SloEntityRecord): Promise<void>;
  getEntity(entityRef: string): Promise<SloEntityRecord | undefined>;
  /** How many usable SLOs each entity declared when last read; entities never read are absent. */
  countDefinitions(entityRefs: string[]): Promise<Map<string, number>>;
  /**
   * The series of an objective, created if new. A changed definition hash
   * means other queries or threshold: the old snapshots no longer describe
   * this SLI, so they are dropped and the series starts again.
   */
  ensureSeries(key: SloSeriesKey): Promise<SloSeries>;
  listSeries(entityRef: string): Promise<SloSeries[]>;
  /** Drops the series of SLOs or objectives the entity no longer declares. */
  removeSeriesExcept(entityRef: string, keep: number[]): Promise<void>;
  /**
   * Appends step counts after the series' last stored step, with running
   * totals, in one transaction. Steps at or before the last stored one are
   * ignored, so a concurrent refresh on another replica cannot store a step
   * twice or break the running totals. Returns the steps stored.
   */
  appendSteps(
    seriesId: number,
    steps: SloStepCounts[],
    evaluatedAt: Date,
  ): Promise<number>;
  recordError(seriesId: number, error: string, at: Date): Promise<void>;
  /** Running totals at the given step ends (the rows that exist among them). */
  readPoints(
    seriesId: number,
    stepEnds: number[],
  ): Promise<SloCumulativePoint[]>;
  /** Drops snapshots that ended before `before`; running totals stay valid. */
  prune(seriesId: number, before: number): Promise<void>;
  /**
   * Claims the entity's backfill until `expiresAt`, atomically: a free
   * entity by inserting the row, a dead holder's (expired) claim by taking
   * it over. Undefined while another holder's claim is live.
   */
  claimBackfill(
    options: SloBackfillClaimRequest,
  ): Promise<SloBackfillClaim | undefined>;
  /** Keeps a claim alive while its work runs; false when it was lost (expired and taken over). */
  extendBackfillClaim(
    claim: SloBackfillClaim,
    expiresAt: Date,
  ): Promise<boolean>;
  releaseBackfillClaim(claim: SloBackfillClaim): Promise<void>;
}

/** SLO definitions, series and SLI snapshots on the plugin's database. */
export class DatabaseSloStore implements SloStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseSloStore {
    return new DatabaseSloStore(db);
  }

  async saveEntity(record: SloEntityRecord): Promise<void> {
    await this.db('sre_slo_entities')
      .insert({
        entity_ref: record.entityRef,
        definitions: JSON.stringify(record.definitions),
        problems: JSON.stringify(record.problems),
        maintenance: record.maintenance,
        read_at: record.readAt,
      })
      .onConflict('entity_ref')
      .merge();
  }

  async getEntity(entityRef: string): Promise<SloEntityRecord | undefined> {
    const row = await this.db('sre_slo_entities')
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    return {
      entityRef: row.entity_ref,
      definitions: JSON.parse(row.definitions),
      problems: JSON.parse(row.problems),
      maintenance: row.maintenance,
      readAt: new Date(row.read_at),
    };
  }

  async countDefinitions(entityRefs: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const rows: Array<{ entity_ref: string; definitions: string }> =
      await this.db('sre_slo_entities')
        .whereIn('entity_ref', entityRefs)
        .select('entity_ref', 'definitions');
    for (const row of rows) {
      counts.set(row.entity_ref, JSON.parse(row.definitions).length);
    }
    return counts;
  }

  async ensureSeries(key: SloSeriesKey): Promise<SloSeries> {
    const where = {
      entity_ref: key.entityRef,
      slo_name: key.sloName,
      objective_index: key.objectiveIndex,
    };
    await this.db('sre_slo_series')
      .insert({ ...where, definition_hash: key.definitionHash })
      .onConflict(['entity_ref', 'slo_name', 'objective_index'])
      .ignore();
    let row: SeriesRow = await this.db('sre_slo_series').where(where).first();
    if (row.definition_hash !== key.definitionHash) {
      await this.db.transaction(async tx => {
        await tx('sre_sli_snapshots').where({ series_id: row.id }).delete();
        await tx('sre_slo_series').where({ id: row.id }).update({
          definition_hash: key.definitionHash,
          first_step: null,
          last_step: null,
          last_error: null,
        });
      });
      row = await this.db('sre_slo_series').where(where).first();
    }
    return toSeries(row);
  }

  async listSeries(entityRef: string): Promise<SloSeries[]> {
    const rows: SeriesRow[] = await this.db('sre_slo_series').where({
      entity_ref: entityRef,
    });
    return rows.map(toSeries);
  }

  async removeSeriesExcept(entityRef: string, keep: number[]): Promise<void> {
    const stale = this.db('sre_slo_series')
      .where({ entity_ref: entityRef })
      .whereNotIn('id', keep)
      .select('id');
    await this.db.transaction(async tx => {
      await tx('sre_sli_snapshots')
        .whereIn('series_id', stale.clone())
        .delete();
      await tx('sre_slo_series')
        .where({ entity_ref: entityRef })
        .whereNotIn('id', keep)
        .delete();
    });
  }

  async appendSteps(
    seriesId: number,
    steps: SloStepCounts[],
    evaluatedAt: Date,
  ): Promise<number> {
    return this.db.transaction(async tx => {
      // Locks the series row on PostgreSQL; SQLite serialises writers anyway.
      const row: SeriesRow = await tx('sre_slo_series')
        .where({ id: seriesId })
        .forUpdate()
        .first();
      const lastStep = toNumber(row.last_step);
      const fresh = steps
        .filter(step => lastStep === null || step.timestamp > lastStep)
        .sort((a, b) => a.timestamp - b.timestamp);
      let cumGood = 0;
      let cumTotal = 0;
      if (lastStep !== null) {
        const last: SnapshotRow | undefined = await tx('sre_sli_snapshots')
          .where({ series_id: seriesId, step_end: lastStep })
          .first();
        cumGood = last?.cum_good ?? 0;
        cumTotal = last?.cum_total ?? 0;
      }
      const rows: SnapshotRow[] = fresh.map(step => {
        cumGood += step.good;
        cumTotal += step.total;
        return {
          series_id: seriesId,
          step_end: step.timestamp,
          good: step.good,
          total: step.total,
          cum_good: cumGood,
          cum_total: cumTotal,
        };
      });
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await tx('sre_sli_snapshots').insert(rows.slice(i, i + INSERT_BATCH));
      }
      await tx('sre_slo_series')
        .where({ id: seriesId })
        .update({
          ...(rows.length
            ? {
                last_step: rows[rows.length - 1].step_end,
                first_step:
                  row.first_step === null ? rows[0].step_end : row.first_step,
              }
            : {}),
          last_evaluated_at: evaluatedAt,
          last_error: null,
        });
      return rows.length;
    });
  }

  async recordError(seriesId: number, error: string, at: Date): Promise<void> {
    await this.db('sre_slo_series')
      .where({ id: seriesId })
      .update({ last_error: error, last_evaluated_at: at });
  }

  async readPoints(
    seriesId: number,
    stepEnds: number[],
  ): Promise<SloCumulativePoint[]> {
    const rows: SnapshotRow[] = await this.db('sre_sli_snapshots')
      .where({ series_id: seriesId })
      .whereIn('step_end', stepEnds)
      .select('step_end', 'cum_good', 'cum_total');
    return rows.map(row => ({
      timestamp: Number(row.step_end),
      good: row.cum_good,
      total: row.cum_total,
    }));
  }

  async prune(seriesId: number, before: number): Promise<void> {
    await this.db('sre_sli_snapshots')
      .where({ series_id: seriesId })
      .where('step_end', '<', before)
      .delete();
  }

  async claimBackfill(
    options: SloBackfillClaimRequest,
  ): Promise<SloBackfillClaim | undefined> {
    const token = randomUUID();
    const row = {
      owner: options.owner,
      token,
      claimed_at: options.now,
      expires_at: options.expiresAt,
    };
    // The WHERE is checked again under the row lock: of two replicas taking
    // over the same expired claim, only one updates it.
    const tookOver = await this.db('sre_slo_backfill_claims')
      .where({ entity_ref: options.entityRef })
      .where('expires_at', '<=', options.now)
      .update(row);
    if (!tookOver) {
      await this.db('sre_slo_backfill_claims')
        .insert({ entity_ref: options.entityRef, ...row })
        .onConflict('entity_ref')
        .ignore();
      const held = await this.db('sre_slo_backfill_claims')
        .where({ entity_ref: options.entityRef })
        .first('token');
      if (held?.token !== token) return undefined;
    }
    return { entityRef: options.entityRef, token };
  }

  async extendBackfillClaim(
    claim: SloBackfillClaim,
    expiresAt: Date,
  ): Promise<boolean> {
    const updated = await this.db('sre_slo_backfill_claims')
      .where({ entity_ref: claim.entityRef, token: claim.token })
      .update({ expires_at: expiresAt });
    return updated > 0;
  }

  async releaseBackfillClaim(claim: SloBackfillClaim): Promise<void> {
    await this.db('sre_slo_backfill_claims')
      .where({ entity_ref: claim.entityRef, token: claim.token })
      .delete();
  }
}
