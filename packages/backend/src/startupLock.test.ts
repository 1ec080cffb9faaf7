import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { Client } from 'pg';
import { holdStartupLock, postgresConnection } from './startupLock';

const pgUrl = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;

const settled = async (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>(resolve => setTimeout(() => resolve(false), ms)),
  ]);

describe('postgresConnection', () => {
  const of = (database: JsonValue) =>
    postgresConnection(new ConfigReader({ backend: { database } }));

  it('is the connection string of a pg database', () => {
    expect(
      of({ client: 'pg', connection: 'postgresql://u:p@db:5432/x' }),
    ).toEqual({ connectionString: 'postgresql://u:p@db:5432/x' });
  });

  it('is the connection object, on the postgres database unless one is named', () => {
    expect(
      of({ client: 'pg', connection: { host: 'db', port: 5432, user: 'u' } }),
    ).toEqual({ host: 'db', port: 5432, user: 'u', database: 'postgres' });
    expect(
      of({ client: 'pg', connection: { host: 'db', database: 'portal' } }),
    ).toEqual({ host: 'db', database: 'portal' });
  });

  it('is undefined for SQLite and for connectors of their own', () => {
    expect(
      of({ client: 'better-sqlite3', connection: ':memory:' }),
    ).toBeUndefined();
    expect(
      of({ client: 'pg', connection: { type: 'cloudsql', instance: 'a:b:c' } }),
    ).toBeUndefined();
    expect(postgresConnection(new ConfigReader({}))).toBeUndefined();
  });
});

describe('holdStartupLock', () => {
  it('does nothing without a PostgreSQL database', async () => {
    const release = await holdStartupLock(undefined);
    await expect(release()).resolves.toBeUndefined();
  });

  it('starts without the lock when the database cannot be reached', async () => {
    const log = jest.fn();
    const release = await holdStartupLock(
      // Nothing listens on port 1.
      { host: '127.0.0.1', port: 1, user: 'postgres', database: 'postgres' },
      { log },
    );
    await release();
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^startup lock: database not reachable/),
    );
  });
});

describe.each(pgUrl ? ['PostgreSQL'] : [])('holdStartupLock on %s', () => {
  const connection = { connectionString: pgUrl! };

  it('lets one replica start at a time', async () => {
    const releaseFirst = await holdStartupLock(connection);
    const log = jest.fn();
    const second = holdStartupLock(connection, { log });
    try {
      expect(await settled(second, 2500)).toBe(false);
      expect(log).toHaveBeenCalledWith(
        'startup lock: another replica is starting; waiting',
      );
      await releaseFirst();
      expect(await settled(second, 5000)).toBe(true);
    } finally {
      await releaseFirst();
      await (
        await second
      )();
    }
  });

  it('is released when the holder’s connection dies, as when its process is killed', async () => {
    const releaseFirst = await holdStartupLock(connection, {
      log: () => {},
    });
    const second = holdStartupLock(connection);
    const admin = new Client(connection);
    await admin.connect();
    try {
      expect(await settled(second, 1500)).toBe(false);
      // The server ends the holder's session, as it does for a SIGKILLed client.
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(l.pid) AS ended
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted
            AND a.query LIKE 'SELECT pg_try_advisory_lock(hashtext($1))%'`,
      );
      expect(rows.map(row => row.ended)).toEqual([true]);
      expect(await settled(second, 5000)).toBe(true);
    } finally {
      await admin.end();
      await releaseFirst();
      await (
        await second
      )();
    }
  });

  it('stops waiting after waitMs, so a hung holder cannot stop every replica', async () => {
    const releaseFirst = await holdStartupLock(connection);
    const log = jest.fn();
    try {
      const started = Date.now();
      const release = await holdStartupLock(connection, { waitMs: 1200, log });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(log).toHaveBeenLastCalledWith(
        'startup lock: still held by another replica, starting without it',
      );
      await release();
    } finally {
      await releaseFirst();
    }
  });
});
