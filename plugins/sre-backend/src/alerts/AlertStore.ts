import type { AlertFacts, AlertForNoise } from '@baton/plugin-sre-common';
import type { AlertEvent } from '@baton/plugin-sre-node';
import { Knex } from 'knex';
import { isoTime } from '../database/timestamps';

interface AlertRow {
  id: string | number;
  source: string;
  source_key: string;
  monitor: string;
  title: string;
  severity: string;
  status: string;
  starts_at: Date | string | number;
  ends_at: Date | string | number | null;
  resolved_by: string | null;
  acknowledged_at: Date | string | number | null;
  acknowledged_by: string;
  labels: string;
  links: string;
  runbook_url: string | null;
  updated_at: Date | string | number;
}

/** Rows per multi-row insert: well under SQLite's bound-parameter limit. */
const INSERT_BATCH = 400;

interface EventRow {
  alert_id: number;
  type: string;
  at: Date;
  actor: string | null;
  event_key: string;
  details: string | null;
}

/** A stored alert with the entities it maps to. */
export type StoredAlert = AlertForNoise;

/** The columns the noise rules read; a summary selects only these. */
const FACT_COLUMNS = [
  'id',
  'source',
  'monitor',
  'severity',
  'status',
  'starts_at',
  'ends_at',
  'resolved_by',
  'acknowledged_by',
  'acknowledged_at',
  'runbook_url',
] as const;
type FactRow = Pick<AlertRow, (typeof FACT_COLUMNS)[number]>;

function toFacts(row: FactRow): AlertFacts {
  return {
    id: String(row.id),
    source: row.source as AlertFacts['source'],
    monitor: row.monitor,
    severity: row.severity as AlertFacts['severity'],
    status: row.status as AlertFacts['status'],
    startsAt: isoTime(row.starts_at),
    ...(row.ends_at !== null ? { endsAt: isoTime(row.ends_at) } : {}),
    ...(row.resolved_by
      ? { resolvedBy: row.resolved_by as 'source' | 'person' }
      : {}),
    acknowledgedBy: JSON.parse(row.acknowledged_by),
    ...(row.acknowledged_at !== null
      ? { acknowledgedAt: isoTime(row.acknowledged_at) }
      : {}),
    ...(row.runbook_url ? { runbookUrl: row.runbook_url } : {}),
  };
}

function toAlert(row: AlertRow, entityRefs: string[] = []): StoredAlert {
  return {
    ...toFacts(row),
    title: row.title,
    labels: JSON.parse(row.labels),
    links: JSON.parse(row.links),
    entityRefs,
  };
}

/** Position in an entity's history: the last item of a page. */
interface Cursor {
  startsAt: number;
  id: number;
}

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The cursor after an alert: where the next page starts. */
export function cursorAfter(alert: { startsAt: string; id: string }): string {
  return encodeCursor({
    startsAt: Date.parse(alert.startsAt),
    id: Number(alert.id),
  });
}

/** The cursor of a page, or undefined when the text is not one. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Number.isFinite(value?.startsAt) && Number.isInteger(value?.id)) {
      return value;
    }
  } catch {
    // not a cursor
  }
  return undefined;
}

/** Which page of an entity's alerts to read: those that started in [from, to), after `cursor`. */
export interface AlertPageQuery {
  entityRef: string;
  from: Date;
  to: Date;
  limit: number;
  cursor?: Cursor;
}

