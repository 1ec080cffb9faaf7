import type {
  ChangeIdentity,
  ChangeInput,
  ChangeItem,
  ChangePerson,
} from '@baton/plugin-sre-common';
import type { Knex } from 'knex';
import { isoTime, StoredTime } from '../database/timestamps';

/** A change as stored: its people matched, before the rules look at it. */
export type StoredChange = Omit<ChangeItem, 'findings' | 'alertsAfter'>;

/** A change to store, its people matched to catalog Users. */
export interface MatchedChange extends ChangeInput {
  operators: ChangePerson[];
  pairs: ChangePerson[];
  procedure?: {
    url: string;
    authors: ChangePerson[];
    reviewers: ChangePerson[];
  };
}

/** Where the people of a change are kept: their role in it. */
type PersonRole = 'operator' | 'pair' | 'author' | 'reviewer';

/** The production changes and where each pulled source got to. */
export interface ChangeStore {
  /**
   * Stores changes of one source in one transaction, all or nothing: a
   * change whose `(source, externalId)` is stored already replaces that row,
   * its entities and its people. Returns the ids in the order given.
   */
  record(source: string, changes: MatchedChange[]): Promise<string[]>;
  /** The changes on any of the entities that started in [from, to), newest first, up to `cap`. */
  listForEntities(
    entityRefs: string[],
    from: Date,
    to: Date,
    cap: number,
  ): Promise<StoredChange[]>;
  /** Where a source's last successful pull got to. */
  pullPosition(source: string): Promise<Date | undefined>;
  savePullPosition(source: string, pulledUntil: Date): Promise<void>;
}

interface ChangeRow {
  id: string | number;
  source: string;
  external_id: string;
  kind: string;
  environment: string | null;
  title: string;
  started_at: StoredTime;
  finished_at: StoredTime | null;
  outcome: string;
  procedure_url: string | null;
  terraform_workspace: string | null;
  plan_add: number | null;
  plan_change: number | null;
  plan_destroy: number | null;
  apply_seconds: number | string | null;
  links: string;
}

interface PersonRow {
  change_id: string | number;
  role: PersonRole;
  position: number;
  identity_kind: string;
  identity_value: string;
  user_ref: string | null;
}

/** Rows per multi-row insert: well under SQLite's bound-parameter limit. */
const INSERT_BATCH = 150;

/** Changes per read of their entities and people: under SQLite's bound-parameter limit. */
const READ_BATCH = 500;

function changeRow(
  source: string,
  change: MatchedChange,
  recordedAt: Date,
): Omit<ChangeRow, 'id'> & { recorded_at: Date } {
  return {
    source,
    external_id: change.externalId,
    kind: change.kind,
    environment: change.environment ?? null,
    title: change.title,
    started_at: new Date(change.startedAt),
    finished_at: change.finishedAt ? new Date(change.finishedAt) : null,
    outcome: change.outcome,
    procedure_url: change.procedure?.url ?? null,
    terraform_workspace: change.terraform?.workspace ?? null,
    plan_add: change.terraform?.plan?.add ?? null,
    plan_change: change.terraform?.plan?.change ?? null,
    plan_destroy: change.terraform?.plan?.destroy ?? null,
    apply_seconds: change.terraform?.applySeconds ?? null,
    links: JSON.stringify(change.links ?? []),
    recorded_at: recordedAt,
  };
}

function peopleRows(changeId: number, change: MatchedChange): PersonRow[] {
  const rows: PersonRow[] = [];
  const add = (role: PersonRole, people: ChangePerson[]) =>
    people.forEach((person, position) =>
      rows.push({
        change_id: changeId,
        role,
        position,
        identity_kind: person.kind,
        identity_value: person.value,
        user_ref: person.userRef,
      }),
    );
  add('operator', change.operators);
  add('pair', change.pairs);
  if (change.procedure) {
    add('author', change.procedure.authors);
    add('reviewer', change.procedure.reviewers);
  }
  return rows;
}

const toPerson = (row: PersonRow): ChangePerson => ({
  kind: row.identity_kind as ChangeIdentity['kind'],
  value: row.identity_value,
  userRef: row.user_ref,
});

function toChange(
  row: ChangeRow,
  entityRefs: string[],
  people: PersonRow[],
): StoredChange {
  const inRole = (role: PersonRole) =>
    people
      .filter(person => person.role === role)
      .sort((a, b) => a.position - b.position)
      .map(toPerson);
  const plan =
    row.plan_add !== null &&
    row.plan_change !== null &&
    row.plan_destroy !== null
      ? {
          add: Number(row.plan_add),
          change: Number(row.plan_change),
          destroy: Number(row.plan_destroy),
        }
      : undefined;
  return {
    id: String(row.id),
    source: row.source,
    externalId: row.external_id,
    entityRefs,
    kind: row.kind as StoredChange['kind'],
    ...(row.environment !== null ? { environment: row.environment } : {}),
    title: row.title,
    startedAt: isoTime(row.started_at),
    ...(row.finished_at !== null
      ? { finishedAt: isoTime(row.finished_at) }
      : {}),
    outcome: row.outcome as StoredChange['outcome'],
    operators: inRole('operator'),
    pairs: inRole('pair'),
    ...(row.procedure_url !== null
      ? {
          procedure: {
            url: row.procedure_url,
            authors: inRole('author'),
            reviewers: inRole('reviewer'),
          },
        }
      : {}),
    ...(row.terraform_workspace !== null
      ? {
          terraform: {
            workspace: row.terraform_workspace,
            ...(plan ? { plan } : {}),
            ...(row.apply_seconds !== null
              ? { applySeconds: Number(row.apply_seconds) }
              : {}),
          },
        }
      : {}),
    links: JSON.parse(row.links),
  };
}

