import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sreBackendPlugin from '@baton/plugin-sre-backend';
import request from 'supertest';
import { eventually, isRunning } from './__testUtils__/processState';
import { SlowGitLog } from './__testUtils__/SlowGitLog';
import { component, triggerableScheduler } from './__testUtils__/testBackend';
import { TestRepo } from './__testUtils__/TestRepo';
import { GIT_KILL_GRACE_MS } from './gitProcess';
import { sreModuleGit } from './module';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'a knowledge refresh through git that is stopped on %s',
  id => {
    const slow = new TestRepo();
    const fast = new TestRepo();
    let slowGit: SlowGitLog;

    beforeAll(() => {
      slow.commit(['Alice', 'alice@shop.example'], { 'a.ts': 'a' });
      fast.commit(['Carol', 'carol@shop.example'], { 'c.ts': 'c' });
      slowGit = new SlowGitLog(slow.dir);
    });
    afterEach(() => slowGit.disarm());
    afterAll(() => {
      slowGit.remove();
      slow.remove();
      fast.remove();
    });

    async function startBackend(knowledge: object = {}) {
      const knex = await databases.init(id);
      const scheduler = triggerableScheduler();
      const { server } = await startTestBackend({
        features: [
          sreBackendPlugin,
          sreModuleGit,
          mockServices.database.factory({ knex }),
          scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              sre: {
                knowledge: {
                  ...knowledge,
                  git: {
                    remote: false,
                    localRoots: [slow.dir, fast.dir],
                  },
                },
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              component('slow', slow.dir),
              component('fast', fast.dir),
            ],
          }),
        ],
      });
      const knowledgeOf = async (name: string) => {
        const res = await request(server)
          .get(`/api/sre/entities/component/default/${name}/knowledge`)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body;
      };
      return { scheduler, knowledgeOf };
    }

    it('stops at the abort, leaves no git running and keeps every snapshot whole', async () => {
      const { scheduler, knowledgeOf } = await startBackend();
      await scheduler.triggerTask('sre-knowledge-refresh');
      const before = {
        slow: await knowledgeOf('slow'),
        fast: await knowledgeOf('fast'),
      };
      expect(before.slow).toMatchObject({ status: 'ok', fileCount: 1 });

      // New history that a completed refresh would show.
      slow.commit(['Bob', 'bob@shop.example'], { 'b.ts': 'b' });
      fast.commit(['Dan', 'dan@shop.example'], { 'd.ts': 'd' });
      slowGit.arm();
      const run = scheduler.triggerTask('sre-knowledge-refresh');
      const { git, helper } = await slowGit.started();
      expect(isRunning(git)).toBe(true);

      const started = Date.now();
      await scheduler.cancelTask('sre-knowledge-refresh');
      await run;
      expect(Date.now() - started).toBeLessThan(GIT_KILL_GRACE_MS);
      // The refresh does not wait for git to exit, only for it to be told to: it goes within its grace period.
      expect(await eventually(() => !isRunning(git))).toBe(true);
      expect(await eventually(() => !isRunning(helper))).toBe(true);

      // Neither entity shows anything of the stopped refresh.
      expect(await knowledgeOf('slow')).toEqual(before.slow);
      expect(await knowledgeOf('fast')).toEqual(before.fast);
    });

    it('abandons a repository past sre.knowledge.repositoryTimeout, stops its git and refreshes the next', async () => {
      const { scheduler, knowledgeOf } = await startBackend({
        repositoryTimeout: { milliseconds: 500 },
      });
      slowGit.arm();
      const started = Date.now();
      const run = scheduler.triggerTask('sre-knowledge-refresh');
      const { git, helper } = await slowGit.started();
      await run;
      expect(Date.now() - started).toBeLessThan(500 + GIT_KILL_GRACE_MS);
      expect(await eventually(() => !isRunning(git))).toBe(true);
      expect(await eventually(() => !isRunning(helper))).toBe(true);

      expect(await knowledgeOf('slow')).toMatchObject({
        status: 'error',
        truckFactor: null,
        error: {
          message: `Reading ${slow.dir} took longer than 500 ms (sre.knowledge.repositoryTimeout) and was abandoned`,
        },
      });
      expect(await knowledgeOf('fast')).toMatchObject({
        status: 'ok',
        repositories: [
          {
            location: fast.dir,
            revision: fast.git('rev-parse', 'HEAD').trim(),
          },
        ],
      });
    });
  },
);
