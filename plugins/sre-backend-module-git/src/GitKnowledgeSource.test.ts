import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { StubGitServer } from './__testUtils__/StubGitServer';
import { eventually, isRunning } from './__testUtils__/processState';
import { SlowGitLog } from './__testUtils__/SlowGitLog';
import { TestRepo } from './__testUtils__/TestRepo';
import { GitKnowledgeSource } from './GitKnowledgeSource';
import { GIT_KILL_GRACE_MS } from './gitProcess';
import { GitSourcePolicy } from './GitSourcePolicy';

jest.setTimeout(30_000);

const alice = ['Alice', 'alice@shop.example'] as const;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

describe('GitKnowledgeSource', () => {
  const upstream = new TestRepo();
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cache-'));
  const url = `file://${upstream.dir}`;
  // Another repository beside the allowed one, outside the local root.
  const outsider = new TestRepo();
  const policy = GitSourcePolicy.fromConfig(
    new ConfigReader({
      sre: { knowledge: { git: { localRoots: [upstream.dir] } } },
    }),
  );
  const source = new GitKnowledgeSource({
    cacheDir,
    allowRemote: true,
    policy,
    timeoutMs: 60_000,
    logger: mockServices.logger.mock(),
  });

  beforeAll(() => {
    // Lets the clone ask for no blobs, as a hosting service would.
    upstream.git('config', 'uploadpack.allowFilter', 'true');
    upstream.commit(alice, { 'a.ts': 'a', 'docs/x.md': 'x' });
    outsider.git('config', 'uploadpack.allowFilter', 'true');
    outsider.commit(alice, { 'secret.ts': 's' });
  });
  afterAll(() => {
    upstream.remove();
    outsider.remove();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reads local paths in place and remote URLs from its cache', () => {
    expect(source.supports(upstream.dir)).toBe(true);
    expect(source.supports(url)).toBe(true);
    expect(source.supports('git@github.com:acme/shop.git')).toBe(true);
    expect(source.supports('relative/path')).toBe(false);
  });

  it('clones a remote repository bare and without blobs, then fetches what is new', async () => {
    const first = await source.readHistory({ location: url });
    expect(first.files).toEqual(['a.ts', 'docs/x.md']);
    expect(await collect(first.commits)).toHaveLength(1);

    const [clone] = fs.readdirSync(cacheDir);
    const cloneDir = path.join(cacheDir, clone);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', cloneDir, ...args], {
        encoding: 'utf8',
      }).trim();
    expect(git('rev-parse', '--is-bare-repository')).toBe('true');
    expect(git('config', 'remote.origin.partialclonefilter')).toBe('blob:none');

    upstream.commit(alice, { 'b.ts': 'b' });
    const second = await source.readHistory({ location: url });
    expect(second.revision).toBe(upstream.git('rev-parse', 'HEAD').trim());
    expect(second.files).toEqual(['a.ts', 'b.ts', 'docs/x.md']);
    expect(await collect(second.commits)).toHaveLength(2);
    // Still one clone: the second read fetched into it.
    expect(fs.readdirSync(cacheDir)).toEqual([clone]);
  });

  it('scopes a read to a folder', async () => {
    const history = await source.readHistory({
      location: upstream.dir,
      subdir: 'docs',
    });
    expect(history.files).toEqual(['docs/x.md']);
  });

  it('follows a file outside the folder read, through its rename, apart from the folder’s files and commits', async () => {
    upstream.commit(alice, { 'svc/app.ts': 'app', 'ops.md': 'v1' });
    upstream.commit(alice, {}, { renames: { 'ops.md': 'docs/runbook.md' } });
    upstream.commit(alice, { 'docs/runbook.md': 'v2' });
    // From the bare clone without blobs: rename detection fetches what it needs.
    const history = await source.readHistory({
      location: url,
      subdir: 'svc',
      follow: ['docs/runbook.md', 'docs/gone.md'],
    });
    expect(history.files).toEqual(['svc/app.ts']);
    expect(await collect(history.commits)).toHaveLength(1);
    const [runbook, gone] = history.followed!;
    expect(runbook).toMatchObject({ path: 'docs/runbook.md', present: true });
    // Oldest first, from its creation under its old name.
    expect(
      (await collect(runbook.commits)).map(commit => commit.changes),
    ).toEqual([
      [{ status: 'A', path: 'ops.md' }],
      [{ status: 'R', path: 'docs/runbook.md', previousPath: 'ops.md' }],
      [{ status: 'M', path: 'docs/runbook.md' }],
    ]);
    expect(gone).toMatchObject({ path: 'docs/gone.md', present: false });
    expect(await collect(gone.commits)).toEqual([]);
  });

  it('refuses remote repositories when they are switched off', async () => {
    const localOnly = new GitKnowledgeSource({
      cacheDir,
      allowRemote: false,
      policy,
      timeoutMs: 60_000,
      logger: mockServices.logger.mock(),
    });
    // Another source (the demo's) may then read remote URLs.
    expect(localOnly.supports(url)).toBe(false);
    expect(localOnly.supports(upstream.dir)).toBe(true);
    await expect(
      localOnly.readHistory({ location: url }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    const local = await localOnly.readHistory({ location: upstream.dir });
    expect(local.files).toContain('b.ts');
  });

  it('never clones or reads a repository outside the local roots', async () => {
    const before = fs.readdirSync(cacheDir);
    for (const location of [
      outsider.dir,
      `file://${outsider.dir}`,
      // Up out of the root and back down to the other repository.
      path.join(upstream.dir, '..', path.basename(outsider.dir)),
      `ext::sh -c touch% ${path.join(cacheDir, 'pwned')}`,
      'ssh://git@github.com/acme/shop.git',
      'https://git.example.invalid/acme/shop.git',
    ]) {
      await expect(source.readHistory({ location })).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(/is not read: /),
      });
    }
    expect(fs.readdirSync(cacheDir)).toEqual(before);
  });
  it('does not take a folder under a root for the repository above the root', async () => {
    // docs/ is a local root but no repository; the repository holding it lies outside that root.
    const docsOnly = new GitKnowledgeSource({
      cacheDir,
      allowRemote: false,
      policy: GitSourcePolicy.fromConfig(
        new ConfigReader({
          sre: {
            knowledge: {
              git: { localRoots: [path.join(upstream.dir, 'docs')] },
            },
          },
        }),
      ),
      timeoutMs: 60_000,
      logger: mockServices.logger.mock(),
    });
    await expect(
      docsOnly.readHistory({ location: path.join(upstream.dir, 'docs') }),
    ).rejects.toThrow(
      /git rev-parse failed \(128\): fatal: not a git repository/,
    );
  });
});

