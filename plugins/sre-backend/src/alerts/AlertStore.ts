import type { AlertForNoise } from '@baton/plugin-sre-common';
import type { AlertEvent } from '@baton/plugin-sre-node';
import { Knex } from 'knex';

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

const iso = (value: Date | string | number) => new Date(value).toISOString();

/** A stored alert with the entities it maps to. */
export type StoredAlert = AlertForNoise;

function toAlert(row: AlertRow, entityRefs: string[] = []): StoredAlert {
  return {
    id: String(row.id),
    source: row.source as StoredAlert['source'],
    monitor: row.monitor,
    title: row.title,
    severity: row.severity as StoredAlert['severity'],
    status: row.status as StoredAlert['status'],
    startsAt: iso(row.starts_at),
    ...(row.ends_at !== null ? { endsAt: iso(row.ends_at) } : {}),
    ...(row.resolved_by
      ? { resolvedBy: row.resolved_by as 'source' | 'person' }
      : {}),
    acknowledgedBy: JSON.parse(row.acknowledged_by),
    ...(row.acknowledged_at !== null
      ? { acknowledgedAt: iso(row.acknowledged_at) }
      : {}),
    labels: JSON.parse(row.labels),
    links: JSON.parse(row.links),
    ...(row.runbook_url ? { runbookUrl: row.runbook_url } : {}),
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

/**
 * Alert instances, their entity mapping and their append-only event history
 * on the plugin's database. Every write of a delivery happens in one
 * transaction; duplicates collapse on unique keys.
 */
export class AlertStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): AlertStore {
    return new AlertStore(db);
  }

  /**
   * Stores the events of one delivery, all or nothing. Returns how many
   * events changed something (a re-sent delivery changes nothing).
   */
  async ingest(
    events: AlertEvent[],
    entityRefsFor: (labels: Record<string, string>) => string[],
    now: Date,
  ): Promise<number> {
    return this.db.transaction(async tx => {
      let changed = 0;
      for (const event of events) {
        changed += await this.#ingestOne(tx, event, entityRefsFor, now);
      }
      return changed;
    });
  }

  async #ingestOne(
    tx: Knex.Transaction,
    event: AlertEvent,
    entityRefsFor: (labels: Record<string, string>) => string[],
    now: Date,
  ): Promise<number> {
    let row: AlertRow | undefined;
    if (event.matchOpen && event.status === 'resolved') {
      row = await tx<AlertRow>('sre_alerts')
        .where({
          source: event.source,
          monitor: event.monitor,
          status: 'firing',
        })
        .orderBy('starts_at', 'desc')
        .forUpdate()
        .first();
      if (!row) return 0;
    } else {
      await tx('sre_alerts')
        .insert({
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
        })
        .onConflict(['source', 'source_key'])
        .ignore();
      row = await tx<AlertRow>('sre_alerts')
        .where({ source: event.source, source_key: event.sourceKey })
        .forUpdate()
        .first();
    }
    const alertId = Number(row!.id);
    const record = async (
      type: string,
      eventKey: string,
      at: string,
      details?: object,
    ) => {
      // The alert row is locked, so no other delivery of this alert is between the check and the insert.
      const seen = await tx('sre_alert_events')
        .where({ alert_id: alertId, event_key: eventKey })
        .first('id');
      if (seen) return 0;
      await tx('sre_alert_events')
        .insert({
          alert_id: alertId,
          type,
          at: new Date(at),
          actor: null,
          event_key: eventKey,
          details: details ? JSON.stringify(details) : null,
        })
        .onConflict(['alert_id', 'event_key'])
        .ignore();
      return 1;
    };

    let changed = await record('fired', 'fired', iso(row!.starts_at), {
      severity: event.severity,
    });
    if (event.status === 'firing') {
      const endedAt =
        row!.ends_at === null ? undefined : new Date(row!.ends_at);
      if (
        row!.status === 'resolved' &&
        endedAt &&
        Date.parse(event.at) > endedAt.getTime()
      ) {
        // Fires again after it was resolved (a Sentry issue unresolved): the same alert, open again.
        await tx('sre_alerts').where({ id: alertId }).update({
          status: 'firing',
          severity: event.severity,
          ends_at: null,
          resolved_by: null,
          updated_at: now,
        });
        changed += await record(
          'state-change',
          `reopened:${event.at}`,
          event.at,
          {
            reopened: true,
          },
        );
      } else if (row!.status === 'firing' && row!.severity !== event.severity) {
        await tx('sre_alerts')
          .where({ id: alertId })
          .update({ severity: event.severity, updated_at: now });
        changed += await record(
          'state-change',
          `state:${event.severity}:${event.at}`,
          event.at,
          { from: row!.severity, to: event.severity },
        );
      }
    } else {
      const endsAt = event.endsAt ?? event.at;
      if (row!.status === 'firing') {
        await tx('sre_alerts')
          .where({ id: alertId })
          .update({
            status: 'resolved',
            ends_at: new Date(endsAt),
            resolved_by: event.resolvedBy ?? 'source',
            updated_at: now,
          });
      }
      // Keyed by its time: the same resolution re-sent collapses, a later one (after a reopen) is new.
      changed += await record('resolved', `resolved:${iso(endsAt)}`, endsAt, {
        resolvedBy: event.resolvedBy ?? 'source',
      });
    }
    for (const ack of event.acknowledgements ?? []) {
      changed += await this.#acknowledgeIn(
        tx,
        alertId,
        ack.userRef,
        new Date(ack.at),
      );
    }
    const refs = entityRefsFor(JSON.parse(row!.labels));
    if (refs.length) {
      await tx('sre_alert_entities')
        .insert(
          refs.map(entityRef => ({
            alert_id: alertId,
            entity_ref: entityRef,
            starts_at: new Date(row!.starts_at),
          })),
        )
        .onConflict(['alert_id', 'entity_ref'])
        .ignore();
    }
    return changed;
  }

  /** Records that a person acknowledged an alert; undefined when there is no such alert. */
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

  /** Adds a responder once; the first acknowledgement's time is the alert's. Returns 1 when new. */
  async #acknowledgeIn(
    tx: Knex.Transaction,
    id: number,
    userRef: string,
    at: Date,
  ): Promise<number> {
    const row = await tx<AlertRow>('sre_alerts')
      .where({ id })
      .forUpdate()
      .first();
    const by: string[] = JSON.parse(row!.acknowledged_by);
    if (by.includes(userRef)) return 0;
    by.push(userRef);
    const first = row!.acknowledged_at
      ? new Date(row!.acknowledged_at)
      : undefined;
    await tx('sre_alerts')
      .where({ id })
      .update({
        acknowledged_by: JSON.stringify(by),
        acknowledged_at: first && first < at ? first : at,
        updated_at: new Date(),
      });
    await tx('sre_alert_events')
      .insert({
        alert_id: id,
        type: 'acknowledged',
        at,
        actor: userRef,
        event_key: `ack:${userRef}`,
        details: null,
      })
      .onConflict(['alert_id', 'event_key'])
      .ignore();
    return 1;
  }

  /** One page of an entity's alerts that started in [from, to), newest first. */
  async listForEntity(options: {
    entityRef: string;
    from: Date;
    to: Date;
    limit: number;
    cursor?: Cursor;
  }): Promise<{ alerts: StoredAlert[]; nextCursor?: string }> {
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

  /** Alerts that started in [from, to) and map to any of the entities (or to any entity at all without `entityRefs`), newest first, up to `cap`. */
  async allForEntities(
    entityRefs: string[] | undefined,
    from: Date,
    to: Date,
    cap: number,
  ): Promise<StoredAlert[]> {
    const rows: AlertRow[] = await this.db('sre_alerts as a')
      .where('a.starts_at', '>=', from)
      .where('a.starts_at', '<', to)
      .modify(query => {
        if (entityRefs) {
          query.whereExists(
            this.db('sre_alert_entities as e')
              .whereRaw('e.alert_id = a.id')
              .whereIn('e.entity_ref', entityRefs),
          );
        }
      })
      .orderBy([
        { column: 'a.starts_at', order: 'desc' },
        { column: 'a.id', order: 'desc' },
      ])
      .limit(cap)
      .select('a.*');
    return this.#withEntities(rows);
  }

  /** Every alert of an entity that started in [from, to), up to `cap`, for summaries and the flapping rule. */
  async allForEntity(
    entityRef: string,
    from: Date,
    to: Date,
    cap: number,
  ): Promise<StoredAlert[]> {
    const rows: AlertRow[] = await this.db('sre_alert_entities as e')
      .join('sre_alerts as a', 'a.id', 'e.alert_id')
      .where('e.entity_ref', entityRef)
      .where('e.starts_at', '>=', from)
      .where('e.starts_at', '<', to)
      .orderBy([
        { column: 'e.starts_at', order: 'desc' },
        { column: 'e.alert_id', order: 'desc' },
      ])
      .limit(cap)
      .select('a.*');
    return rows.map(row => toAlert(row));
  }

  /** The same alerts with the entities each maps to. */
  async withEntityRefs(alerts: StoredAlert[]): Promise<StoredAlert[]> {
    if (!alerts.length) return [];
    const links: Array<{ alert_id: string | number; entity_ref: string }> =
      await this.db('sre_alert_entities')
        .whereIn(
          'alert_id',
          alerts.map(alert => alert.id),
        )
        .select('alert_id', 'entity_ref');
    const byAlert = new Map<string, string[]>();
    for (const link of links) {
      const key = String(link.alert_id);
      byAlert.set(key, [...(byAlert.get(key) ?? []), link.entity_ref]);
    }
    return alerts.map(alert => ({
      ...alert,
      entityRefs: (byAlert.get(alert.id) ?? []).sort(),
    }));
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
    return rows.map(row =>
      toAlert(
        row,
        links
          .filter(link => String(link.alert_id) === String(row.id))
          .map(link => link.entity_ref)
          .sort(),
      ),
    );
  }

  async getAlert(id: number): Promise<StoredAlert | undefined> {
    const row = await this.db<AlertRow>('sre_alerts').where({ id }).first();
    return row ? (await this.#withEntities([row]))[0] : undefined;
  }

  /** The events of an alert, oldest first. */
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
      at: iso(row.at),
      actor: row.actor,
    }));
  }

  /**
   * Maps the alerts that started since `since` again, from their stored
   * labels: after the catalog changed (a new entity, another selector) old
   * alerts follow. Returns how many alerts changed mapping.
   */
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
          await tx('sre_alert_entities').insert(
            wanted.map(entityRef => ({
              alert_id: alert.id,
              entity_ref: entityRef,
              starts_at: new Date(alert.starts_at),
            })),
          );
        }
      });
    }
    return changed;
  }

  /** Where a poller got to; undefined before its first pull. */
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
