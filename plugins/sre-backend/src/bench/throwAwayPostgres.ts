import knexFactory, { Knex } from 'knex';

/** The server's URL with another database (pg lets a connectionString's empty database win over `database`). */
function postgresDatabaseUrl(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Runs `fn` on a new PostgreSQL database `baton_<name>_<pid>` of the server
 * at `serverUrl` (a bench's BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING)
 * and drops it afterwards, even when `fn` throws. `knex()` connects on first
 * use; the bench may instead hand `database` to a backend process.
 */
export async function withThrowAwayPostgres<T>(
  serverUrl: string,
  name: string,
  fn: (db: { database: string; knex: () => Knex }) => Promise<T>,
): Promise<T> {
  const database = `baton_${name}_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: serverUrl });
  await admin.raw(`CREATE DATABASE ${database}`);
  let knex: Knex | undefined;
  try {
    return await fn({
      database,
      knex: () =>
        (knex ??= knexFactory({
          client: 'pg',
          connection: postgresDatabaseUrl(serverUrl, database),
        })),
    });
  } finally {
    await knex?.destroy();
    // FORCE: a backend the bench started may still hold connections.
    await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.destroy();
  }
}
