import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Where the plugin's knex migrations live, in source and in the published package. */
export const migrationsDir = resolvePackagePath(
  '@baton/plugin-sre-backend',
  'migrations',
);

/** How long a replica waits for another one's migrations before it fails to start. */
const MIGRATION_WAIT_MS = 120_000;

/**
 * What knex throws when another replica migrates the same database at that
 * moment: the migration lock is held, or knex's own tables were created
 * between its check and its `CREATE TABLE` (PostgreSQL says "already
 * exists" or, for the same race in its catalogs, "duplicate key"; SQLite
 * "already exists"). Only knex's own tables race: the plugin's migrations
 * run under the lock.
 */
function isConcurrentMigration(error: unknown): boolean {
  const { name, message = '' } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  return (
    name === 'MigrationLocked' ||
    /^create table .knex_migrations(_lock)?. .* - (.* already exists|duplicate key value)/.test(
      message,
    )
  );
}

/**
 * knex creates its lock table's one row by reading the table and inserting
 * when it is empty: replicas doing so at once can each insert one. Then
 * every lock attempt updates two rows, counts that as "already locked" and
 * fails, on every start, for good. No one holds the lock while there are
 * two rows, so all but the first can go.
 */
async function removeDuplicateLockRows(knex: Knex): Promise<void> {
  const table = 'knex_migrations_lock';
  if (!(await knex.schema.hasTable(table))) return;
  const [{ rows, first }] = await knex(table)
    .count({ rows: '*' })
    .min({ first: 'index' });
  if (Number(rows) > 1) {
    await knex(table).where('index', '>', first).delete();
  }
}

/**
 * Brings the plugin's tables up to date. Replicas starting at once all call
 * this: the ones that meet another's migration wait and try again, and then
 * find nothing left to do.
 */
export async function applyDatabaseMigrations(
  knex: Knex,
  options: { waitMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.waitMs ?? MIGRATION_WAIT_MS);
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (!isConcurrentMigration(error) || Date.now() > deadline) throw error;
      if ((error as { name?: string }).name === 'MigrationLocked') {
        await removeDuplicateLockRows(knex);
      }
      // Jittered, so that the waiting replicas do not collide again.
      const delay = Math.min(2000, 100 * attempt) * (0.5 + Math.random());
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
}
