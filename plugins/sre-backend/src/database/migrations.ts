import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Where the plugin's knex migrations live, in source and in the published package. */
export const migrationsDir = resolvePackagePath(
  '@baton/plugin-sre-backend',
  'migrations',
);

/** Brings the plugin's tables up to date. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}
