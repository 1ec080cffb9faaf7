import fs from 'fs';
import knexFactory, { Knex } from 'knex';
import os from 'os';
import path from 'path';

/**
 * Runs `fn` on a new SQLite file in a temporary folder and removes the
 * folder afterwards, even when `fn` throws. `knex()` opens the file on first
 * use; the bench may instead hand `filename` to a backend process.
 */
export async function withThrowAwaySqlite<T>(
  name: string,
  fn: (db: { filename: string; knex: () => Knex }) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `baton-${name}-`));
  const filename = path.join(dir, 'bench.sqlite');
  let knex: Knex | undefined;
  try {
    return await fn({
      filename,
      knex: () =>
        (knex ??= knexFactory({
          client: 'better-sqlite3',
          connection: { filename },
          useNullAsDefault: true,
        })),
    });
  } finally {
    await knex?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
