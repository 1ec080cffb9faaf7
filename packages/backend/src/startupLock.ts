import type { Config } from '@backstage/config';
import { Client, type ClientConfig } from 'pg';

/** Any number, the same in every replica: the lock's key. */
const STARTUP_LOCK_KEY = 'baton:backend-startup';
const POLL_MS = 1000;

/** A place to say what the lock does; the backend's logger does not exist yet. */
export type StartupLockLog = (message: string) => void;

/** The pg connection of `backend.database`, or undefined when it is not PostgreSQL. */
export function postgresConnection(config: Config): ClientConfig | undefined {
  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') !== 'pg') return undefined;
  const connection = database.get<unknown>('connection');
  if (typeof connection === 'string') return { connectionString: connection };
  if (!connection || typeof connection !== 'object') return undefined;
  const given = connection as ClientConfig & { type?: string };
  // A connector of its own (e.g. Cloud SQL) needs its own client: no lock.
  if (given.type && given.type !== 'default') return undefined;
  const { type: _type, ...rest } = given;
  // Without a database, pg would pick the user's name; Backstage's own
  // admin connections use `postgres`, which every server has.
  return { ...rest, database: rest.database ?? 'postgres' };
}

/**
 * Lets one replica start at a time. Backstage's plugins migrate their
 * tables with knex when they start, and knex fails at once ("Migration
 * table is already locked") when another replica is migrating, instead of
 * waiting; a replica that then exits while one of its other plugins is
 * mid-migration leaves that plugin's lock row held for good
 * (backstage/charts#300). So each replica holds a PostgreSQL advisory lock
 * while it starts. The lock belongs to the session: PostgreSQL releases it
 * when a killed replica's connection ends, so no crash leaves it held.
 *
 * Resolves with a release function once the lock is held, or at once when
 * the database is not PostgreSQL or cannot be reached (the replica then
 * starts as before, and a failed start exits so its supervisor retries).
 * After `waitMs` without the lock it stops waiting, for the same reason.
 */
export async function holdStartupLock(
  connection: ClientConfig | undefined,
  options: { waitMs?: number; log?: StartupLockLog } = {},
): Promise<() => Promise<void>> {
  const log = options.log ?? (() => {});
  if (!connection) return async () => {};
  const client = new Client(connection);
  // An idle client whose server goes away emits 'error': not a crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    log(`startup lock: database not reachable, starting without it (${error})`);
    return async () => {};
  }
  const end = async () => {
    await client.end().catch(() => {});
  };
  const deadline = Date.now() + (options.waitMs ?? 10 * 60_000);
  let waited = false;
  try {
    for (;;) {
      const { rows } = await client.query(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [STARTUP_LOCK_KEY],
      );
      if (rows[0].locked) break;
      if (Date.now() >= deadline) {
        log('startup lock: still held by another replica, starting without it');
        await end();
        return async () => {};
      }
      if (!waited) log('startup lock: another replica is starting; waiting');
      waited = true;
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    log(`startup lock: ${error}; starting without it`);
    await end();
    return async () => {};
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // Closing the session releases the lock.
    await end();
  };
}