/** Alerts, the entities they map to, their event history and the pollers' positions. */
export interface AlertStore {
  /**
   * Stores the events of one delivery, all or nothing. Returns how many
   * events changed something (a re-sent delivery changes nothing).
   */
  ingest(
    events: AlertEvent[],
    entityRefsFor: (labels: Record<string, string>) => string[],
    now: Date,
  ): Promise<number>;
  /** An alert's state and entities, as the acknowledgement rules read them; undefined when there is none. */
  acknowledgeable(id: number): Promise<
    | {
        status: 'firing' | 'resolved';
        endsAt?: string;
        entityRefs: string[];
      }
    | undefined
  >;
  /** Records that a person acknowledged an alert; undefined when there is no such alert. */
  acknowledge(
    id: number,
    userRef: string,
    at: Date,
  ): Promise<StoredAlert | undefined>;
  /**
   * Takes back a person's own acknowledgement made at or after `since`:
   * the alert loses that responder, and the history keeps both events.
   * `undefined` when there is no such alert, `false` when the person has no
   * acknowledgement of it that recent.
   */
  unacknowledge(
    id: number,
    userRef: string,
    since: Date,
    at: Date,
  ): Promise<StoredAlert | false | undefined>;
  /** One page of an entity's alerts that started in [from, to), newest first. */
  listForEntity(
    options: AlertPageQuery,
  ): Promise<{ alerts: StoredAlert[]; nextCursor?: string }>;
  /** Alerts that started in [from, to) and map to any of the entities (or to any entity at all without `entityRefs`), newest first, up to `cap`. */
  allForEntities(
    entityRefs: string[] | undefined,
    from: Date,
    to: Date,
    cap: number,
  ): Promise<StoredAlert[]>;
  /**
   * Alerts of any of the entities that started before `before` and still
   * fire, newest first, up to `cap`: a list starting at `before` shows them.
   */
  firingBefore(
    entityRefs: string[],
    before: Date,
    cap: number,
  ): Promise<StoredAlert[]>;
  /** When the newest alert of any of the entities that started before `before` started; undefined when none did. */
  lastStartedBefore(
    entityRefs: string[],
    before: Date,
  ): Promise<string | undefined>;
  /** Whether any alert was ever mapped to any of the entities. */
  hasAlertsFor(entityRefs: string[]): Promise<boolean>;
  /**
   * What the noise rules and the summary read of an entity's alerts that
   * started in [from, to), newest first, up to `cap`: no titles, labels or
   * links, which a summary of hundreds of alerts does not need.
   */
  factsForEntity(
    entityRef: string,
    from: Date,
    to: Date,
    cap: number,
  ): Promise<AlertFacts[]>;
  /** The same for several entities in one query, by entity ref; an alert of two entities is in both lists. */
  factsForEntities(
    entityRefs: string[],
    from: Date,
    to: Date,
    cap: number,
  ): Promise<Map<string, AlertFacts[]>>;
  /** Whether any alert was ever stored: before that, alert checks are unknown, not failed. */
  hasAlerts(): Promise<boolean>;
  /** Whole alerts with their entities, in the order of `ids`; unknown ids are left out. */
  getAlerts(ids: string[]): Promise<StoredAlert[]>;
  getAlert(id: number): Promise<StoredAlert | undefined>;
  /** The events of an alert, oldest first. */
  history(
    id: number,
  ): Promise<Array<{ type: string; at: string; actor: string | null }>>;
  /**
   * Maps the alerts that started since `since` again, from their stored
   * labels: after the catalog changed (a new entity, another selector) old
   * alerts follow. Returns how many alerts changed mapping.
   */
  remap(
    since: Date,
    entityRefsFor: (labels: Record<string, string>) => string[],
  ): Promise<number>;
  /** Where a poller got to; undefined before its first pull. */
  pollerPosition(poller: string): Promise<Date | undefined>;
  savePollerPosition(poller: string, polledUntil: Date): Promise<void>;
}

/**
 * Alert instances, their entity mapping and their append-only event history
 * on the plugin's database. Every write of a delivery happens in one
 * transaction; duplicates collapse on unique keys.
 */
