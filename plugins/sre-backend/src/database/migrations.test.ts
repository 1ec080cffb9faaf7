import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'fs';
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
  'sre_reviews',
  'sre_review_actions',
  'sre_access_campaigns',
  'sre_access_items',
  'sre_access_audit',
];

const migrationFiles = fs
  .readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

describe.each(databases.eachSupportedId())('migrations on %s', id => {
  it('steps every migration up and back down', async () => {
    const knex = await databases.init(id);
    expect(migrationFiles.length).toBeGreaterThan(0);

    for (const _file of migrationFiles) {
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

    // The access-review audit log takes rows and never changes them.
    await knex('sre_access_audit').insert({
      campaign_id: 1,
      at: new Date('2026-11-15T00:00:00Z'),
      actor: 'user:default/ada',
      action: 'campaign-created',
      details: '{}',
    });
    await expect(
      knex('sre_access_audit').update({ actor: 'user:default/eve' }),
    ).rejects.toThrow(/append-only/);
    await expect(knex('sre_access_audit').delete()).rejects.toThrow(
      /append-only/,
    );

    for (const _file of migrationFiles) {
      await knex.migrate.down({ directory: migrationsDir });
    }
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
  });
});
