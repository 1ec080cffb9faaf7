import {
  coreServices,
  createServiceFactory,
  type RootLoggerService,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
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
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { inspect } from 'util';
import { StubGitServer } from './__testUtils__/StubGitServer';
import { component, triggerableScheduler } from './__testUtils__/testBackend';
import { TestRepo } from './__testUtils__/TestRepo';
import { sreModuleGit } from './module';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

/** A root logger that keeps every line (with its metadata) it is given. */
function recordingLogger(lines: string[]): ServiceFactory {
  const record = (level: string) => (message: string, meta?: Error | object) =>
    lines.push(`${level} ${message} ${meta ? inspect(meta) : ''}`);
  const logger: RootLoggerService = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: () => logger,
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger,
  });
}

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
  // The local root holds `repo`; `outsider` is another repository beside it.
  const repo = new TestRepo();
  const outsider = new TestRepo();
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cache-'));
  let gitHost: StubGitServer;
  const leakyUrl = () =>
    `http://alice:s3cr3t-pass@${gitHost.host}/shop.git?private_token=s3cr3t-query`;
  afterAll(async () => {
    repo.remove();
    outsider.remove();
    fs.rmSync(cacheDir, { recursive: true, force: true });
    await gitHost.close();
  });

  beforeAll(async () => {
    // An integration's host that knows no repository.
    gitHost = await StubGitServer.start({ status: 404 });
    outsider.commit(['Mallory', 'mallory@elsewhere.example'], {
      'secret.ts': 's',
    });
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

  async function startBackend(logLines: string[] = []) {
    const knex = await databases.init(id);
    // Runs the refresh itself, so the test knows it has finished.
    const scheduler = triggerableScheduler();
    const { server } = await startTestBackend({
      features: [
        sreBackendPlugin,
        sreModuleGit,
        mockServices.database.factory({ knex }),
        scheduler.factory({ skipTaskRunOnStartup: true }),
        recordingLogger(logLines),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitea: [
                { host: gitHost.host, baseUrl: `http://${gitHost.host}` },
              ],
            },
            sre: {
              knowledge: {
                git: { remote: true, cacheDir, localRoots: [repo.dir] },
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            component('checkout', repo.dir),
            component('mirror', `file://${repo.dir}`),
            component('search', 'https://git.example.invalid/shop/search.git'),
            component('outside', outsider.dir),
            component(
              'escape',
              `file://${repo.dir}/../${path.basename(outsider.dir)}`,
            ),
            component('leaky', leakyUrl()),
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

  it('clones an allowed file: URL under the local root', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/sre/entities/component/default/mirror/knowledge')
      .set('Authorization', mockCredentials.user.header());
    expect(res.body).toMatchObject({
      status: 'ok',
      truckFactor: 2,
      repositories: [{ revision: repo.git('rev-parse', 'HEAD').trim() }],
    });
  });

  it('refuses sources outside the integrations and the local roots, records why, and clones none of them', async () => {
    const server = await startBackend();
    const errorOf = async (name: string) => {
      const res = await request(server)
        .get(`/api/sre/entities/component/default/${name}/knowledge`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'error', truckFactor: null });
      return res.body.error.message as string;
    };
    expect(await errorOf('search')).toMatch(
      /git\.example\.invalid is not the host of any of Backstage's integrations/,
    );
    expect(await errorOf('outside')).toMatch(
      /is not under sre\.knowledge\.git\.localRoots/,
    );
    expect(await errorOf('escape')).toMatch(
      /is not under sre\.knowledge\.git\.localRoots/,
    );
    const authorsOfClones = fs
      .readdirSync(cacheDir)
      .map(dir =>
        execFileSync(
          'git',
          ['-C', path.join(cacheDir, dir), 'log', '--format=%an'],
          { encoding: 'utf8' },
        ),
      );
    // Only the mirror of the allowed repository: nothing of the outsider's.
    expect(authorsOfClones).toHaveLength(1);
    expect(authorsOfClones[0]).toContain('Alice');
    expect(authorsOfClones[0]).not.toContain('Mallory');
  });

  it('records a failed clone without the credentials of its URL, in the error and in the logs', async () => {
    const logLines: string[] = [];
    const server = await startBackend(logLines);
    const res = await request(server)
      .get('/api/sre/entities/component/default/leaky/knowledge')
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.status).toBe('error');
    expect(res.body.error.message).toMatch(
      /git clone failed \(128\): [\s\S]*private_token=\*\*\*' not found/,
    );
    // The host was asked, with the token: only what Baton says is redacted.
    expect(gitHost.requests.join()).toContain('s3cr3t-query');
    const logged = logLines.join('\n');
    expect(logged).toContain(`Cloning http://***@${gitHost.host}/shop.git`);
    expect(logged).toMatch(
      /Knowledge of component:default\/leaky could not be computed/,
    );
    expect(`${res.body.error.message}\n${logged}`).not.toMatch(/s3cr3t/);
    // Nor does the answer's list of repositories carry them.
    expect(JSON.stringify(res.body)).not.toMatch(/s3cr3t/);
    expect(res.body.repositories[0].location).toBe(
      `http://***@${gitHost.host}/shop.git?private_token=***`,
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