export class DatabaseAlertStore implements AlertStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseAlertStore {
    return new DatabaseAlertStore(db);
  }

  // A delivery costs a fixed number of statements however many alerts it
  // holds: the new alerts in one insert, the known ones in one locking
  // select, then the events and entity links in one insert each.
  async ingest(
    events: AlertEvent[],
    entityRefsFor: (labels: Record<string, string>) => string[],
    now: Date,
  ): Promise<number> {
    return this.db.transaction(async tx => {
      let changed = 0;
      let run: AlertEvent[] = [];
      for (const event of events) {
        if (event.matchOpen && event.status === 'resolved') {
          // It closes whatever is open by then, so the events before it are written first.
          changed += await this.#ingestKeyed(tx, run, entityRefsFor, now);
          run = [];
          changed += await this.#ingestMatchOpen(tx, event, entityRefsFor, now);
        } else {
          run.push(event);
        }
      }
      changed += await this.#ingestKeyed(tx, run, entityRefsFor, now);
      return changed;
    });
  }

  /** Closes the newest firing alert of the event's monitor; nothing when none is open. */
  async #ingestMatchOpen(
    tx: Knex.Transaction,
    event: AlertEvent,
    entityRefsFor: (labels: Record<string, string>) => string[],
    now: Date,
  ): Promise<number> {
    const row = await tx<AlertRow>('sre_alerts')
      .where({ source: event.source, monitor: event.monitor, status: 'firing' })
      .orderBy('starts_at', 'desc')
      .forUpdate()
      .first();
    if (!row) return 0;
    return this.#apply(tx, [[row, event]], entityRefsFor, now);
  }

  /** Events addressed by their source key: inserts the alerts it lacks, locks the others. */
  async #ingestKeyed(
    tx: Knex.Transaction,
    events: AlertEvent[],
    entityRefsFor: (labels: Record<string, string>) => string[],
    now: Date,
  ): Promise<number> {
    if (!events.length) return 0;
    const keyOf = (source: string, sourceKey: string) =>
      `${source}\u0000${sourceKey}`;
    const firstByKey = new Map<string, AlertEvent>();
    for (const event of events) {
      const key = keyOf(event.source, event.sourceKey);
      if (!firstByKey.has(key)) firstByKey.set(key, event);
    }
    // Sorted, so that concurrent deliveries take the unique-key locks in one order and never deadlock.
    const firsts = [...firstByKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, event]) => event);
    const rows = new Map<string, AlertRow>();
    for (let i = 0; i < firsts.length; i += INSERT_BATCH) {
      const inserted: AlertRow[] = await tx('sre_alerts')
        .insert(
          firsts.slice(i, i + INSERT_BATCH).map(event => ({
            source: event.source,
            source_key: event.sourceKey,
            monitor: event.monitor,
            title: event.title,
            severity: event.severity,
            status: event.status,
            starts_at: new Date(event.startsAt),
            ends_at:
              event.status === 'resolved'
                ? new Date(event.endsAt ?? event.at)
                : null,
            resolved_by:
              event.status === 'resolved' ? event.resolvedBy ?? 'source' : null,
            acknowledged_by: '[]',
            labels: JSON.stringify(event.labels),
            links: JSON.stringify(event.links ?? []),
            runbook_url: event.runbookUrl ?? null,
            updated_at: now,
          })),
        )
        .onConflict(['source', 'source_key'])
        .ignore()
        .returning('*');
      for (const row of inserted) {
        rows.set(keyOf(row.source, row.source_key), row);
      }
    }
    // Alerts stored before: locked until the commit, so no other delivery of them is in between.
    const known = new Map<string, string[]>();
    for (const event of firsts) {
      if (rows.has(keyOf(event.source, event.sourceKey))) continue;
      known.set(event.source, [
        ...(known.get(event.source) ?? []),
        event.sourceKey,
      ]);
    }
    for (const [source, sourceKeys] of known) {
      for (let i = 0; i < sourceKeys.length; i += INSERT_BATCH) {
        const locked: AlertRow[] = await tx<AlertRow>('sre_alerts')
          .where({ source })
          .whereIn('source_key', sourceKeys.slice(i, i + INSERT_BATCH))
          .orderBy('id')
          .forUpdate();
        for (const row of locked) {
          rows.set(keyOf(row.source, row.source_key), row);
        }
      }
    }
    return this.#apply(
      tx,
      events.map(event => [
        rows.get(keyOf(event.source, event.sourceKey))!,
        event,
      ]),
      entityRefsFor,
      now,
    );
  }

  /**
   * Applies events, in order, to their locked alert rows: state changes,
   * resolutions and acknowledgements in memory, then one write per table.
   * Returns how many events were new.
   */
  async #apply(
    tx: Knex.Transaction,
    pairs: Array<[AlertRow, AlertEvent]>,
    entityRefsFor: (labels: Record<string, string>) => string[],
    now: Date,
  ): Promise<number> {
    const current = new Map<number, AlertRow>();
    const dirty = new Set<number>();
    const history = new Map<string, EventRow>();
    const record = (
      alertId: number,
      type: string,
      eventKey: string,
      at: string | Date,
      details?: object,
      actor: string | null = null,
    ) => {
      // The first of the same key in a delivery wins, as the unique key keeps the first stored.
      const key = `${alertId}\u0000${eventKey}`;
      if (history.has(key)) return;
      history.set(key, {
        alert_id: alertId,
        type,
        at: new Date(at),
        actor,
        event_key: eventKey,
        details: details ? JSON.stringify(details) : null,
      });
    };

    for (const [stored, event] of pairs) {
      const id = Number(stored.id);
      const row = current.get(id) ?? { ...stored };
      current.set(id, row);
      record(id, 'fired', 'fired', isoTime(row.starts_at), {
        severity: event.severity,
      });
      if (event.status === 'firing') {
        const endedAt =
          row.ends_at === null ? undefined : new Date(row.ends_at).getTime();
        if (
          row.status === 'resolved' &&
          endedAt !== undefined &&
          Date.parse(event.at) > endedAt
        ) {
          // Fires again after it was resolved (a Sentry issue unresolved): the same alert, open again.
          Object.assign(row, {
            status: 'firing',
            severity: event.severity,
            ends_at: null,
            resolved_by: null,
          });
          dirty.add(id);
          record(id, 'state-change', `reopened:${event.at}`, event.at, {
            reopened: true,
          });
        } else if (row.status === 'firing' && row.severity !== event.severity) {
          record(
            id,
            'state-change',
            `state:${event.severity}:${event.at}`,
            event.at,
            { from: row.severity, to: event.severity },
          );
          row.severity = event.severity;
          dirty.add(id);
        }
      } else {
        const endsAt = event.endsAt ?? event.at;
        if (row.status === 'firing') {
          Object.assign(row, {
            status: 'resolved',
            ends_at: new Date(endsAt),
            resolved_by: event.resolvedBy ?? 'source',
          });
          dirty.add(id);
        }
        // Keyed by its time: the same resolution re-sent collapses, a later one (after a reopen) is new.
        record(id, 'resolved', `resolved:${isoTime(endsAt)}`, endsAt, {
          resolvedBy: event.resolvedBy ?? 'source',
        });
      }
      for (const ack of event.acknowledgements ?? []) {
        if (this.#addResponder(row, ack.userRef, new Date(ack.at))) {
          dirty.add(id);
        }
        record(
          id,
          'acknowledged',
          `ack:${ack.userRef}`,
          ack.at,
          undefined,
          ack.userRef,
        );
      }
    }

    let changed = 0;
    const newEvents = [...history.values()];
    for (let i = 0; i < newEvents.length; i += INSERT_BATCH) {
      const inserted = await tx('sre_alert_events')
        .insert(newEvents.slice(i, i + INSERT_BATCH))
        .onConflict(['alert_id', 'event_key'])
        .ignore()
        .returning('id');
      changed += inserted.length;
    }
    for (const id of dirty) {
      const row = current.get(id)!;
      await tx('sre_alerts')
        .where({ id })
        .update({
          status: row.status,
          severity: row.severity,
          ends_at: row.ends_at === null ? null : new Date(row.ends_at),
          resolved_by: row.resolved_by,
          acknowledged_by: row.acknowledged_by,
          acknowledged_at:
            row.acknowledged_at === null ? null : new Date(row.acknowledged_at),
          updated_at: now,
        });
    }
    const links = [...current.values()].flatMap(row =>
      entityRefsFor(JSON.parse(row.labels)).map(entityRef => ({
        alert_id: Number(row.id),
        entity_ref: entityRef,
        starts_at: new Date(row.starts_at),
      })),
    );
    for (let i = 0; i < links.length; i += INSERT_BATCH) {
      await tx('sre_alert_entities')
        .insert(links.slice(i, i + INSERT_BATCH))
        .onConflict(['alert_id', 'entity_ref'])
        .ignore();
    }
    return changed;
  }

  /** Adds a responder to a row in memory once; the first acknowledgement's time is the alert's. True when new. */
  #addResponder(row: AlertRow, userRef: string, at: Date): boolean {
    const by: string[] = JSON.parse(row.acknowledged_by);
    if (by.includes(userRef)) return false;
    by.push(userRef);
    const first =
      row.acknowledged_at === null ? undefined : new Date(row.acknowledged_at);
    row.acknowledged_by = JSON.stringify(by);
    row.acknowledged_at = first && first < at ? first : at;
    return true;
  }

  async acknowledgeable(id: number): Promise<
    | {
        status: 'firing' | 'resolved';
        endsAt?: string;
        entityRefs: string[];
      }
    | undefined
  > {
    const row = await this.db<AlertRow>('sre_alerts')
      .where({ id })
      .first('status', 'ends_at');
    if (!row) return undefined;
    const entities: Array<{ entity_ref: string }> = await this.db(
      'sre_alert_entities',
    )
      .where({ alert_id: id })
      .select('entity_ref');
    return {
      status: row.status === 'resolved' ? 'resolved' : 'firing',
      ...(row.ends_at !== null && row.ends_at !== undefined
        ? { endsAt: isoTime(row.ends_at) }
        : {}),
      entityRefs: entities.map(e => e.entity_ref).sort(),
    };
  }

  async acknowledge(
    id: number,
    userRef: string,
    at: Date,
  ): Promise<StoredAlert | undefined> {
    return this.db.transaction(async tx => {
      const exists = await tx('sre_alerts').where({ id }).first('id');
      if (!exists) return undefined;
      await this.#acknowledgeIn(tx, id, userRef, at);
      const updated = await tx<AlertRow>('sre_alerts').where({ id }).first();
      return toAlert(updated!);
    });
  }

  async unacknowledge(
    id: number,
    userRef: string,
    since: Date,
    at: Date,
  ): Promise<StoredAlert | false | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx<AlertRow>('sre_alerts')
        .where({ id })
        .forUpdate()
        .first();
      if (!row) return undefined;
      const by: string[] = JSON.parse(row.acknowledged_by);
      const latest = await tx('sre_alert_events')
        .where({ alert_id: id, actor: userRef })
        .whereIn('type', ['acknowledged', 'unacknowledged'])
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .first('type', 'at');
      if (
        !by.includes(userRef) ||
        latest?.type !== 'acknowledged' ||
        new Date(isoTime(latest.at)) < since
      ) {
        return false;
      }
      const rest = by.filter(ref => ref !== userRef);
      // The alert's acknowledgement time is the first of those who remain.
      let first: Date | null = null;
      if (rest.length) {
        const [earliest] = await tx('sre_alert_events')
          .where({ alert_id: id, type: 'acknowledged' })
          .whereIn('actor', rest)
          .min({ at: 'at' });
        if (earliest?.at) first = new Date(isoTime(earliest.at));
        else if (row.acknowledged_at !== null) {
          first = new Date(row.acknowledged_at);
        }
      }
      await tx('sre_alerts')
        .where({ id })
        .update({
          acknowledged_by: JSON.stringify(rest),
          acknowledged_at: first,
          updated_at: at,
        });
      await tx('sre_alert_events').insert({
        alert_id: id,
        type: 'unacknowledged',
        at,
        actor: userRef,
        event_key: `unack:${userRef}:${at.getTime()}`,
        details: null,
      });
      const updated = await tx<AlertRow>('sre_alerts').where({ id }).first();
      return toAlert(updated!);
    });
  }

  /** Records a responder on a locked row and its event. */
  async #acknowledgeIn(
    tx: Knex.Transaction,
    id: number,
    userRef: string,
    at: Date,
  ): Promise<void> {
    const row = await tx<AlertRow>('sre_alerts')
      .where({ id })
      .forUpdate()
      .first();
    if (!this.#addResponder(row!, userRef, at)) return;
    await tx('sre_alerts')
      .where({ id })
      .update({
        acknowledged_by: row!.acknowledged_by,
        acknowledged_at: new Date(row!.acknowledged_at!),
        updated_at: new Date(),
      });
    // After an undo the person may acknowledge again: each time is its own event.
    const acknowledgedBefore = await tx('sre_alert_events')
      .where({ alert_id: id, event_key: `ack:${userRef}` })
      .first('id');
    await tx('sre_alert_events')
      .insert({
        alert_id: id,
        type: 'acknowledged',
        at,
        actor: userRef,
        event_key: acknowledgedBefore
          ? `ack:${userRef}:${at.getTime()}`
          : `ack:${userRef}`,
        details: null,
      })
      .onConflict(['alert_id', 'event_key'])
      .ignore();
  }

  async listForEntity(
    options: AlertPageQuery,
  ): Promise<{ alerts: StoredAlert[]; nextCursor?: string }> {
    const rows: Array<AlertRow & { entity_starts_at: unknown }> = await this.db(
      'sre_alert_entities as e',
    )
      .join('sre_alerts as a', 'a.id', 'e.alert_id')
      .where('e.entity_ref', options.entityRef)
      .where('e.starts_at', '>=', options.from)
      .where('e.starts_at', '<', options.to)
      .modify(query => {
        const cursor = options.cursor;
        if (cursor) {
          const at = new Date(cursor.startsAt);
          query.where(inner =>
            inner
              .where('e.starts_at', '<', at)
              .orWhere(same =>
                same
                  .where('e.starts_at', '=', at)
                  .where('e.alert_id', '<', cursor.id),
              ),
          );
        }
      })
      .orderBy([
        { column: 'e.starts_at', order: 'desc' },
        { column: 'e.alert_id', order: 'desc' },
      ])
      .limit(options.limit + 1)
      .select('a.*');
    const page = rows.slice(0, options.limit);
    const alerts = await this.#withEntities(page);
    const last = page[page.length - 1];
    return {
      alerts,
      ...(rows.length > options.limit && last
        ? {
            nextCursor: encodeCursor({
              startsAt: new Date(last.starts_at).getTime(),
              id: Number(last.id),
            }),
          }
        : {}),
    };
  }

  async allForEntities(
    entityRefs: string[] | undefined,
    from: Date,
    to: Date,
    cap: number,
  ): Promise<StoredAlert[]> {
    const query = this.db('sre_alerts as a')
      .where('a.starts_at', '>=', from)
      .where('a.starts_at', '<', to)
      .modify(inner => {
        if (entityRefs) {
          inner.whereExists(
            this.db('sre_alert_entities as e')
              .whereRaw('e.alert_id = a.id')
              .whereIn('e.entity_ref', entityRefs),
          );
        }
      });
    return this.#newest(query, cap);
  }

  async firingBefore(
    entityRefs: string[],
    before: Date,
    cap: number,
  ): Promise<StoredAlert[]> {
    if (!entityRefs.length) return [];
    const query = this.db('sre_alerts as a')
      .where('a.status', 'firing')
      .whereIn(
        'a.id',
        this.db('sre_alert_entities as e')
          .whereIn('e.entity_ref', entityRefs)
          .where('e.starts_at', '<', before)
          .select('e.alert_id'),
      );
    return this.#newest(query, cap);
  }

  async lastStartedBefore(
    entityRefs: string[],
    before: Date,
  ): Promise<string | undefined> {
    if (!entityRefs.length) return undefined;
    const [row] = await this.db('sre_alert_entities')
      .whereIn('entity_ref', entityRefs)
      .where('starts_at', '<', before)
      .max({ at: 'starts_at' });
    return row?.at === null || row?.at === undefined
      ? undefined
      : isoTime(row.at);
  }

  async hasAlertsFor(entityRefs: string[]): Promise<boolean> {
    if (!entityRefs.length) return false;
    return Boolean(
      await this.db('sre_alert_entities')
        .whereIn('entity_ref', entityRefs)
        .first('alert_id'),
    );
  }

  async factsForEntity(
    entityRef: string,
    from: Date,
    to: Date,
    cap: number,
  ): Promise<AlertFacts[]> {
    const facts = await this.factsForEntities([entityRef], from, to, cap);
    return facts.get(entityRef) ?? [];
  }

  async factsForEntities(
    entityRefs: string[],
    from: Date,
    to: Date,
    cap: number,
  ): Promise<Map<string, AlertFacts[]>> {
    const byEntity = new Map<string, AlertFacts[]>();
    if (!entityRefs.length) return byEntity;
    const rows: Array<FactRow & { entity_ref: string }> = await this.db(
      'sre_alert_entities as e',
    )
      .join('sre_alerts as a', 'a.id', 'e.alert_id')
      .modify(query => {
        if (entityRefs.length === 1) query.where('e.entity_ref', entityRefs[0]);
        else query.whereIn('e.entity_ref', entityRefs);
      })
      .where('e.starts_at', '>=', from)
      .where('e.starts_at', '<', to)
      .orderBy([
        { column: 'e.starts_at', order: 'desc' },
        { column: 'e.alert_id', order: 'desc' },
      ])
      .limit(cap)
      .select('e.entity_ref', ...FACT_COLUMNS.map(column => `a.${column}`));
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push(toFacts(row));

      byEntity.set(row.entity_ref, list);
    }
    return byEntity;
  }

  async hasAlerts(): Promise<boolean> {
    return Boolean(await this.db('sre_alerts').first('id'));
  }

  async getAlerts(ids: string[]): Promise<StoredAlert[]> {
    if (!ids.length) return [];
    const [rows, links]: [
      AlertRow[],
      Array<{ alert_id: string | number; entity_ref: string }>,
    ] = await Promise.all([
      this.db<AlertRow>('sre_alerts').whereIn('id', ids),
      this.db('sre_alert_entities')
        .whereIn('alert_id', ids)
        .select('alert_id', 'entity_ref'),
    ]);
    const refs = new Map<string, string[]>();
    for (const link of links) {
      const key = String(link.alert_id);
      refs.set(key, [...(refs.get(key) ?? []), link.entity_ref]);
    }
    const byId = new Map(rows.map(row => [String(row.id), row]));
    return ids
      .filter(id => byId.has(id))
      .map(id => toAlert(byId.get(id)!, (refs.get(id) ?? []).sort()));
  }

  /** The whole alerts a query over `sre_alerts as a` finds, newest first, up to `cap`. */
  async #newest(query: Knex.QueryBuilder, cap: number): Promise<StoredAlert[]> {
    const rows: AlertRow[] = await query
      .orderBy([
        { column: 'a.starts_at', order: 'desc' },
        { column: 'a.id', order: 'desc' },
      ])
      .limit(cap)
      .select('a.*');
    return this.#withEntities(rows);
  }

  async #withEntities(rows: AlertRow[]): Promise<StoredAlert[]> {
    if (!rows.length) return [];
    const links: Array<{ alert_id: string | number; entity_ref: string }> =
      await this.db('sre_alert_entities')
        .whereIn(
          'alert_id',
          rows.map(row => row.id),
        )
        .select('alert_id', 'entity_ref');
    // Grouped once: the noise ranking hands over tens of thousands of rows.
    const refsByAlert = new Map<string, string[]>();
    for (const link of links) {
      const id = String(link.alert_id);
      const refs = refsByAlert.get(id);
      if (refs) refs.push(link.entity_ref);
      else refsByAlert.set(id, [link.entity_ref]);
    }
    return rows.map(row =>
      toAlert(row, (refsByAlert.get(String(row.id)) ?? []).sort()),
    );
  }

  async getAlert(id: number): Promise<StoredAlert | undefined> {
    const row = await this.db<AlertRow>('sre_alerts').where({ id }).first();
    return row ? (await this.#withEntities([row]))[0] : undefined;
  }

  async history(
    id: number,
  ): Promise<Array<{ type: string; at: string; actor: string | null }>> {
    const rows = await this.db('sre_alert_events')
      .where({ alert_id: id })
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(row => ({
      type: row.type,
      at: isoTime(row.at),
      actor: row.actor,
    }));
  }

  async remap(
    since: Date,
    entityRefsFor: (labels: Record<string, string>) => string[],
  ): Promise<number> {
    const alerts: Array<Pick<AlertRow, 'id' | 'labels' | 'starts_at'>> =
      await this.db('sre_alerts')
        .where('starts_at', '>=', since)
        .select('id', 'labels', 'starts_at');
    const current = new Map<string, Set<string>>();
    const links: Array<{ alert_id: string | number; entity_ref: string }> =
      await this.db('sre_alert_entities')
        .where('starts_at', '>=', since)
        .select('alert_id', 'entity_ref');
    for (const link of links) {
      const key = String(link.alert_id);
      current.set(key, (current.get(key) ?? new Set()).add(link.entity_ref));
    }
    let changed = 0;
    for (const alert of alerts) {
      const wanted = entityRefsFor(JSON.parse(alert.labels));
      const have = current.get(String(alert.id)) ?? new Set<string>();
      if (wanted.length === have.size && wanted.every(ref => have.has(ref))) {
        continue;
      }
      changed += 1;
      await this.db.transaction(async tx => {
        await tx('sre_alert_entities').where({ alert_id: alert.id }).delete();
        if (wanted.length) {
          // A delivery on another replica may link the same pair meanwhile.
          await tx('sre_alert_entities')
            .insert(
              wanted.map(entityRef => ({
                alert_id: alert.id,
                entity_ref: entityRef,
                starts_at: new Date(alert.starts_at),
              })),
            )
            .onConflict(['alert_id', 'entity_ref'])
            .ignore();
        }
      });
    }
    return changed;
  }

  async pollerPosition(poller: string): Promise<Date | undefined> {
    const row = await this.db('sre_alert_pollers').where({ poller }).first();
    return row ? new Date(row.polled_until) : undefined;
  }

  async savePollerPosition(poller: string, polledUntil: Date): Promise<void> {
    await this.db('sre_alert_pollers')
      .insert({ poller, polled_until: polledUntil })
      .onConflict('poller')
      .merge();
  }
}