/** {@link ChangeStore} on the plugin's database. */
export class DatabaseChangeStore implements ChangeStore {
  private constructor(private readonly db: Knex) {}

  /** The store on a database whose migrations have run (the plugin runs them at start). */
  static create(db: Knex): DatabaseChangeStore {
    return new DatabaseChangeStore(db);
  }

  async record(source: string, changes: MatchedChange[]): Promise<string[]> {
    const recordedAt = new Date();
    // The same change twice in one request: the later one is what is stored.
    const latest = new Map(changes.map(change => [change.externalId, change]));
    const distinct = [...latest.values()];
    return this.db.transaction(async tx => {
      // Multi-row statements, not several per change: a 1,000-change request
      // is a few dozen statements. A change sent again keeps its row's id.
      const idOf = new Map<string, number>();
      for (let at = 0; at < distinct.length; at += INSERT_BATCH) {
        const inserted: Array<{ id: string | number; external_id: string }> =
          await tx('sre_changes')
            .insert(
              distinct
                .slice(at, at + INSERT_BATCH)
                .map(change => changeRow(source, change, recordedAt)),
            )
            .onConflict(['source', 'external_id'])
            .merge()
            .returning(['id', 'external_id']);
        for (const row of inserted) idOf.set(row.external_id, Number(row.id));
      }
      const ids = distinct.map(change => idOf.get(change.externalId)!);
      // Its entities and people are replaced.
      for (let at = 0; at < ids.length; at += READ_BATCH) {
        const chunk = ids.slice(at, at + READ_BATCH);
        await tx('sre_change_entities').whereIn('change_id', chunk).delete();
        await tx('sre_change_people').whereIn('change_id', chunk).delete();
      }
      const entityRows = distinct.flatMap((change, index) =>
        change.entityRefs.map(entityRef => ({
          change_id: ids[index],
          entity_ref: entityRef,
          started_at: new Date(change.startedAt),
        })),
      );
      const personRows = distinct.flatMap((change, index) =>
        peopleRows(ids[index], change),
      );
      for (let at = 0; at < entityRows.length; at += INSERT_BATCH) {
        await tx('sre_change_entities').insert(
          entityRows.slice(at, at + INSERT_BATCH),
        );
      }
      for (let at = 0; at < personRows.length; at += INSERT_BATCH) {
        await tx('sre_change_people').insert(
          personRows.slice(at, at + INSERT_BATCH),
        );
      }
      return changes.map(change => String(idOf.get(change.externalId)!));
    });
  }

  async listForEntities(
    entityRefs: string[],
    from: Date,
    to: Date,
    cap: number,
  ): Promise<StoredChange[]> {
    if (!entityRefs.length) return [];
    const rows: ChangeRow[] = await this.db('sre_changes as c')
      .whereIn(
        'c.id',
        this.db('sre_change_entities')
          .select('change_id')
          .whereIn('entity_ref', entityRefs)
          .where('started_at', '>=', from)
          .where('started_at', '<', to),
      )
      .orderBy([
        { column: 'c.started_at', order: 'desc' },
        { column: 'c.id', order: 'desc' },
      ])
      .limit(cap)
      .select('c.*');
    const entities = new Map<string, string[]>();
    const people = new Map<string, PersonRow[]>();
    for (let start = 0; start < rows.length; start += READ_BATCH) {
      const ids = rows.slice(start, start + READ_BATCH).map(row => row.id);
      const [entityRows, personRows] = await Promise.all([
        this.db('sre_change_entities')
          .whereIn('change_id', ids)
          .orderBy(['change_id', 'entity_ref'])
          .select('change_id', 'entity_ref'),
        this.db<PersonRow>('sre_change_people')
          .whereIn('change_id', ids)
          .select('*'),
      ]);
      for (const row of entityRows as Array<{
        change_id: string | number;
        entity_ref: string;
      }>) {
        const key = String(row.change_id);
        entities.set(key, [...(entities.get(key) ?? []), row.entity_ref]);
      }
      for (const row of personRows) {
        const key = String(row.change_id);
        people.set(key, [...(people.get(key) ?? []), row]);
      }
    }
    return rows.map(row =>
      toChange(
        row,
        entities.get(String(row.id)) ?? [],
        people.get(String(row.id)) ?? [],
      ),
    );
  }

  async pullPosition(source: string): Promise<Date | undefined> {
    const row = await this.db('sre_change_pulls')
      .where({ source })
      .first('pulled_until');
    return row ? new Date(row.pulled_until) : undefined;
  }

  async savePullPosition(source: string, pulledUntil: Date): Promise<void> {
    await this.db('sre_change_pulls')
      .insert({ source, pulled_until: pulledUntil })
      .onConflict('source')
      .merge();
  }
}
