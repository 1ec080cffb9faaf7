import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Review,
  ReviewActionItem,
  ReviewActionStatus,
  ReviewAgenda,
  ReviewSummary,
} from '@baton/plugin-sre-common';
import { Knex } from 'knex';
import { isoTime, isoTimeOrNull } from '../database/timestamps';

interface ReviewRow {
  id: number | string;
  team_ref: string;
  state: string;
  since: Date | string | number;
  started_at: Date | string | number;
  started_by: string;
  finished_at: Date | string | number | null;
  finished_by: string | null;
  attendees: string;
  notes: string;
  revision: number;
  agenda?: string | null;
}

/** A row of `sre_review_actions`: an item raised in a review, or from a drill. */
export interface ActionRow {
  id: number | string;
  team_ref: string;
  review_id: number | string | null;
  drill_id?: number | string | null;
  title: string;
  owner_ref: string | null;
  due: string | null;
  link: string | null;
  status: string;
  created_at: Date | string | number;
  created_by: string;
  closed_at: Date | string | number | null;
  closed_by: string | null;
  closed_in_review_id: number | string | null;
}

/** The summary columns: notes and agenda snapshots stay in the database until one review is read. */
const SUMMARY_COLUMNS = [
  'id',
  'team_ref',
  'state',
  'since',
  'started_at',
  'started_by',
  'finished_at',
  'finished_by',
  'attendees',
  'revision',
];

function toSummary(row: ReviewRow): ReviewSummary {
  return {
    id: String(row.id),
    teamRef: row.team_ref,
    state:
      row.state === 'finished' || row.state === 'abandoned'
        ? row.state
        : 'in-progress',
    since: isoTime(row.since),
    startedAt: isoTime(row.started_at),
    startedBy: row.started_by,
    finishedAt: isoTimeOrNull(row.finished_at),
    finishedBy: row.finished_by,
    attendees: JSON.parse(row.attendees),
    revision: Number(row.revision),
  };
}

export function toAction(row: ActionRow): ReviewActionItem {
  return {
    id: String(row.id),
    reviewId: row.review_id === null ? null : String(row.review_id),
    ...(row.drill_id !== undefined && row.drill_id !== null
      ? { drillId: String(row.drill_id) }
      : {}),
    title: row.title,
    ownerRef: row.owner_ref,
    due: row.due,
    link: row.link,
    status: row.status as ReviewActionStatus,
    createdAt: isoTime(row.created_at),
    createdBy: row.created_by,
    closedAt: isoTimeOrNull(row.closed_at),
    closedBy: row.closed_by,
    closedInReviewId:
      row.closed_in_review_id === null ? null : String(row.closed_in_review_id),
  };
}

/** Fields of an action item a person may change. */
export interface ActionItemChange {
  title?: string;
  ownerRef?: string | null;
  due?: string | null;
  link?: string | null;
  status?: ReviewActionStatus;
}

/** A review to start for a team. */
export interface ReviewStart {
  teamRef: string;
  since: Date;
  attendees: string[];
  actor: string;
  now: Date;
}

/** Changed notes or attendees of a review in progress, at the revision the editor saw. */
export interface ReviewUpdate {
  teamRef: string;
  id: string;
  revision: number;
  notes?: string;
  attendees?: string[];
  now: Date;
}

/** Finishing a review, with the agenda it looked at. */
export interface ReviewFinish {
  teamRef: string;
  id: string;
  actor: string;
  agenda: ReviewAgenda;
  now: Date;
}

/** Abandoning a review in progress. */
export interface ReviewAbandon {
  teamRef: string;
  id: string;
  actor: string;
  now: Date;
}

/** An action item to add to a review in progress. */
export interface NewActionItem {
  teamRef: string;
  reviewId: string;
  title: string;
  ownerRef: string | null;
  due: string | null;
  link: string | null;
  actor: string;
  now: Date;
}

/** A change to one of a team's action items, by whom and when. */
export interface ActionItemUpdate {
  teamRef: string;
  actionId: string;
  change: ActionItemChange;
  actor: string;
  now: Date;
}

