import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations, migrationsDir } from './migrations';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'migrations from replicas starting at once on %s',
  id => {
    it('bring one fresh database up to date from every replica, none failing on the lock', async () => {
      const knex = await databases.init(id);
      // Replicas of a rolling deploy's first start: each runs the migrations.
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => applyDatabaseMigrations(knex)),
      );
      // A rejection shows its reason.
      expect(
        results.map(result =>
          result.status === 'rejected' ? String(result.reason) : result.status,
        ),
      ).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      const [completed, pending] = await knex.migrate.list({
        directory: migrationsDir,
      });
      expect(pending).toEqual([]);
      expect(completed.length).toBeGreaterThan(10);
      const locks = await knex('knex_migrations_lock').select('is_locked');
      expect(locks.map(lock => Number(lock.is_locked))).toEqual([0]);
    });
  },
);
