import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { HistoryCommit } from '@baton/plugin-sre-common';
import { type RepositoryHistory } from '@baton/plugin-sre-node';
import request from 'supertest';
import { startSreTestBackend } from '../__testUtils__/sreTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const REPO = '/repos/shop';
const DAY = 86_400_000;

const commit = (
  id: string,
  name: string,
  daysAgo: number,
  paths: string[],
): HistoryCommit => ({
  id,
  author: { name, email: `${name.toLowerCase()}@shop.example` },
  coAuthors: [],
  timestamp: new Date(Date.now() - daysAgo * DAY),
  changes: paths.map(path => ({ status: 'A' as const, path })),
});

// Alice alone wrote three files, Bob one: truck factor 1.
const history = (): RepositoryHistory => ({
  revision: 'abc123',
  files: ['a.ts', 'b.ts', 'c.ts', 'd.ts'],
  commits: (async function* commits() {
    yield commit('1', 'Alice', 20, ['a.ts', 'b.ts', 'c.ts']);
    yield commit('2', 'Bob', 10, ['d.ts']);
  })(),
});

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: { 'baton.dev/repos': REPO },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team',
    lifecycle: 'production',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
};

describe.each(databases.eachSupportedId())(
  'a knowledge refresh that fails on %s',
  id => {
    /** Starts the backend with a source that reads the history, or fails as `failure` says. */
    async function startBackend() {
      const knex = await databases.init(id);
      const state: { failure: string | null } = { failure: null };
      const { server, scheduler } = await startSreTestBackend({
        knex,
        config: {},
        entities: [service],
        sources: {
          knowledgeSources: [
            {
              supports: location => location.startsWith('/repos/'),
              readHistory: async () => {
                if (state.failure) throw new Error(state.failure);
                return history();
              },
            },
          ],
        },
      });
      const get = async (path: string) => {
        const res = await request(server)
          .get(`/api/sre/entities/component/default/shop/${path}`)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body;
      };
      const refresh = () => scheduler.triggerTask('sre-knowledge-refresh');
      return { state, get, refresh };
    }

    it('keeps the last good snapshot and the score, with the error beside them, until a refresh succeeds', async () => {
      const { state, get, refresh } = await startBackend();
      await refresh();
      const good = await get('knowledge');
      expect(good).toMatchObject({
        status: 'ok',
        truckFactor: 1,
        fileCount: 4,
      });
      expect(good.refreshError).toBeUndefined();
      const score = (await get('readiness')).score;

      state.failure = 'git fetch failed (128): Connection reset by peer';
      await refresh();
      const kept = await get('knowledge');
      expect(kept).toMatchObject({
        status: 'ok',
        truckFactor: 1,
        fileCount: 4,
        computedAt: good.computedAt,
        repositories: [{ location: REPO, revision: 'abc123' }],
        refreshError: {
          message: 'git fetch failed (128): Connection reset by peer',
        },
      });
      expect(Date.parse(kept.refreshError.at)).toBeGreaterThanOrEqual(
        Date.parse(good.computedAt),
      );
      expect((await get('readiness')).score).toBe(score);

      state.failure = null;
      await refresh();
      const recovered = await get('knowledge');
      expect(recovered.status).toBe('ok');
      expect(recovered.refreshError).toBeUndefined();
      expect(Date.parse(recovered.computedAt)).toBeGreaterThanOrEqual(
        Date.parse(good.computedAt),
      );
    });

    it('records the error when no read has ever succeeded', async () => {
      const { state, get, refresh } = await startBackend();
      state.failure = 'repository not found';
      await refresh();
      expect(await get('knowledge')).toMatchObject({
        status: 'error',
        truckFactor: null,
        error: { message: 'repository not found' },
      });
    });
  },
);
