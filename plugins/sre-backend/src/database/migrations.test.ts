import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ACCESS_AUDIT_GENESIS_HASH,
  verifyAccessAuditChain,
} from '@baton/plugin-sre-common';
import fs from 'fs';
import { Knex } from 'knex';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

// Every table the migrations create.
const TABLES = [
  'sre_alert_events',
  'sre_knowledge',
  'sre_readiness_history',
  'sre_slo_entities',
  'sre_slo_series',
  'sre_sli_snapshots',
  'sre_alerts',
  'sre_alert_entities',
  'sre_alert_pollers',
  'sre_cost_daily',
  'sre_cost_imports',
  'sre_cost_tag_sets',
  'sre_reviews',
  'sre_review_actions',
  'sre_access_campaigns',
  'sre_access_items',
  'sre_access_audit',
  'sre_source_status',
  'sre_slo_backfill_claims',
  'sre_changes',
  'sre_change_entities',
  'sre_change_people',
  'sre_change_pulls',
];

const migrationFiles = fs
  .readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

const AUDIT_CHAIN_MIGRATION = '20261203_access_audit_chain.js';

// Audit rows as the store wrote them before the hash chain: two campaigns, interleaved.
const unchainedAuditRows = [
  [7, '2026-11-01T08:00:00.000Z', 'campaign-created', null, { items: 2 }],
  [8, '2026-11-01T09:00:00.000Z', 'campaign-created', null, { items: 1 }],
  [7, '2026-11-02T10:30:00.123Z', 'decision-made', 41, { decision: 'keep' }],
  [7, '2026-11-03T12:00:00.000Z', 'campaign-closed', null, { b: 1, a: [2] }],
  [8, '2026-11-04T00:00:00.000Z', 'evidence-downloaded', null, {}],
] as const;

/** A campaign's audit rows as the evidence lists them. */
async function auditChainOf(knex: Knex, campaignId: number) {
  const rows = await knex('sre_access_audit')
    .where({ campaign_id: campaignId })
    .orderBy('seq');
  return rows.map(row => ({
    campaignId: String(row.campaign_id),
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    itemId: row.item_id === null ? null : String(row.item_id),
    details: JSON.parse(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

describe.each(databases.eachSupportedId())('migrations on %s', id => {
  it('steps every migration up and back down', async () => {
    const knex = await databases.init(id);
    expect(migrationFiles.length).toBeGreaterThan(0);

    for (const file of migrationFiles) {
      if (file === AUDIT_CHAIN_MIGRATION) {
        await knex('sre_access_audit').insert(
          unchainedAuditRows.map(
            ([campaignId, at, action, itemId, details]) => ({
              campaign_id: campaignId,
              at: new Date(at),
              actor: 'user:default/ada',
              action,
              item_id: itemId,
              details: JSON.stringify(details),
            }),
          ),
        );
      }
      await knex.migrate.up({ directory: migrationsDir });
    }
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }

    // The dedupe key is a unique constraint, so duplicates collapse in the database.
    const alert = {
      source: 'alertmanager',
      source_key: 'fp-1@2026-11-01T00:00:00Z',
      monitor: 'HighErrorRate',
      title: 'High error rate',
      severity: 'critical',
      status: 'firing',
      starts_at: new Date('2026-11-01T00:00:00Z'),
      acknowledged_by: '[]',
      labels: '{}',
      links: '[]',
      updated_at: new Date('2026-11-01T00:00:00Z'),
    };
    await knex('sre_alerts').insert(alert);
    await expect(knex('sre_alerts').insert(alert)).rejects.toThrow();

    // One review in progress per team; finished ones are many.
    const review = (state: string) => ({
      team_ref: 'group:default/team',
      state,
      since: new Date('2026-11-01T00:00:00Z'),
      started_at: new Date('2026-11-15T00:00:00Z'),
      started_by: 'user:default/ada',
      attendees: '[]',
      notes: '',
      revision: 1,
      updated_at: new Date('2026-11-15T00:00:00Z'),
    });
    await knex('sre_reviews').insert([review('finished'), review('finished')]);
    await knex('sre_reviews').insert(review('in-progress'));
    await expect(
      knex('sre_reviews').insert(review('in-progress')),
    ).rejects.toThrow();

    // The rows written before the hash chain got theirs, per campaign in id
    // order, as the shared verifier computes it.
    const seven = await auditChainOf(knex, 7);
    expect(seven.map(entry => [entry.seq, entry.action])).toEqual([
      [1, 'campaign-created'],
      [2, 'decision-made'],
      [3, 'campaign-closed'],
    ]);
    expect(seven[0].prevHash).toBe(ACCESS_AUDIT_GENESIS_HASH);
    expect(verifyAccessAuditChain(seven)).toEqual({
      valid: true,
      head: seven[2].hash,
    });
    const eight = await auditChainOf(knex, 8);
    expect(eight.map(entry => entry.seq)).toEqual([1, 2]);
    expect(verifyAccessAuditChain(eight)).toEqual({
      valid: true,
      head: eight[1].hash,
    });

    // The access-review audit log takes rows and never changes them.
    const appended = {
      campaign_id: 8,
      at: new Date('2026-11-15T00:00:00Z'),
      actor: 'user:default/ada',
      action: 'evidence-downloaded',
      details: '{}',
      seq: 3,
      prev_hash: eight[1].hash,
      hash: 'f'.repeat(64),
    };
    await knex('sre_access_audit').insert(appended);
    // A second row after the same one would fork the chain.
    await expect(
      knex('sre_access_audit').insert({ ...appended, hash: 'e'.repeat(64) }),
    ).rejects.toThrow();
    // Every row is chained.
    await expect(
      knex('sre_access_audit').insert({
        ...appended,
        seq: 4,
        prev_hash: appended.hash,
        hash: null,
      }),
    ).rejects.toThrow(
      /null value in column "hash"|rows need seq, prev_hash and hash/,
    );
    await expect(
      knex('sre_access_audit').update({ actor: 'user:default/eve' }),
    ).rejects.toThrow(/append-only/);
    await expect(knex('sre_access_audit').delete()).rejects.toThrow(
      /append-only/,
    );
    // Row triggers do not see TRUNCATE; on PostgreSQL a statement trigger
    // refuses it. SQLite has no TRUNCATE at all.
    await expect(knex.raw('TRUNCATE sre_access_audit')).rejects.toThrow(
      knex.client.config.client === 'pg'
        ? /append-only/
        : /near "TRUNCATE": syntax error/,
    );
    expect(
      Number((await knex('sre_access_audit').count({ n: '*' }))[0].n),
    ).toBe(6);

    const newestFirst = [...migrationFiles].reverse();
    const chainDown = newestFirst.indexOf(AUDIT_CHAIN_MIGRATION) + 1;
    for (const _file of newestFirst.slice(0, chainDown)) {
      await knex.migrate.down({ directory: migrationsDir });
    }
    // Back without the chain, and still append-only.
    expect(await knex.schema.hasColumn('sre_access_audit', 'hash')).toBe(false);
    await expect(
      knex('sre_access_audit').update({ actor: 'user:default/eve' }),
    ).rejects.toThrow(/append-only/);
    await expect(knex('sre_access_audit').delete()).rejects.toThrow(
      /append-only/,
    );
    for (const _file of newestFirst.slice(chainDown)) {
      await knex.migrate.down({ directory: migrationsDir });
    }
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
  });
});
