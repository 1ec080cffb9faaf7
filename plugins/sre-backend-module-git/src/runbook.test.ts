import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sreBackendPlugin from '@baton/plugin-sre-backend';
import request from 'supertest';
import { component, triggerableScheduler } from './__testUtils__/testBackend';
import { TestRepo } from './__testUtils__/TestRepo';
import { sreModuleGit } from './module';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const user = (name: string, email: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { email, displayName }, memberOf: [] },
});

/** A Component of the repository whose runbook is `runbook`, with more annotations. */
const withRunbook = (
  name: string,
  repos: string,
  runbook: string,
  annotations: Record<string, string> = {},
): Entity => {
  const entity = component(name, repos);
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    'baton.dev/runbook': runbook,
    ...annotations,
  };
  return entity;
};

const DAY = 86_400_000;
const dayOf = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

describe.each(databases.eachSupportedId())(
  'runbook freshness from git on %s',
  id => {
    const repo = new TestRepo();
    const alice = ['Alice', 'alice@shop.example'] as const;
    const bob = ['Bob', 'bob@shop.example'] as const;
    // A monorepo: the service's folder, and the runbooks in the repository's docs/.
    const mono = new TestRepo();
    const dana = ['Dana', 'dana@shop.example'] as const;
    const erin = ['Erin', 'erin@shop.example'] as const;
    const frank = ['Frank', 'frank@shop.example'] as const;
    afterAll(() => {
      repo.remove();
      mono.remove();
    });

    beforeAll(() => {
      repo.commit(
        alice,
        { 'src/a.ts': 'a', 'docs/ops.md': 'v1' },
        { daysAgo: 400 },
      );
      repo.commit(alice, { 'docs/ops.md': 'v2' }, { daysAgo: 390 });
      // Bob renames Alice's notes into the runbook, then nobody touches it for long.
      repo.commit(
        bob,
        {},
        { daysAgo: 250, renames: { 'docs/ops.md': 'docs/runbook.md' } },
      );
      // Carol pairs with Bob on the restore runbook recently.
      repo.commit(
        bob,
        { 'docs/restore.md': 'restore', 'src/b.ts': 'b' },
        {
          daysAgo: 12,
          message:
            'Restore runbook\n\nCo-authored-by: Carol <carol@shop.example>',
        },
      );
      // A bot's change to the old runbook is nobody's review of it.
      repo.commit(
        ['renovate[bot]', 'bot@renovateapp.com'],
        { 'docs/runbook.md': 'v2 with a bumped link' },
        { daysAgo: 3 },
      );

      mono.commit(
        dana,
        { 'services/orders/src/app.ts': 'app' },
        { daysAgo: 100 },
      );
      // Erin writes the runbook, Frank moves it under docs/runbooks/, Erin reworks it.
      mono.commit(erin, { 'docs/ops/orders.md': 'v1' }, { daysAgo: 60 });
      mono.commit(
        frank,
        {},
        {
          daysAgo: 40,
          renames: { 'docs/ops/orders.md': 'docs/runbooks/orders.md' },
        },
      );
      mono.commit(erin, { 'docs/runbooks/orders.md': 'v2' }, { daysAgo: 10 });
    });

    async function startBackend() {
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
                knowledge: { git: { localRoots: [repo.dir, mono.dir] } },
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              withRunbook('restore', repo.dir, `${repo.dir}/docs/restore.md`),
              withRunbook(
                'orders',
                repo.dir,
                `file://${repo.dir}/docs/runbook.md`,
              ),
              withRunbook('gone', repo.dir, `${repo.dir}/docs/ops.md`),
              withRunbook('wiki', repo.dir, 'https://wiki.example/orders', {
                'baton.dev/runbook-reviewed': dayOf(20),
                'baton.dev/runbook-reviewer': 'user:default/alice',
              }),
              withRunbook(
                'mono-orders',
                `${mono.dir}:services/orders`,
                `${mono.dir}/docs/runbooks/orders.md`,
              ),
              withRunbook(
                'mono-gone',
                `${mono.dir}:services/orders`,
                `${mono.dir}/docs/ops/orders.md`,
              ),
              user('erin', 'erin@shop.example', 'Erin Sato'),
              user('alice', 'alice@shop.example', 'Alice Tanaka'),
              user('carol', 'carol@shop.example', 'Carol Mori'),
            ],
          }),
        ],
      });
      await scheduler.triggerTask('sre-knowledge-refresh');
      const get = async (name: string, what: string) => {
        const res = await request(server)
          .get(`/api/sre/entities/component/default/${name}/${what}`)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body;
      };
      const runbookCheck = async (name: string) =>
        (await get(name, 'readiness')).checks.find(
          (check: { id: string }) => check.id === 'runbook',
        );
      return { get, runbookCheck };
    }

    it('records the runbook’s last change and who made it with the knowledge, and the check passes on it', async () => {
      const { get, runbookCheck } = await startBackend();
      const knowledge = await get('restore', 'knowledge');
      expect(knowledge.runbook).toEqual({
        url: `${repo.dir}/docs/restore.md`,
        repository: repo.dir,
        path: 'docs/restore.md',
        lastChangedAt: expect.stringMatching(new RegExp(`^${dayOf(12)}T`)),
        lastChangedBy: [
          { name: 'Bob', userRef: null, changes: 1 },
          { name: 'Carol', userRef: 'user:default/carol', changes: 1 },
        ],
        changedBy: [
          { name: 'Bob', userRef: null, changes: 1 },
          { name: 'Carol', userRef: 'user:default/carol', changes: 1 },
        ],
      });
      expect(await runbookCheck('restore')).toMatchObject({
        status: 'pass',
        reasonCode: 'runbookFresh',
        reasonParams: {
          path: 'docs/restore.md',
          date: dayOf(12),
          days: 12,
          people: 'Bob, Carol Mori',
        },
      });
    });

    it('follows the runbook through its rename, leaves the bot out, and fails it as stale', async () => {
      const { get, runbookCheck } = await startBackend();
      const { runbook } = await get('orders', 'knowledge');
      expect(runbook).toMatchObject({
        path: 'docs/runbook.md',
        lastChangedAt: expect.stringMatching(new RegExp(`^${dayOf(250)}T`)),
        lastChangedBy: [{ name: 'Bob', userRef: null }],
        changedBy: [
          { name: 'Alice', userRef: 'user:default/alice', changes: 2 },
          { name: 'Bob', userRef: null, changes: 1 },
        ],
      });
      const check = await runbookCheck('orders');
      expect(check).toMatchObject({
        status: 'fail',
        reasonCode: 'runbookStale',
        reasonParams: { date: dayOf(250), days: 250, people: 'Bob' },
      });
      expect(check.reason).toMatch(
        /Runbook docs\/runbook.md last changed .* \(250 days ago, more than 180\) by Bob\./,
      );
    });

    it('fails a link to a file the repository no longer has (renamed away)', async () => {
      const { get, runbookCheck } = await startBackend();
      expect((await get('gone', 'knowledge')).runbook).toEqual({
        url: `${repo.dir}/docs/ops.md`,
        repository: repo.dir,
        path: 'docs/ops.md',
        missing: true,
        lastChangedAt: null,
        lastChangedBy: [],
        changedBy: [],
      });
      expect(await runbookCheck('gone')).toMatchObject({
        status: 'fail',
        reasonCode: 'runbookFileMissing',
        reasonParams: { path: 'docs/ops.md', repository: repo.dir },
      });
    });

    it('follows a runbook elsewhere in a monorepo, outside the service’s folder, without counting it in the knowledge map', async () => {
      const { get, runbookCheck } = await startBackend();
      const knowledge = await get('mono-orders', 'knowledge');
      expect(knowledge.runbook).toEqual({
        url: `${mono.dir}/docs/runbooks/orders.md`,
        repository: `${mono.dir}`,
        path: 'docs/runbooks/orders.md',
        lastChangedAt: expect.stringMatching(new RegExp(`^${dayOf(10)}T`)),
        lastChangedBy: [
          { name: 'Erin', userRef: 'user:default/erin', changes: 2 },
        ],
        // Through Frank's move from docs/ops/: Erin wrote it and reworked it.
        changedBy: [
          { name: 'Erin', userRef: 'user:default/erin', changes: 2 },
          { name: 'Frank', userRef: null, changes: 1 },
        ],
      });
      // The knowledge map is the service's folder alone: Dana's file, Dana.
      expect(knowledge).toMatchObject({ fileCount: 1, truckFactor: 1 });
      expect(knowledge.people.map((p: { name: string }) => p.name)).toEqual([
        'Dana',
      ]);
      expect(await runbookCheck('mono-orders')).toMatchObject({
        status: 'pass',
        reasonCode: 'runbookFresh',
        reasonParams: {
          path: 'docs/runbooks/orders.md',
          days: 10,
          people: 'Erin Sato',
        },
      });

      // Its old place, which Frank moved it away from, is a dead link.
      expect((await get('mono-gone', 'knowledge')).runbook).toMatchObject({
        path: 'docs/ops/orders.md',
        missing: true,
      });
      expect(await runbookCheck('mono-gone')).toMatchObject({
        status: 'fail',
        reasonCode: 'runbookFileMissing',
      });
    });

    it('reads the review annotations for a runbook outside the repository, which the knowledge leaves alone', async () => {
      const { get, runbookCheck } = await startBackend();
      expect((await get('wiki', 'knowledge')).runbook).toBeUndefined();
      expect(await runbookCheck('wiki')).toMatchObject({
        status: 'pass',
        reasonCode: 'runbookReviewed',
        reasonParams: { date: dayOf(20), people: 'Alice Tanaka' },
      });
    });
  },
);
