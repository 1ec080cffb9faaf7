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

    it('start on a lock table that two replicas each gave a row, which knex alone would call locked for good', async () => {
      const knex = await databases.init(id);
      // As knex creates its tables; two replicas at once each found the
      // lock table empty and inserted its row.
      await knex.schema.createTable('knex_migrations', table => {
        table.increments();
        table.string('name');
        table.integer('batch');
        table.timestamp('migration_time');
      });
      await knex.schema.createTable('knex_migrations_lock', table => {
        table.increments('index').primary();
        table.integer('is_locked');
      });
      await knex('knex_migrations_lock').insert({ is_locked: 0 });
      await knex('knex_migrations_lock').insert({ is_locked: 0 });
      await expect(
        knex.migrate.latest({ directory: migrationsDir }),
      ).rejects.toThrow('Migration table is already locked');

      await applyDatabaseMigrations(knex, { waitMs: 10_000 });
      const [, pending] = await knex.migrate.list({ directory: migrationsDir });
      expect(pending).toEqual([]);
      const locks = await knex('knex_migrations_lock').select('is_locked');
      expect(locks.map(lock => Number(lock.is_locked))).toEqual([0]);
    });
  },
);
