import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReadinessHistoryStore } from './ReadinessHistoryStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'DatabaseReadinessHistoryStore on %s',
  id => {
    it('keeps one snapshot per entity and day and reads them since a day, oldest first', async () => {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const store = DatabaseReadinessHistoryStore.create(knex);
      const a = 'component:default/a';
      const b = 'component:default/b';

      await store.record('2026-11-01', [
        { entityRef: a, score: 50, level: 'at-risk', truckFactor: 1 },
      ]);
      await store.record('2026-11-20', [
        { entityRef: a, score: 60, level: 'at-risk', truckFactor: 2 },
        { entityRef: b, score: 90, level: 'ready', truckFactor: 3 },
      ]);
      // A later run the same day replaces that day's snapshot.
      await store.record('2026-11-20', [
        { entityRef: a, score: 85, level: 'ready', truckFactor: 2 },
      ]);

      const trends = await store.trends(
        [a, b, 'component:default/none'],
        '2026-11-10',
      );
      expect(trends.get(a)).toEqual([
        { day: '2026-11-20', score: 85, level: 'ready', truckFactor: 2 },
      ]);
      expect(trends.get(b)).toHaveLength(1);
      expect(trends.get('component:default/none')).toEqual([]);
      expect(
        (await store.trends([a], '2026-10-01')).get(a)!.map(p => p.day),
      ).toEqual(['2026-11-01', '2026-11-20']);
    });
  },
);
