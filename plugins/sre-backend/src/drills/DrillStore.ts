import { NotFoundError } from '@backstage/errors';
import type {
  Drill,
  DrillOutcome,
  DrillScenario,
  ReviewActionItem,
} from '@baton/plugin-sre-common';
import type { Knex } from 'knex';
import { isoTime, isoTimeOrNull, StoredTime } from '../database/timestamps';
import { ActionRow, toAction } from '../review/ReviewStore';

interface DrillRow {
  id: number | string;
  team_ref: string;
  scenario: string;
  title: string;
  planned_for: string | null;
  performed_at: StoredTime | null;
  participants: string;
  outcome: string | null;
  recovery_minutes: number | string | null;
  notes: string;
  created_at: StoredTime;
  created_by: string;
  recorded_at: StoredTime | null;
  recorded_by: string | null;
}

/** A drill to plan or record, its people and entities checked against the catalog. */
export interface NewDrill {
  teamRef: string;
  scenario: DrillScenario;
  title: string;
  entityRefs: string[];
  plannedFor: string | null;
  actor: string;
  now: Date;
  /** Recorded at once: a drill that took place without a plan. */
  record?: DrillRecord;
}

/** What recording a drill sets. */
export interface DrillRecord {
  performedAt: Date;
  participants: string[];
  outcome: DrillOutcome;
  recoveryMinutes: number | null;
  notes: string;
  actor: string;
  now: Date;
}

/** A follow-up action item raised from a drill. */
export interface NewDrillAction {
  title: string;
  ownerRef: string | null;
  due: string | null;
  link: string | null;
  actor: string;
  now: Date;
}

/** The columns a record sets. */
const recordColumns = (record: DrillRecord) => ({
  performed_at: record.performedAt,
  participants: JSON.stringify(record.participants),
  outcome: record.outcome,
  recovery_minutes: record.recoveryMinutes,
  notes: record.notes,
  recorded_at: record.now,
  recorded_by: record.actor,
});

/** Most drills a team's list reads. */
const TEAM_DRILL_LIMIT = 500;

function toDrill(
  row: DrillRow,
  entityRefs: string[],
  actionItems: ReviewActionItem[],
): Drill {
  return {
    id: String(row.id),
    teamRef: row.team_ref,
    scenario: row.scenario as DrillScenario,
    title: row.title,
    entityRefs,
    plannedFor: row.planned_for,
    performedAt: isoTimeOrNull(row.performed_at),
    participants: JSON.parse(row.participants),
    outcome: row.outcome as DrillOutcome | null,
    recoveryMinutes:
      row.recovery_minutes === null ? null : Number(row.recovery_minutes),
    notes: row.notes,
    createdAt: isoTime(row.created_at),
    createdBy: row.created_by,
    recordedAt: isoTimeOrNull(row.recorded_at),
    recordedBy: row.recorded_by,
    actionItems,
  };
}

