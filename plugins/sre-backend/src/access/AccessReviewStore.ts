import type {
  AccessAuditEntry,
  AccessAuditHashedContent,
  AccessCampaign,
  AccessCampaignState,
  AccessDecision,
  AccessReviewItem,
  ChainedAccessAuditEntry,
} from '@baton/plugin-sre-common';
import {
  ACCESS_AUDIT_GENESIS_HASH,
  accessAuditHash,
} from '@baton/plugin-sre-common';
import { Knex } from 'knex';
import { isoTime, isoTimeOrNull, StoredTime } from '../database/timestamps';

interface CampaignRow {
  id: number | string;
  title: string;
  state: string;
  created_at: StoredTime;
  created_by: string;
  due_date: string | null;
  frozen_at: StoredTime;
  resources: string;
  closed_at: StoredTime | null;
  closed_by: string | null;
}

interface ItemRow {
  id: number | string;
  campaign_id: number | string;
  resource_ref: string;
  source: string;
  generated_at: StoredTime;
  principal: string;
  principal_kind: string;
  user_ref: string | null;
  resource: string;
  privilege: string;
  last_used_at: StoredTime | null;
  flags: string;
  reviewers: string;
  decision: string | null;
  transfer_to: string | null;
  comment: string | null;
  decided_by: string | null;
  decided_at: StoredTime | null;
}

interface AuditRow {
  id: number | string;
  campaign_id: number | string;
  at: StoredTime;
  actor: string;
  action: string;
  item_id: number | string | null;
  details: string;
  seq: number | string;
  prev_hash: string;
  hash: string;
}

/** An item as a campaign freezes it, before anyone decides. */
export type NewAccessItem = Omit<
  AccessReviewItem,
  | 'id'
  | 'campaignId'
  | 'decision'
  | 'transferTo'
  | 'comment'
  | 'decidedBy'
  | 'decidedAt'
>;

/** One decision to write, on an item of a campaign. */
export interface DecisionWrite {
  itemId: string;
  decision: AccessDecision;
  transferTo: string | null;
  comment: string | null;
}

/** Rows per insert: under SQLite's bound-parameter limit with 17 columns. */
const INSERT_BATCH = 50;

function toItem(row: ItemRow): AccessReviewItem {
  return {
    id: String(row.id),
    campaignId: String(row.campaign_id),
    resourceRef: row.resource_ref,
    source: row.source,
    generatedAt: isoTime(row.generated_at),
    principal: row.principal,
    principalKind: row.principal_kind,
    userRef: row.user_ref,
    resource: row.resource,
    privilege: row.privilege,
    lastUsedAt: isoTimeOrNull(row.last_used_at),
    flags: JSON.parse(row.flags),
    reviewers: JSON.parse(row.reviewers),
    decision: row.decision as AccessDecision | null,
    transferTo: row.transfer_to,
    comment: row.comment,
    decidedBy: row.decided_by,
    decidedAt: isoTimeOrNull(row.decided_at),
  };
}

