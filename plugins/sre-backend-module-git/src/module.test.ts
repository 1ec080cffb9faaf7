import type { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { KnowledgePerson } from '@baton/plugin-sre-common';
import sreBackendPlugin from '@baton/plugin-sre-backend';
import request from 'supertest';
import { TestRepo } from './__testUtils__/TestRepo';
import { sreModuleGit } from './module';

jest.setTimeout(60_000);

/** What mockServices.scheduler() is at runtime (MockSchedulerService), which its declared type hides. */
interface TriggerableScheduler {
  factory(options: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
  triggerTask(id: string): Promise<void>;
}

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const component = (name: string, repos: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'baton.dev/repos': repos },
  },
  spec: {
    type: 'service',
    owner: 'group:default/shop',
    lifecycle: 'production',
  },
});
const user = (name: string, email: string, login?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: 'default',
    annotations: login ? { 'github.com/user-login': login } : undefined,
  },
  spec: { profile: { email }, memberOf: [] },
});

describe.each(databases.eachSupportedId())('knowledge from git on %s', id => {
  const repo = new TestRepo();
  afterAll(() => repo.remove());

  beforeAll(() => {
    // Alice creates three files, Bob (a GitHub noreply address) one and edits one of Alice's.
    repo.commit(['Alice', 'alice@shop.example'], {
      'a.ts': 'a',
      'b.ts': 'b',
      'c.ts': 'c',
    });
    repo.commit(['Bob', '4242+bob-gh@users.noreply.github.com'], {
      'd.ts': 'd',
      'infra/main.tf': 'resource "aws_s3_bucket" "assets" {}',
    });
    repo.commit(['Bob', '4242+bob-gh@users.noreply.github.com'], {
      'a.ts': 'a2',
    });
  });

  async function startBackend() {
    const knex = await databases.init(id);
    // Runs the refresh itself, so the test knows it has finished.
    const scheduler =
      mockServices.scheduler() as unknown as TriggerableScheduler;
    const { server } = await startTestBackend({
      features: [
        sreBackendPlugin,
        sreModuleGit,
        mockServices.database.factory({ knex }),
        scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: { sre: { knowledge: { git: { remote: false } } } },
        }),
        catalogServiceMock.factory({
          entities: [
            component('checkout', repo.dir),
            component('search', 'https://git.example.invalid/shop/search.git'),
            user('alice', 'alice@shop.example'),
            user('bob', 'bob@shop.example', 'bob-gh'),
          ],
        }),
      ],
    });
    await scheduler.triggerTask('sre-knowledge-refresh');
    return server;
  }

  it('computes, stores and serves the truck factor with people matched to Users', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/sre/entities/component/default/checkout/knowledge')
      .set('Authorization', mockCredentials.user.header());

    expect(res.status).toBe(200);
    // Worked by hand: alice authors a b c, bob a d main.tf; removing alice leaves 3/5 → remove bob.
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      status: 'ok',
      truckFactor: 2,
      fileCount: 5,
      mode: 'pairing',
      repositories: [
        { location: repo.dir, revision: repo.git('rev-parse', 'HEAD').trim() },
      ],
    });
    expect(
      res.body.people.map((p: KnowledgePerson) => [p.name, p.userRef, p.files]),
    ).toEqual([
      ['Alice', 'user:default/alice', 3],
      ['Bob', 'user:default/bob', 3],
    ]);
    expect(res.body.rule).toMatch(/Degree of authorship/);
    expect(res.body.iacFiles).toBe(1);
    expect(res.body.authorSets).toEqual(
      expect.arrayContaining([
        { people: [0, 1], files: 1 },
        { people: [0], files: 2 },
        { people: [1], files: 2 },
      ]),
    );
  });

  it('stores why a repository could not be read', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/sre/entities/component/default/search/knowledge')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('error');
    expect(res.body.truckFactor).toBeNull();
    expect(res.body.error.message).toMatch(
      /No knowledge source reads https:\/\/git\.example\.invalid.*sre\.knowledge\.git\.remote/,
    );
  });

  it('answers 404 before any computation, 400 for a bad ref, 401 without credentials', async () => {
    const server = await startBackend();
    const missing = await request(server)
      .get('/api/sre/entities/component/default/unknown/knowledge')
      .set('Authorization', mockCredentials.user.header());
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');

    const bad = await request(server)
      .get('/api/sre/entities/component/default/bad%20name/knowledge')
      .set('Authorization', mockCredentials.user.header());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/'name'/);

    const anonymous = await request(server)
      .get('/api/sre/entities/component/default/checkout/knowledge')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});