/** Drills of teams, the entities they practised on and their action items, on the plugin's database. */
export class DrillStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DrillStore {
    return new DrillStore(db);
  }

  async create(input: NewDrill): Promise<Drill> {
    const id = await this.db.transaction(async tx => {
      const [inserted] = await tx('sre_drills')
        .insert({
          team_ref: input.teamRef,
          scenario: input.scenario,
          title: input.title,
          planned_for: input.plannedFor,
          created_at: input.now,
          created_by: input.actor,
          ...(input.record
            ? recordColumns(input.record)
            : { participants: '[]', notes: '' }),
        })
        .returning('id');
      const drillId = Number(
        typeof inserted === 'object' ? inserted.id : inserted,
      );
      await tx('sre_drill_entities').insert(
        input.entityRefs.map(entityRef => ({
          drill_id: drillId,
          entity_ref: entityRef,
        })),
      );
      return String(drillId);
    });
    return this.get(input.teamRef, id);
  }

  /** Records how a drill of the team went; a drill recorded again takes the new record. */
  async record(teamRef: string, id: string, record: DrillRecord) {
    const updated = await this.db('sre_drills')
      .where({ id: Number(id), team_ref: teamRef })
      .update(recordColumns(record));
    if (!updated) throw new NotFoundError(`${teamRef} has no drill ${id}`);
    return this.get(teamRef, id);
  }

  async addAction(
    teamRef: string,
    drillId: string,
    input: NewDrillAction,
  ): Promise<ReviewActionItem> {
    return this.db.transaction(async tx => {
      const drill = await tx('sre_drills')
        .where({ id: Number(drillId), team_ref: teamRef })
        .first('id');
      if (!drill) throw new NotFoundError(`${teamRef} has no drill ${drillId}`);
      const [row] = await tx('sre_review_actions')
        .insert({
          team_ref: teamRef,
          review_id: null,
          drill_id: Number(drillId),
          title: input.title,
          owner_ref: input.ownerRef,
          due: input.due,
          link: input.link,
          status: 'open',
          created_at: input.now,
          created_by: input.actor,
        })
        .returning('*');
      return toAction(row);
    });
  }

  async get(teamRef: string, id: string): Promise<Drill> {
    const row: DrillRow | undefined = await this.db('sre_drills')
      .where({ id: Number(id), team_ref: teamRef })
      .first();
    if (!row) throw new NotFoundError(`${teamRef} has no drill ${id}`);
    const [drill] = await this.#withDetails([row]);
    return drill;
  }

  /** A team's drills, newest first (planned ones by their day, recorded ones by when they took place). */
  async listForTeam(teamRef: string): Promise<Drill[]> {
    const rows: DrillRow[] = await this.db('sre_drills')
      .where({ team_ref: teamRef })
      .orderBy('id', 'desc')
      .limit(TEAM_DRILL_LIMIT);
    return this.#withDetails(rows);
  }

  /**
   * The drills that practised on any of the entities, newest first; with
   * `performedSince`, only those recorded as taking place since then.
   */
  async listForEntities(
    entityRefs: string[],
    options: { performedSince?: Date; limit: number },
  ): Promise<Drill[]> {
    if (!entityRefs.length) return [];
    let query = this.db('sre_drills as d')
      .whereIn(
        'd.id',
        this.db('sre_drill_entities')
          .select('drill_id')
          .whereIn('entity_ref', entityRefs),
      )
      .orderBy('d.id', 'desc')
      .limit(options.limit)
      .select('d.*');
    if (options.performedSince) {
      query = query.where('d.performed_at', '>=', options.performedSince);
    }
    return this.#withDetails(await query);
  }

  async #withDetails(rows: DrillRow[]): Promise<Drill[]> {
    if (!rows.length) return [];
    const ids = rows.map(row => Number(row.id));
    const [entityRows, actionRows] = await Promise.all([
      this.db('sre_drill_entities')
        .whereIn('drill_id', ids)
        .orderBy(['drill_id', 'entity_ref'])
        .select('drill_id', 'entity_ref') as Promise<
        Array<{ drill_id: number | string; entity_ref: string }>
      >,
      this.db<ActionRow>('sre_review_actions')
        .whereIn('drill_id', ids)
        .orderBy('id') as Promise<ActionRow[]>,
    ]);
    const entities = new Map<string, string[]>();
    for (const row of entityRows) {
      const key = String(row.drill_id);
      entities.set(key, [...(entities.get(key) ?? []), row.entity_ref]);
    }
    const actions = new Map<string, ReviewActionItem[]>();
    for (const row of actionRows) {
      const key = String(row.drill_id);
      actions.set(key, [...(actions.get(key) ?? []), toAction(row)]);
    }
    return rows
      .map(row =>
        toDrill(
          row,
          entities.get(String(row.id)) ?? [],
          actions.get(String(row.id)) ?? [],
        ),
      )
      .sort(
        (a, b) => drillTime(b) - drillTime(a) || Number(b.id) - Number(a.id),
      );
  }
}

/** When a drill happened, or is planned for. */
function drillTime(drill: Drill): number {
  if (drill.performedAt) return Date.parse(drill.performedAt);
  return drill.plannedFor ? Date.parse(drill.plannedFor) : 0;
}