/** Team reviews, their agendas and their action items. */
export interface ReviewStore {
  /** Starts a review; a ConflictError when the team has one in progress. */
  start(input: ReviewStart): Promise<Review>;
  /** One review of the team with its notes and action items; undefined when the team has no such review. */
  get(teamRef: string, id: string): Promise<Review | undefined>;
  /** The agenda snapshot a finished review took; null before it finished. */
  agendaOf(teamRef: string, id: string): Promise<ReviewAgenda | null>;
  inProgress(teamRef: string): Promise<Review | undefined>;
  /** Finished reviews of the team, newest first. */
  finished(teamRef: string, limit: number): Promise<ReviewSummary[]>;
  /** The last finished review of any of the teams. */
  lastFinished(teamRefs: string[]): Promise<ReviewSummary | undefined>;
  /**
   * Changes notes or attendees of a review in progress, if it is still at
   * `revision`: a ConflictError otherwise, so that nobody overwrites a save
   * they did not see.
   */
  update(input: ReviewUpdate): Promise<Review>;
  /** Finishes a review in progress and keeps the agenda it looked at. */
  finish(input: ReviewFinish): Promise<Review>;
  /** Abandons a review in progress: it keeps its notes and items, and never becomes the last review. */
  abandon(input: ReviewAbandon): Promise<Review>;
  /** Adds an action item to a review in progress. */
  addAction(input: NewActionItem): Promise<ReviewActionItem>;
  /**
   * Changes an action item of the team. Marking it done or dropped records
   * who, when, and the review in progress then (if any); opening it again
   * clears those.
   */
  updateAction(input: ActionItemUpdate): Promise<ReviewActionItem>;
  /** Open action items of every review of the team, oldest first. */
  openActions(teamRef: string): Promise<ReviewActionItem[]>;
}