function toAudit(row: AuditRow): ChainedAccessAuditEntry {
  return {
    id: String(row.id),
    campaignId: String(row.campaign_id),
    at: isoTime(row.at),
    actor: row.actor,
    action: row.action as AccessAuditEntry['action'],
    itemId: row.item_id === null ? null : String(row.item_id),
    details: JSON.parse(row.details),
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A campaign to open, with the items it freezes. */
export interface NewAccessCampaign {
  title: string;
  dueDate: string | null;
  resources: AccessCampaign['resources'];
  items: NewAccessItem[];
  actor: string;
  now: Date;
}

/** Decisions on one campaign's items, written all or none. */
export interface AccessDecisionsWrite {
  campaignId: string;
  decisions: DecisionWrite[];
  actor: string;
  now: Date;
  check: (
    state: AccessCampaignState,
    items: Map<string, AccessReviewItem>,
  ) => void;
}

/** Closing a campaign, with the check that may refuse it. */
export interface AccessCampaignClose {
  campaignId: string;
  actor: string;
  now: Date;
  check: (items: AccessReviewItem[]) => Record<string, unknown>;
}

/** Who downloaded a campaign's evidence, and in which format. */
export interface EvidenceDownload {
  campaignId: string;
  actor: string;
  format: string;
  now: Date;
}

/** Access-review campaigns, their items, decisions and audit chain. */
export interface AccessReviewStore {
  /** A campaign with its frozen items and the audit row, in one transaction. */
  createCampaign(input: NewAccessCampaign): Promise<string>;
  /** Whether an open campaign was created by `actor`, without reading any item. */
  hasOpenCampaignBy(actor: string): Promise<boolean>;
  listCampaigns(): Promise<
    Array<Omit<AccessCampaign, 'progress'> & { items: AccessReviewItem[] }>
  >;
  getCampaign(
    id: string,
  ): Promise<
    | (Omit<AccessCampaign, 'progress'> & { items: AccessReviewItem[] })
    | undefined
  >;
  /**
   * Writes decisions of one campaign, all or none, with one audit row each.
   * `check` sees the campaign's current state and items inside the
   * transaction (rows locked on PostgreSQL) and throws to refuse.
   */
  decide(input: AccessDecisionsWrite): Promise<AccessReviewItem[]>;
  /** Closes an open campaign; `check` may refuse inside the transaction. Returns false when it was not open. */
  close(input: AccessCampaignClose): Promise<boolean>;
  /** A campaign's audit log in the order of its hash chain. */
  audit(campaignId: string): Promise<ChainedAccessAuditEntry[]>;
  recordEvidenceDownload(input: EvidenceDownload): Promise<void>;
  itemsByIds(ids: string[]): Promise<Array<AccessReviewItem | undefined>>;
  /**
   * What the readiness checks know of each Resource's access, from the
   * newest signed-off campaign that read it: the matched people with
   * admin-level access after its decisions (revoked ones out, transferred
   * ones replaced by who took over), and when it was signed off. Nothing
   * (unknown) for a Resource no signed-off campaign covers: an open
   * campaign's inventory is not reviewed yet.
   */
  readinessFacts(
    resourceRefs: string[],
  ): Promise<Map<string, { admins: string[]; lastReviewCompletedAt: string }>>;
  /** Undecided items of open campaigns, with their campaign. */
  undecidedItems(): Promise<
    Array<AccessReviewItem & { campaignTitle: string; dueDate: string | null }>
  >;
  /** Decisions made or changed since a time, counted per actor. */
  decisionCounts(actors: string[], since: Date): Promise<Map<string, number>>;
  /** Undecided items of open campaigns that the user may decide. */
  openItemsFor(userRef: string): Promise<AccessReviewItem[]>;
}

/**
 * Campaigns, their frozen items and the audit log on the plugin's database.
 * The audit log is only ever inserted into, each row chained to the one
 * before it by its hash; the migrations make the database refuse updates,
 * deletes (and on PostgreSQL TRUNCATE) of it.
 */
export class DatabaseAccessReviewStore implements AccessReviewStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseAccessReviewStore {
    return new DatabaseAccessReviewStore(db);
  }

  async createCampaign(input: NewAccessCampaign): Promise<string> {
    return this.db.transaction(async tx => {
      const [row] = await tx('sre_access_campaigns')
        .insert({
          title: input.title,
          state: 'open',
          created_at: input.now,
          created_by: input.actor,
          due_date: input.dueDate,
          frozen_at: input.now,
          resources: JSON.stringify(input.resources),
        })
        .returning('id');
      const id = typeof row === 'object' ? row.id : row;
      for (let i = 0; i < input.items.length; i += INSERT_BATCH) {
        await tx('sre_access_items').insert(
          input.items.slice(i, i + INSERT_BATCH).map(item => ({
            campaign_id: id,
            resource_ref: item.resourceRef,
            source: item.source,
            generated_at: new Date(item.generatedAt),
            principal: item.principal,
            principal_kind: item.principalKind,
            user_ref: item.userRef,
            resource: item.resource,
            privilege: item.privilege,
            last_used_at: item.lastUsedAt ? new Date(item.lastUsedAt) : null,
            flags: JSON.stringify(item.flags),
            reviewers: JSON.stringify(item.reviewers),
          })),
        );
      }
      await this.#audit(tx, {
        campaignId: String(id),
        actor: input.actor,
        action: 'campaign-created',
        itemId: null,
        details: {
          title: input.title,
          items: input.items.length,
          resources: input.resources.map(r => r.resourceRef),
        },
        at: input.now,
      });
      return String(id);
    });
  }

  async hasOpenCampaignBy(actor: string): Promise<boolean> {
    const row = await this.db('sre_access_campaigns')
      .where({ state: 'open', created_by: actor })
      .first('id');
    return Boolean(row);
  }

  async listCampaigns(): Promise<
    Array<Omit<AccessCampaign, 'progress'> & { items: AccessReviewItem[] }>
  > {
    const rows: CampaignRow[] = await this.db('sre_access_campaigns').orderBy(
      'id',
      'desc',
    );
    const items: ItemRow[] = rows.length
      ? await this.db('sre_access_items')
          .whereIn(
            'campaign_id',
            rows.map(row => row.id),
          )
          .orderBy('id')
      : [];
    return rows.map(row => ({
      ...this.#campaign(row),
      items: items
        .filter(item => String(item.campaign_id) === String(row.id))
        .map(toItem),
    }));
  }

  async getCampaign(
    id: string,
  ): Promise<
    | (Omit<AccessCampaign, 'progress'> & { items: AccessReviewItem[] })
    | undefined
  > {
    const row: CampaignRow | undefined = await this.db('sre_access_campaigns')
      .where({ id: Number(id) })
      .first();
    if (!row) return undefined;
    const items: ItemRow[] = await this.db('sre_access_items')
      .where({ campaign_id: row.id })
      .orderBy('id');
    return { ...this.#campaign(row), items: items.map(toItem) };
  }

  #campaign(row: CampaignRow): Omit<AccessCampaign, 'progress'> {
    return {
      id: String(row.id),
      title: row.title,
      state: row.state as AccessCampaignState,
      createdAt: isoTime(row.created_at),
      createdBy: row.created_by,
      dueDate: row.due_date,
      frozenAt: isoTime(row.frozen_at),
      resources: JSON.parse(row.resources),
      closedAt: isoTimeOrNull(row.closed_at),
      closedBy: row.closed_by,
    };
  }

  async decide(input: AccessDecisionsWrite): Promise<AccessReviewItem[]> {
    return this.db.transaction(async tx => {
      const campaign = await tx('sre_access_campaigns')
        .where({ id: Number(input.campaignId) })
        .forUpdate()
        .first('state');
      const ids = input.decisions.map(d => Number(d.itemId));
      const rows: ItemRow[] = await tx('sre_access_items')
        .where({ campaign_id: Number(input.campaignId) })
        .whereIn('id', ids)
        .forUpdate();
      const items = new Map(rows.map(row => [String(row.id), toItem(row)]));
      input.check(campaign?.state ?? 'closed', items);
      for (const decision of input.decisions) {
        const before = items.get(decision.itemId)!;
        await tx('sre_access_items')
          .where({ id: Number(decision.itemId) })
          .update({
            decision: decision.decision,
            transfer_to: decision.transferTo,
            comment: decision.comment,
            decided_by: input.actor,
            decided_at: input.now,
          });
        await this.#audit(tx, {
          campaignId: input.campaignId,
          actor: input.actor,
          action: before.decision ? 'decision-changed' : 'decision-made',
          itemId: decision.itemId,
          details: {
            principal: before.principal,
            resource: before.resource,
            ...(before.decision ? { from: before.decision } : {}),
            decision: decision.decision,
            ...(decision.transferTo ? { transferTo: decision.transferTo } : {}),
            ...(decision.comment ? { comment: decision.comment } : {}),
          },
          at: input.now,
        });
      }
      const updated: ItemRow[] = await tx('sre_access_items')
        .whereIn('id', ids)
        .orderBy('id');
      return updated.map(toItem);
    });
  }

  async close(input: AccessCampaignClose): Promise<boolean> {
    return this.db.transaction(async tx => {
      const campaign = await tx('sre_access_campaigns')
        .where({ id: Number(input.campaignId) })
        .forUpdate()
        .first('state');
      if (campaign?.state !== 'open') return false;
      const rows: ItemRow[] = await tx('sre_access_items').where({
        campaign_id: Number(input.campaignId),
      });
      const details = input.check(rows.map(toItem));
      await tx('sre_access_campaigns')
        .where({ id: Number(input.campaignId) })
        .update({
          state: 'closed',
          closed_at: input.now,
          closed_by: input.actor,
        });
      await this.#audit(tx, {
        campaignId: input.campaignId,
        actor: input.actor,
        action: 'campaign-closed',
        itemId: null,
        details,
        at: input.now,
      });
      return true;
    });
  }

  async audit(campaignId: string): Promise<ChainedAccessAuditEntry[]> {
    const rows: AuditRow[] = await this.db('sre_access_audit')
      .where({ campaign_id: Number(campaignId) })
      .orderBy('seq');
    return rows.map(toAudit);
  }

  async recordEvidenceDownload(input: EvidenceDownload): Promise<void> {
    await this.db.transaction(tx =>
      this.#audit(tx, {
        campaignId: input.campaignId,
        actor: input.actor,
        action: 'evidence-downloaded',
        itemId: null,
        details: { format: input.format },
        at: input.now,
      }),
    );
  }

  async itemsByIds(
    ids: string[],
  ): Promise<Array<AccessReviewItem | undefined>> {
    const numeric = ids.filter(id => /^\d{1,18}$/.test(id)).map(Number);
    const rows: ItemRow[] = numeric.length
      ? await this.db('sre_access_items').whereIn('id', numeric)
      : [];
    const byId = new Map(rows.map(row => [String(row.id), toItem(row)]));
    return ids.map(id => byId.get(id));
  }

  async readinessFacts(
    resourceRefs: string[],
  ): Promise<Map<string, { admins: string[]; lastReviewCompletedAt: string }>> {
    const facts = new Map<
      string,
      { admins: string[]; lastReviewCompletedAt: string }
    >();
    if (!resourceRefs.length) return facts;
    const campaigns: CampaignRow[] = await this.db('sre_access_campaigns')
      .where({ state: 'closed' })
      .select('id', 'closed_at', 'resources')
      .orderBy('closed_at', 'desc');
    for (const ref of resourceRefs) {
      const signedOff = campaigns.find(campaign =>
        (JSON.parse(campaign.resources) as AccessCampaign['resources']).some(
          resource => resource.resourceRef === ref && !resource.error,
        ),
      );
      if (!signedOff?.closed_at) continue;
      const rows: ItemRow[] = await this.db('sre_access_items').where({
        campaign_id: signedOff.id,
        resource_ref: ref,
      });
      const admins = rows
        .map(toItem)
        .filter(item => item.flags.includes('admin-privilege') && item.userRef)
        .flatMap(item => {
          if (item.decision === 'revoke') return [];
          if (item.decision === 'transfer' && item.transferTo) {
            return [item.transferTo];
          }
          return [item.userRef!];
        });
      facts.set(ref, {
        admins: [...new Set(admins)].sort(),
        lastReviewCompletedAt: isoTime(signedOff.closed_at),
      });
    }
    return facts;
  }

  async undecidedItems(): Promise<
    Array<AccessReviewItem & { campaignTitle: string; dueDate: string | null }>
  > {
    const rows: Array<ItemRow & { title: string; due_date: string | null }> =
      await this.db('sre_access_items as i')
        .join('sre_access_campaigns as c', 'c.id', 'i.campaign_id')
        .where('c.state', 'open')
        .whereNull('i.decision')
        .orderBy('i.id')
        .select('i.*', 'c.title', 'c.due_date');
    return rows.map(row => ({
      ...toItem(row),
      campaignTitle: row.title,
      dueDate: row.due_date,
    }));
  }

  async decisionCounts(
    actors: string[],
    since: Date,
  ): Promise<Map<string, number>> {
    if (!actors.length) return new Map();
    const rows: Array<{ actor: string; n: number | string }> = await this.db(
      'sre_access_audit',
    )
      .whereIn('actor', actors)
      .whereIn('action', ['decision-made', 'decision-changed'])
      .where('at', '>=', since)
      .groupBy('actor')
      .select('actor')
      .count({ n: '*' });
    return new Map(rows.map(row => [row.actor, Number(row.n)]));
  }

  async openItemsFor(userRef: string): Promise<AccessReviewItem[]> {
    // Reviewers are a JSON array; the quoted ref matches one element exactly.
    const rows: ItemRow[] = await this.db('sre_access_items as i')
      .join('sre_access_campaigns as c', 'c.id', 'i.campaign_id')
      .where('c.state', 'open')
      .whereNull('i.decision')
      .where('i.reviewers', 'like', `%${JSON.stringify(userRef)}%`)
      .orderBy('i.id')
      .select('i.*');
    return rows.map(toItem).filter(item => item.reviewers.includes(userRef));
  }

  /**
   * Appends a row at the end of its campaign's hash chain, in the caller's
   * transaction. The campaign row is locked first (SELECT … FOR UPDATE on
   * PostgreSQL; SQLite runs one write transaction at a time), so replicas
   * appending at once take turns rather than both chaining onto the same
   * last row; the unique (campaign_id, seq) index refuses such a fork even
   * then.
   */
  async #audit(
    tx: Knex.Transaction,
    entry: Omit<AccessAuditEntry, 'id' | 'at'> & { at: Date },
  ): Promise<void> {
    const campaignId = Number(entry.campaignId);
    await tx('sre_access_campaigns')
      .where({ id: campaignId })
      .forUpdate()
      .first('id');
    const last: Pick<AuditRow, 'seq' | 'hash'> | undefined = await tx(
      'sre_access_audit',
    )
      .where({ campaign_id: campaignId })
      .orderBy('seq', 'desc')
      .first('seq', 'hash');
    const details = JSON.stringify(entry.details);
    const content: AccessAuditHashedContent = {
      campaignId: String(campaignId),
      seq: last ? Number(last.seq) + 1 : 1,
      prevHash: last?.hash ?? ACCESS_AUDIT_GENESIS_HASH,
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      itemId: entry.itemId,
      // Hashed as stored: whatever JSON leaves out is left out of the hash too.
      details: JSON.parse(details),
    };
    await tx('sre_access_audit').insert({
      campaign_id: campaignId,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      item_id: entry.itemId === null ? null : Number(entry.itemId),
      details,
      seq: content.seq,
      prev_hash: content.prevHash,
      hash: accessAuditHash(content),
    });
  }
}
