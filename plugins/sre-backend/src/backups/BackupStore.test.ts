import { TestDatabases } from '@backstage/backend-test-utils';
import type { ProtectedResourceEvidence } from '@baton/plugin-sre-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseBackupStore } from './BackupStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-14T00:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY);

const resource = (name: string): ProtectedResourceEvidence => ({
  resourceArn: `arn:aws:rds:ap-northeast-1:111111111111:db:${name}`,
  resourceType: 'RDS',
  accountId: '111111111111',
  region: 'ap-northeast-1',
  tags: { service: name },
  copies: [],
});

describe.each(databases.eachSupportedId())('DatabaseBackupStore on %s', id => {
  it('answers each source’s latest pull and prunes old pulls but never a latest one', async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const store = DatabaseBackupStore.create(knex);
    // Source a: two old pulls and no newer one; source b: an old and a new one.
    await store.recordPull('a', daysAgo(500), [
      resource('one'),
      resource('two'),
    ]);
    await store.recordPull('a', daysAgo(450), [resource('one')]);
    await store.recordPull('b', daysAgo(420), [resource('three')]);
    await store.recordPull('b', daysAgo(1), [resource('four')]);
    // 150 resources: more than one insert chunk.
    await store.recordPull(
      'c',
      daysAgo(1),
      Array.from({ length: 150 }, (_, i) => resource(`db${i}`)),
    );

    const latest = await store.latestPulls(['a', 'b']);
    expect(latest).toEqual([
      {
        id: expect.any(Number),
        sourceId: 'a',
        pulledAt: daysAgo(450).toISOString(),
        resources: 1,
      },
      {
        id: expect.any(Number),
        sourceId: 'b',
        pulledAt: daysAgo(1).toISOString(),
        resources: 1,
      },
    ]);
    const evidence = await store.evidenceOf(latest);
    expect(evidence.map(item => item.evidence.tags.service)).toEqual([
      'one',
      'four',
    ]);
    expect(await store.evidenceOf(await store.latestPulls(['c']))).toHaveLength(
      150,
    );
    expect(await store.latestPulls([])).toEqual([]);

    expect(await store.prune(daysAgo(400))).toBe(2);
    const pulls = await knex('sre_backup_pulls')
      .orderBy('id')
      .select('source_id');
    expect(pulls.map(p => p.source_id)).toEqual(['a', 'b', 'c']);
    const rows = await knex('sre_backup_evidence').count({ n: '*' });
    expect(Number(rows[0].n)).toBe(1 + 1 + 150);
    expect(
      await store.evidenceOf(await store.latestPulls(['a', 'b'])),
    ).toHaveLength(2);
  });
});
