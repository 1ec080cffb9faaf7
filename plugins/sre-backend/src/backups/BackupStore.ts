import type { ProtectedResourceEvidence } from '@baton/plugin-sre-common';
import type { Knex } from 'knex';
import { isoTime } from '../database/timestamps';

const PULLS = 'sre_backup_pulls';
const EVIDENCE = 'sre_backup_evidence';
/** Rows per insert: 6 columns each, well under SQLite's 999 bound variables. */
const INSERT_CHUNK = 100;

/** A resource's evidence as its source's latest pull stored it. */
export interface StoredBackupEvidence {
  sourceId: string;
  pulledAt: string;
  evidence: ProtectedResourceEvidence;
}

/** A successful pull of a backup source. */
export interface StoredBackupPull {
  id: number;
  sourceId: string;
  pulledAt: string;
  resources: number;
}

/** Backup sources' pulls and the evidence of each, kept as history. */
export interface BackupStore {
  /** Stores a successful pull and its evidence, all or nothing; returns the pull's id. */
  recordPull(
    sourceId: string,
    pulledAt: Date,
    items: ProtectedResourceEvidence[],
  ): Promise<number>;
  /** The latest pull of each of `sourceIds`, by source id. */
  latestPulls(sourceIds: string[]): Promise<StoredBackupPull[]>;
  /** The evidence those pulls stored, by pull and resource ARN. */
  evidenceOf(pulls: StoredBackupPull[]): Promise<StoredBackupEvidence[]>;
  /**
   * One resource's evidence in the pulls of `sourceIds` since `since`, newest
   * pull first, at most `limit`, only pulls before `beforePullId` when given.
   */
  resourceHistory(options: {
    sourceIds: string[];
    resourceArn: string;
    since: Date;
    limit: number;
    beforePullId?: number;
  }): Promise<Array<StoredBackupEvidence & { pullId: number }>>;
  /** Deletes pulls before `before`, except each source's latest; returns how many. */
  prune(before: Date): Promise<number>;
}

/** The backup store on the plugin's database. */
export class DatabaseBackupStore implements BackupStore {
  static create(knex: Knex): DatabaseBackupStore {
    return new DatabaseBackupStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async recordPull(
    sourceId: string,
    pulledAt: Date,
    items: ProtectedResourceEvidence[],
  ): Promise<number> {
    return this.knex.transaction(async tx => {
      const [row] = await tx(PULLS)
        .insert({
          source_id: sourceId,
          pulled_at: pulledAt,
          resources: items.length,
        })
        .returning('id');
      const pullId = Number(typeof row === 'object' ? row.id : row);
      const rows = items.map(item => ({
        pull_id: pullId,
        resource_arn: item.resourceArn,
        resource_type: item.resourceType,
        account_id: item.accountId,
        region: item.region,
        evidence: JSON.stringify(item),
      }));
      for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
        await tx(EVIDENCE).insert(rows.slice(at, at + INSERT_CHUNK));
      }
      return pullId;
    });
  }

  async latestPulls(sourceIds: string[]): Promise<StoredBackupPull[]> {
    if (!sourceIds.length) return [];
    const rows = await this.knex(PULLS)
      .select('id', 'source_id', 'pulled_at', 'resources')
      .whereIn(
        'id',
        this.knex(PULLS)
          .max('id')
          .whereIn('source_id', sourceIds)
          .groupBy('source_id'),
      )
      .orderBy('source_id');
    return rows.map(row => ({
      id: Number(row.id),
      sourceId: row.source_id,
      pulledAt: isoTime(row.pulled_at),
      resources: Number(row.resources),
    }));
  }

  async evidenceOf(pulls: StoredBackupPull[]): Promise<StoredBackupEvidence[]> {
    if (!pulls.length) return [];
    const byId = new Map(pulls.map(pull => [pull.id, pull]));
    const rows = await this.knex(EVIDENCE)
      .select('pull_id', 'evidence')
      .whereIn('pull_id', [...byId.keys()])
      .orderBy(['pull_id', 'resource_arn']);
    return rows.map(row => {
      const pull = byId.get(Number(row.pull_id))!;
      return {
        sourceId: pull.sourceId,
        pulledAt: pull.pulledAt,
        evidence: JSON.parse(row.evidence) as ProtectedResourceEvidence,
      };
    });
  }

  async resourceHistory(options: {
    sourceIds: string[];
    resourceArn: string;
    since: Date;
    limit: number;
    beforePullId?: number;
  }): Promise<Array<StoredBackupEvidence & { pullId: number }>> {
    if (!options.sourceIds.length) return [];
    const query = this.knex(`${EVIDENCE} as e`)
      .join(`${PULLS} as p`, 'p.id', 'e.pull_id')
      .where('e.resource_arn', options.resourceArn)
      .whereIn('p.source_id', options.sourceIds)
      .where('p.pulled_at', '>=', options.since)
      .select('e.pull_id', 'p.source_id', 'p.pulled_at', 'e.evidence')
      .orderBy('e.pull_id', 'desc')
      .limit(options.limit);
    if (options.beforePullId !== undefined) {
      query.where('e.pull_id', '<', options.beforePullId);
    }
    const rows = await query;
    return rows.map(row => ({
      pullId: Number(row.pull_id),
      sourceId: row.source_id,
      pulledAt: isoTime(row.pulled_at),
      evidence: JSON.parse(row.evidence) as ProtectedResourceEvidence,
    }));
  }

  async prune(before: Date): Promise<number> {
    const keep = this.knex(PULLS).max('id').groupBy('source_id');
    return this.knex.transaction(async tx => {
      const old = tx(PULLS)
        .select('id')
        .where('pulled_at', '<', before)
        .whereNotIn('id', keep);
      // Explicitly: SQLite enforces the foreign key's cascade only with its pragma on.
      await tx(EVIDENCE).whereIn('pull_id', old).delete();
      const pruned = await tx(PULLS)
        .where('pulled_at', '<', before)
        .whereNotIn('id', keep.clone())
        .delete();
      return Number(pruned ?? 0);
    });
  }
}
