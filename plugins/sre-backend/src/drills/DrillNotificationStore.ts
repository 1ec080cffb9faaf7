import type { Knex } from 'knex';
import { isoTime, StoredTime } from '../database/timestamps';

const TABLE = 'sre_drill_notifications';

/** How urgent a due drill's notification was: due, then overdue once it has been due a while. */
export type DrillNotificationLevel = 'due' | 'overdue';

/** A due drill a team has been told about. */
export interface SentDrillNotification {
  scope: string;
  level: DrillNotificationLevel;
  /** When the team was first told: a never-drilled service counts as due from then. */
  firstSentAt: string;
}

interface Row {
  scope: string;
  level: string;
  first_sent_at: StoredTime;
}

/** Which due drills each team has been notified of, so that no run tells a team twice. */
export class DrillNotificationStore {
  static create(knex: Knex): DrillNotificationStore {
    return new DrillNotificationStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** The team's notified due drills, by scope. */
  async sentFor(teamRef: string): Promise<Map<string, SentDrillNotification>> {
    const rows: Row[] = await this.knex(TABLE)
      .where({ team_ref: teamRef })
      .select('scope', 'level', 'first_sent_at');
    return new Map(
      rows.map(row => [
        row.scope,
        {
          scope: row.scope,
          level: row.level as DrillNotificationLevel,
          firstSentAt: isoTime(row.first_sent_at),
        },
      ]),
    );
  }

  /** Records that the team was told at `level`; the first time told is kept. */
  async record(
    teamRef: string,
    scope: string,
    level: DrillNotificationLevel,
    now: Date,
  ): Promise<void> {
    await this.knex(TABLE)
      .insert({
        team_ref: teamRef,
        scope,
        level,
        first_sent_at: now,
        sent_at: now,
      })
      .onConflict(['team_ref', 'scope'])
      .merge(['level', 'sent_at']);
  }

  /** Forgets the team's notified drills that are not in `dueScopes` (drilled since, or no longer the team's); returns how many. */
  async forgetAllBut(teamRef: string, dueScopes: string[]): Promise<number> {
    const rows: Array<{ scope: string }> = await this.knex(TABLE)
      .where({ team_ref: teamRef })
      .select('scope');
    const keep = new Set(dueScopes);
    const gone = rows.map(row => row.scope).filter(scope => !keep.has(scope));
    let deleted = 0;
    // In chunks: SQLite bounds the variables of one statement.
    for (let at = 0; at < gone.length; at += 500) {
      deleted += Number(
        await this.knex(TABLE)
          .where({ team_ref: teamRef })
          .whereIn('scope', gone.slice(at, at + 500))
          .delete(),
      );
    }
    return deleted;
  }
}