describe('GitKnowledgeSource when its read is aborted', () => {
  const upstream = new TestRepo();
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cache-'));
  let slowGit: SlowGitLog;
  const source = new GitKnowledgeSource({
    cacheDir,
    allowRemote: true,
    policy: GitSourcePolicy.fromConfig(
      new ConfigReader({
        sre: { knowledge: { git: { localRoots: [upstream.dir] } } },
      }),
    ),
    timeoutMs: 60_000,
    logger: mockServices.logger.mock(),
  });

  beforeAll(() => {
    upstream.commit(alice, { 'a.ts': 'a' });
    upstream.commit(alice, { 'b.ts': 'b' });
    slowGit = new SlowGitLog(upstream.dir);
    slowGit.arm();
  });
  afterAll(() => {
    slowGit.remove();
    upstream.remove();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('stops reading the history at once and leaves no git running', async () => {
    const controller = new AbortController();
    const history = await source.readHistory(
      { location: upstream.dir },
      { signal: controller.signal },
    );
    expect(history.files.sort()).toEqual(['a.ts', 'b.ts']);
    const reading = collect(history.commits).catch(error => error as Error);
    const { git, helper } = await slowGit.started();
    expect(isRunning(git)).toBe(true);

    const started = Date.now();
    controller.abort(new Error('refresh cancelled'));
    const failure = await reading;
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('refresh cancelled');
    expect(Date.now() - started).toBeLessThan(GIT_KILL_GRACE_MS);
    expect(isRunning(git)).toBe(false);
    expect(await eventually(() => !isRunning(helper))).toBe(true);
  });

  it('starts no git for a read whose signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('refresh cancelled'));
    await expect(
      source.readHistory(
        { location: upstream.dir },
        { signal: controller.signal },
      ),
    ).rejects.toThrow('refresh cancelled');
  });
});

describe('GitKnowledgeSource against a git host', () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cache-'));
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  /** A source whose only integration is the stub server, over plain http as it is configured. */
  function sourceFor(server: StubGitServer, timeoutMs: number) {
    const logger = mockServices.logger.mock();
    const source = new GitKnowledgeSource({
      cacheDir,
      allowRemote: true,
      policy: GitSourcePolicy.fromConfig(
        new ConfigReader({
          integrations: {
            gitea: [{ host: server.host, baseUrl: `http://${server.host}` }],
          },
        }),
      ),
      timeoutMs,
      logger,
    });
    return { source, logger };
  }

  it('says why a clone failed without the credentials of its URL, in the error and in the logs', async () => {
    const server = await StubGitServer.start({ status: 404 });
    try {
      const { source, logger } = sourceFor(server, 20_000);
      const location = `http://alice:s3cr3t-pass@${server.host}/shop.git?private_token=s3cr3t-query`;
      const failure = await source
        .readHistory({ location })
        .catch(error => error as Error);

      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(
        /git clone failed .*not found/,
      );
      expect(server.requests.join()).toContain('s3cr3t-query');
      const logged = JSON.stringify([
        logger.info.mock.calls,
        logger.debug.mock.calls,
        logger.warn.mock.calls,
        logger.error.mock.calls,
      ]);
      expect(logged).toContain(`Cloning http://***@${server.host}/shop.git`);
      expect(`${(failure as Error).message} ${logged}`).not.toMatch(/s3cr3t/);
      // The failed clone leaves nothing behind.
      expect(fs.readdirSync(cacheDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('stops a clone as soon as its signal aborts and keeps nothing of it', async () => {
    const server = await StubGitServer.start('hang');
    try {
      const { source } = sourceFor(server, 60_000);
      const controller = new AbortController();
      const reading = source
        .readHistory(
          { location: `http://${server.host}/shop.git` },
          { signal: controller.signal },
        )
        .catch(error => error as Error);
      expect(await eventually(() => server.requests.length === 1)).toBe(true);
      const started = Date.now();
      controller.abort(new Error('refresh cancelled'));
      expect(((await reading) as Error).message).toBe('refresh cancelled');
      expect(Date.now() - started).toBeLessThan(GIT_KILL_GRACE_MS);
      expect(fs.readdirSync(cacheDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('stops a clone that outlives sre.knowledge.git.timeout', async () => {
    const server = await StubGitServer.start('hang');
    try {
      const { source } = sourceFor(server, 1000);
      const started = Date.now();
      await expect(
        source.readHistory({ location: `http://${server.host}/shop.git` }),
      ).rejects.toThrow(
        'git clone was stopped after 1 s (sre.knowledge.git.timeout)',
      );
      expect(Date.now() - started).toBeLessThan(1000 + GIT_KILL_GRACE_MS);
      expect(server.requests).toHaveLength(1);
      expect(fs.readdirSync(cacheDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
