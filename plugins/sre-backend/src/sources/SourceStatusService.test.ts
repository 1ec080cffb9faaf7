import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { SourceStatusService } from './SourceStatusService';
import {
  DatabaseSourceStatusStore,
  SourceDescriptor,
} from './SourceStatusStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SLO_TASK: SourceDescriptor = {
  id: 'task:sre-slo-evaluation',
  kind: 'slo',
  trigger: 'schedule',
  provider: 'sre-backend',
};

describe.each(databases.eachSupportedId())('source status on %s', id => {
  /** Two replicas on one database, each with its own clock. */
  async function replicas() {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const clock = { now: new Date('2026-12-01T10:00:00.000Z') };
    const replica = () =>
      new SourceStatusService({
        store: DatabaseSourceStatusStore.create(knex),
        logger: mockServices.logger.mock(),
        now: () => clock.now,
      });
    return { knex, clock, a: replica(), b: replica() };
  }

  it('keeps the last success beside a later error, and the error beside a later success, in one row for all replicas', async () => {
    const { knex, clock, a, b } = await replicas();
    a.declare(SLO_TASK);

    expect((await a.list()).items).toEqual([
      {
        ...SLO_TASK,
        lastSuccessAt: null,
        lastCounts: null,
        lastError: null,
        lastErrorAt: null,
      },
    ]);

    await a.track(SLO_TASK, async () => ({ entities: 12 }));

    clock.now = new Date('2026-12-01T10:05:00.000Z');
    await expect(
      b.track(SLO_TASK, async () => {
        throw new Error(
          'Prometheus https://ops:hunter2@prom.example/api/v1/query?token=abc failed: 503',
        );
      }),
    ).rejects.toThrow('failed: 503');
    const failing = (await a.list()).items[0];
    expect(failing).toEqual({
      ...SLO_TASK,
      lastSuccessAt: '2026-12-01T10:00:00.000Z',
      lastCounts: { entities: 12 },
      lastError:
        'Error: Prometheus https://***@prom.example/api/v1/query?token=*** failed: 503',
      lastErrorAt: '2026-12-01T10:05:00.000Z',
    });

    clock.now = new Date('2026-12-01T10:10:00.000Z');
    await b.track(SLO_TASK, async () => ({ entities: 13 }));
    expect((await a.list()).items[0]).toMatchObject({
      lastSuccessAt: '2026-12-01T10:10:00.000Z',
      lastCounts: { entities: 13 },
      lastError: expect.stringContaining('failed: 503'),
      lastErrorAt: '2026-12-01T10:05:00.000Z',
    });
    expect(
      Number((await knex('sre_source_status').count({ n: '*' }))[0].n),
    ).toBe(1);
  });

  it('counts every finished run, successes and errors, from replicas writing at once', async () => {
    const { knex, a, b } = await replicas();
    const runs = async () =>
      Number(
        (await knex('sre_source_status').where({ id: SLO_TASK.id }).first())
          ?.runs,
      );
    // The first runs race to insert the row; the later ones to increment it.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? a : b)
          .track(SLO_TASK, async () => {
            if (i % 3 === 0) throw new Error('Prometheus answered 503');
            return { entities: i };
          })
          .catch(() => undefined),
      ),
    );
    expect(await runs()).toBe(24);
    await a.track(SLO_TASK, async () => ({ entities: 1 }));
    expect(await runs()).toBe(25);
    expect(
      Number((await knex('sre_source_status').count({ n: '*' }))[0].n),
    ).toBe(1);
  });

  it('lists only configured sources, by kind, and records a provider by its own id', async () => {
    const { a } = await replicas();
    const costs = a.observer(
      { prefix: 'cost', kind: 'cost', trigger: 'schedule' },
      [{ id: 'aws-main', provider: 'AwsCostExplorerSource' }],
    );
    a.declare(SLO_TASK);
    await costs.succeeded('aws-main', { rows: 42 });
    // A source gone from the configuration is not listed.
    await costs.failed('retired', new Error('gone'));

    expect((await a.list()).items).toEqual([
      {
        id: 'cost:aws-main',
        kind: 'cost',
        trigger: 'schedule',
        provider: 'AwsCostExplorerSource',
        lastSuccessAt: '2026-12-01T10:00:00.000Z',
        lastCounts: { rows: 42 },
        lastError: null,
        lastErrorAt: null,
      },
      expect.objectContaining({ id: SLO_TASK.id, lastSuccessAt: null }),
    ]);
  });

  it('cuts a long error and never fails the run when the status cannot be written', async () => {
    const { knex, a } = await replicas();
    a.declare(SLO_TASK);
    await expect(
      a.track(SLO_TASK, async () => {
        throw new Error('x'.repeat(10_000));
      }),
    ).rejects.toThrow();
    const [stored] = (await a.list()).items;
    expect(stored.lastError).toHaveLength(2000);
    expect(stored.lastError!.endsWith('…')).toBe(true);

    await knex.schema.dropTable('sre_source_status');
    await expect(
      a.track(SLO_TASK, async () => ({ entities: 1 })),
    ).resolves.toEqual({ entities: 1 });
  });
});