/** Reviews and their action items on the plugin's database. */
export class DatabaseReviewStore implements ReviewStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseReviewStore {
    return new DatabaseReviewStore(db);
  }

  async start(input: ReviewStart): Promise<Review> {
    let id: number | string;
    try {
      const [row] = await this.db('sre_reviews')
        .insert({
          team_ref: input.teamRef,
          state: 'in-progress',
          since: input.since,
          started_at: input.now,
          started_by: input.actor,
          attendees: JSON.stringify(input.attendees),
          notes: '',
          revision: 1,
          updated_at: input.now,
        })
        .returning('id');
      id = typeof row === 'object' ? row.id : row;
    } catch (error) {
      // Only the one-in-progress index can conflict on this insert.
      if (isDatabaseConflictError(error)) {
        const current = await this.inProgress(input.teamRef);
        throw new ConflictError(
          `${input.teamRef} has a review in progress already${
            current
              ? `, started by ${current.startedBy} at ${current.startedAt}`
              : ''
          }`,
        );
      }
      throw error;
    }
    return (await this.get(input.teamRef, String(id)))!;
  }

  async get(teamRef: string, id: string): Promise<Review | undefined> {
    const row: ReviewRow | undefined = await this.db('sre_reviews')
      .where({ id: Number(id), team_ref: teamRef })
      .first();
    if (!row) return undefined;
    const actions: ActionRow[] = await this.db('sre_review_actions')
      .where({ review_id: row.id })
      .orderBy('id');
    return {
      ...toSummary(row),
      notes: row.notes,
      actionItems: actions.map(toAction),
    };
  }

  async agendaOf(teamRef: string, id: string): Promise<ReviewAgenda | null> {
    const row = await this.db('sre_reviews')
      .where({ id: Number(id), team_ref: teamRef })
      .first('agenda');
    return row?.agenda ? JSON.parse(row.agenda) : null;
  }

  async inProgress(teamRef: string): Promise<Review | undefined> {
    const row = await this.db('sre_reviews')
      .where({ team_ref: teamRef, state: 'in-progress' })
      .first('id');
    return row ? this.get(teamRef, String(row.id)) : undefined;
  }

  async finished(teamRef: string, limit: number): Promise<ReviewSummary[]> {
    const rows: ReviewRow[] = await this.db('sre_reviews')
      .where({ team_ref: teamRef, state: 'finished' })
      .orderBy([
        { column: 'finished_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select(SUMMARY_COLUMNS);
    return rows.map(toSummary);
  }

  async lastFinished(teamRefs: string[]): Promise<ReviewSummary | undefined> {
    if (!teamRefs.length) return undefined;
    const row: ReviewRow | undefined = await this.db('sre_reviews')
      .whereIn('team_ref', teamRefs)
      .where({ state: 'finished' })
      .orderBy([
        { column: 'finished_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first(SUMMARY_COLUMNS);
    return row ? toSummary(row) : undefined;
  }

  async update(input: ReviewUpdate): Promise<Review> {
    const changed = await this.db('sre_reviews')
      .where({
        id: Number(input.id),
        team_ref: input.teamRef,
        state: 'in-progress',
        revision: input.revision,
      })
      .update({
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.attendees !== undefined
          ? { attendees: JSON.stringify(input.attendees) }
          : {}),
        revision: input.revision + 1,
        updated_at: input.now,
      });
    if (!changed) throw await this.#whyNotChangeable(input);
    return (await this.get(input.teamRef, input.id))!;
  }

  async finish(input: ReviewFinish): Promise<Review> {
    return this.#end(input, {
      state: 'finished',
      agenda: JSON.stringify(input.agenda),
    });
  }

  async abandon(input: ReviewAbandon): Promise<Review> {
    return this.#end(input, { state: 'abandoned' });
  }

  /** Ends a review in progress, once: whoever comes second gets the 409. */
  async #end(
    input: { teamRef: string; id: string; actor: string; now: Date },
    end: { state: 'finished' | 'abandoned'; agenda?: string },
  ): Promise<Review> {
    const changed = await this.db('sre_reviews')
      .where({
        id: Number(input.id),
        team_ref: input.teamRef,
        state: 'in-progress',
      })
      .update({
        ...end,
        finished_at: input.now,
        finished_by: input.actor,
        revision: this.db.raw('revision + 1'),
        updated_at: input.now,
      });
    if (!changed) throw await this.#whyNotChangeable(input);
    return (await this.get(input.teamRef, input.id))!;
  }

  async #whyNotChangeable(input: {
    teamRef: string;
    id: string;
    revision?: number;
  }): Promise<Error> {
    const row: ReviewRow | undefined = await this.db('sre_reviews')
      .where({ id: Number(input.id), team_ref: input.teamRef })
      .first(SUMMARY_COLUMNS);
    if (!row) {
      return new NotFoundError(`${input.teamRef} has no review ${input.id}`);
    }
    if (row.state === 'finished' || row.state === 'abandoned') {
      return new ConflictError(
        `Review ${input.id} was ${row.state} at ${isoTimeOrNull(
          row.finished_at,
        )}; a ${row.state} review does not change`,
      );
    }
    return new ConflictError(
      `revision: review ${input.id} is at revision ${row.revision}, not ${input.revision}; someone saved it meanwhile, so reload it before saving`,
    );
  }

  async addAction(input: NewActionItem): Promise<ReviewActionItem> {
    return this.db.transaction(async tx => {
      // Locks the review's row on PostgreSQL: a review cannot finish while an item is added.
      const review = await tx('sre_reviews')
        .where({ id: Number(input.reviewId), team_ref: input.teamRef })
        .forUpdate()
        .first('state', 'finished_at');
      if (!review) {
        throw new NotFoundError(
          `${input.teamRef} has no review ${input.reviewId}`,
        );
      }
      if (review.state !== 'in-progress') {
        throw new ConflictError(
          `Review ${input.reviewId} is finished; add the item in a review in progress`,
        );
      }
      const [row] = await tx('sre_review_actions')
        .insert({
          team_ref: input.teamRef,
          review_id: Number(input.reviewId),
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

  async updateAction(input: ActionItemUpdate): Promise<ReviewActionItem> {
    const { change } = input;
    return this.db.transaction(async tx => {
      const current: ActionRow | undefined = await tx('sre_review_actions')
        .where({ id: Number(input.actionId), team_ref: input.teamRef })
        .forUpdate()
        .first();
      if (!current) {
        throw new NotFoundError(
          `${input.teamRef} has no action item ${input.actionId}`,
        );
      }
      const update: Record<string, unknown> = {};
      if (change.title !== undefined) update.title = change.title;
      if (change.ownerRef !== undefined) update.owner_ref = change.ownerRef;
      if (change.due !== undefined) update.due = change.due;
      if (change.link !== undefined) update.link = change.link;
      if (change.status !== undefined && change.status !== current.status) {
        update.status = change.status;
        if (change.status === 'open') {
          Object.assign(update, {
            closed_at: null,
            closed_by: null,
            closed_in_review_id: null,
          });
        } else {
          const review = await tx('sre_reviews')
            .where({ team_ref: input.teamRef, state: 'in-progress' })
            .first('id');
          Object.assign(update, {
            closed_at: input.now,
            closed_by: input.actor,
            closed_in_review_id: review ? Number(review.id) : null,
          });
        }
      }
      if (Object.keys(update).length) {
        await tx('sre_review_actions')
          .where({ id: Number(input.actionId) })
          .update(update);
      }
      const row: ActionRow = await tx('sre_review_actions')
        .where({ id: Number(input.actionId) })
        .first();
      return toAction(row);
    });
  }

  async openActions(teamRef: string): Promise<ReviewActionItem[]> {
    const rows: ActionRow[] = await this.db('sre_review_actions')
      .where({ team_ref: teamRef, status: 'open' })
      .orderBy('id');
    return rows.map(toAction);
  }
}
