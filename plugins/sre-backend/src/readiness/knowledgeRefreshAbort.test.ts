import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { HistoryCommit } from '@baton/plugin-sre-common';
import {
  type KnowledgeSourceReadOptions,
  type RepositoryHistory,
} from '@baton/plugin-sre-node';
import request from 'supertest';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const DAY = 86_400_000;

const commit = (id: string, name: string, paths: string[]): HistoryCommit => ({
  id,
  author: { name, email: `${name.toLowerCase()}@shop.example` },
  coAuthors: [],
  timestamp: new Date(Date.now() - 10 * DAY),
  changes: paths.map(path => ({ status: 'A' as const, path })),
});

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'baton.dev/repos': `/repos/${name}` },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team',
    lifecycle: 'production',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
});

/** How the test source reads a repository: whole, or one commit and then never another. */
type Behaviour = 'whole' | 'hang';

/** Waits until `condition` holds, polling. */
async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i += 1) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

describe.each(databases.eachSupportedId())(
  'a knowledge refresh that is stopped on %s',
  id => {
    async function startBackend(config: object = {}) {
      const knex = await databases.init(id);
      // Which repositories hang, which were read, and the signals they got.
      const state = {
        behaviour: new Map<string, Behaviour>(),
        reads: [] as string[],
        signals: new Map<string, AbortSignal | undefined>(),
      };
      const { server, scheduler } = await startSreTestBackend({
        knex,
        config,
        entities: [component('shop'), component('cart')],
        sources: {
          knowledgeSources: [
            {
              supports: location => location.startsWith('/repos/'),
              readHistory: async (
                { location },
                options?: KnowledgeSourceReadOptions,
              ): Promise<RepositoryHistory> => {
                state.reads.push(location);
                state.signals.set(location, options?.signal);
                const hang = state.behaviour.get(location) === 'hang';
                return {
                  revision: hang ? 'new' : 'old',
                  files: hang ? ['a.ts', 'new.ts'] : ['a.ts'],
                  // Ignores the signal on purpose: the service must not wait for it.
                  commits: (async function* commits() {
                    yield commit('1', hang ? 'Bob' : 'Alice', ['a.ts']);
                    if (hang) await new Promise(() => undefined);
                  })(),
                };
              },
            },
          ],
        },
      });
      const knowledge = async (name: string) => {
        const res = await request(server)
          .get(`/api/sre/entities/component/default/${name}/knowledge`)
          .set('Authorization', mockCredentials.user.header());
        return res;
      };
      const sources = async () => {
        const res = await request(server)
          .get('/api/sre/sources')
          .set('Authorization', mockCredentials.user.header());
        return res;
      };
      return { scheduler, state, knowledge, sources };
    }

    it('stops promptly when the task is aborted, stores nothing half-read and keeps the last snapshots', async () => {
      const { scheduler, state, knowledge } = await startBackend();
      await scheduler.triggerTask('sre-knowledge-refresh');
      const shopBefore = (await knowledge('shop')).body;
      const cartBefore = (await knowledge('cart')).body;
      expect(shopBefore).toMatchObject({ status: 'ok', fileCount: 1 });
      expect(shopBefore.people.map((p: { name: string }) => p.name)).toEqual([
        'Alice',
      ]);
      expect(cartBefore.status).toBe('ok');

      // The next refresh gets stuck in the middle of the first entity's history.
      state.behaviour.set('/repos/shop', 'hang');
      state.behaviour.set('/repos/cart', 'hang');
      state.reads = [];
      const run = scheduler.triggerTask('sre-knowledge-refresh');
      await until(() => state.reads.length === 1);
      const first = state.reads[0];
      const started = Date.now();
      await scheduler.cancelTask('sre-knowledge-refresh');
      await run;
      expect(Date.now() - started).toBeLessThan(2_000);
      // The source was told to stop, and the other entity was not started.
      expect(state.signals.get(first)?.aborted).toBe(true);
      expect(state.reads).toEqual([first]);

      // Both snapshots are exactly what the last complete refresh stored.
      expect((await knowledge('shop')).body).toEqual(shopBefore);
      expect((await knowledge('cart')).body).toEqual(cartBefore);
    });

    it('abandons a repository that takes longer than sre.knowledge.repositoryTimeout, keeps its last snapshot with the error and goes on with the next', async () => {
      const { scheduler, state, knowledge, sources } = await startBackend({
        sre: { knowledge: { repositoryTimeout: { milliseconds: 300 } } },
      });
      await scheduler.triggerTask('sre-knowledge-refresh');
      const shopBefore = (await knowledge('shop')).body;
      expect(shopBefore.status).toBe('ok');

      state.behaviour.set('/repos/shop', 'hang');
      state.reads = [];
      const started = Date.now();
      await scheduler.triggerTask('sre-knowledge-refresh');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(state.signals.get('/repos/shop')?.aborted).toBe(true);

      // The last good numbers stay, with the reason they are old beside them.
      const { refreshError, ...shop } = (await knowledge('shop')).body;
      const { refreshError: none, ...shopKept } = shopBefore;
      expect(none).toBeUndefined();
      expect(shop).toEqual(shopKept);
      expect(refreshError.message).toBe(
        'Reading /repos/shop took longer than 300 ms (sre.knowledge.repositoryTimeout) and was abandoned',
      );
      expect(Date.parse(refreshError.at)).toBeGreaterThanOrEqual(started);

      // The next entity was read again, whole.
      expect(state.reads).toEqual(['/repos/shop', '/repos/cart']);
      expect(state.signals.get('/repos/cart')?.aborted).toBe(false);
      const cart = (await knowledge('cart')).body;
      expect(cart).toMatchObject({
        status: 'ok',
        fileCount: 1,
        repositories: [{ location: '/repos/cart', revision: 'old' }],
      });
      expect(cart.refreshError).toBeUndefined();
      expect(Date.parse(cart.computedAt)).toBeGreaterThanOrEqual(started);

      // The task itself succeeded, counting the abandoned entity as failed.
      const res = await sources();
      expect(res.status).toBe(200);
      const task = res.body.items.find(
        (item: { id: string }) => item.id === 'task:sre-knowledge-refresh',
      );
      expect(task).toMatchObject({
        lastError: null,
        lastCounts: { entities: 1, failed: 1 },
      });
    });
  },
);
