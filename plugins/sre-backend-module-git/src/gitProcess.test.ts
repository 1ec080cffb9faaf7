import fs from 'fs';
import os from 'os';
import path from 'path';
import { StubGitServer } from './__testUtils__/StubGitServer';
import { eventually, isRunning } from './__testUtils__/processState';
import { TestRepo } from './__testUtils__/TestRepo';
import { gitEnvironment, GIT_KILL_GRACE_MS, runGit } from './gitProcess';

jest.setTimeout(30_000);

/** Sets environment variables for one test and puts the old values back after. */
function withEnv(values: Record<string, string>) {
  const saved = Object.fromEntries(
    Object.keys(values).map(name => [name, process.env[name]]),
  );
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

describe('git processes', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-gitproc-'));
  const upstream = new TestRepo();
  let restoreEnv: (() => void) | undefined;

  beforeAll(() => {
    upstream.commit(['Alice', 'alice@shop.example'], { 'a.ts': 'a' });
  });
  afterEach(() => {
    restoreEnv?.();
    restoreEnv = undefined;
  });
  afterAll(() => {
    upstream.remove();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('never prompts, drops inherited repository and trace variables and allows only the given transports', () => {
    restoreEnv = withEnv({
      GIT_DIR: '/elsewhere/.git',
      GIT_TRACE_CURL: '1',
      GIT_ALLOW_PROTOCOL: 'ext:ssh',
      GIT_ASKPASS: '/usr/bin/some-askpass',
    });
    const env = gitEnvironment({ protocols: ['https'] });
    expect(env).toMatchObject({
      GIT_ALLOW_PROTOCOL: 'https',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
    });
    expect(env.GIT_DIR).toBeUndefined();
    expect(env.GIT_TRACE_CURL).toBeUndefined();
    expect(gitEnvironment().GIT_ALLOW_PROTOCOL).toBe('');
  });

  it('runs every git with hooks switched off', async () => {
    expect(await runGit(['config', '--get', 'core.hooksPath'])).toBe(
      '/dev/null\n',
    );
  });

  it('clones over file only when the file transport is given, whatever the inherited environment allows', async () => {
    restoreEnv = withEnv({ GIT_ALLOW_PROTOCOL: 'file:ext' });
    const url = `file://${upstream.dir}`;
    await expect(
      runGit(['clone', '--bare', '--', url, path.join(work, 'refused')], {
        protocols: ['https'],
      }),
    ).rejects.toThrow(
      /git clone failed \(128\): [\s\S]*transport 'file' not allowed/,
    );
    expect(fs.existsSync(path.join(work, 'refused'))).toBe(false);

    await runGit(['clone', '--bare', '--', url, path.join(work, 'allowed')], {
      protocols: ['file'],
    });
    expect(fs.existsSync(path.join(work, 'allowed', 'HEAD'))).toBe(true);
  });

  it('refuses ext:: commands', async () => {
    const marker = path.join(work, 'ext-ran');
    await expect(
      runGit(
        ['clone', '--', `ext::sh -c touch% ${marker}`, path.join(work, 'ext')],
        { protocols: ['https'] },
      ),
    ).rejects.toThrow(/transport 'ext' not allowed/);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('fails instead of asking for credentials, through no askpass program', async () => {
    const marker = path.join(work, 'askpass-ran');
    const askpass = path.join(work, 'askpass.sh');
    fs.writeFileSync(askpass, `#!/bin/sh\ntouch '${marker}'\necho secret\n`, {
      mode: 0o755,
    });
    restoreEnv = withEnv({ GIT_ASKPASS: askpass, SSH_ASKPASS: askpass });
    const server = await StubGitServer.start({ status: 401 });
    try {
      await expect(
        runGit(
          [
            'clone',
            '--bare',
            '--',
            `http://${server.host}/x.git`,
            path.join(work, 'prompt'),
          ],
          { protocols: ['http'], timeoutMs: 20_000 },
        ),
      ).rejects.toThrow(/terminal prompts disabled/);
      expect(server.requests.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('redacts the credentials of the URL from what git says', async () => {
    const server = await StubGitServer.start({ status: 404 });
    try {
      const failure = await runGit(
        [
          'clone',
          '--bare',
          '--',
          `http://alice:s3cr3t-pass@${server.host}/x.git?private_token=s3cr3t-query`,
          path.join(work, 'redacted'),
        ],
        { protocols: ['http'], timeoutMs: 20_000 },
      ).catch(error => error as Error);
      expect(failure).toBeInstanceOf(Error);
      // Git repeats the query in its own message; the token is gone from it.
      expect((failure as Error).message).toMatch(
        /repository 'http:\/\/127\.0\.0\.1:\d+\/x\.git\?private_token=\*\*\*' not found/,
      );
      expect((failure as Error).message).not.toMatch(/s3cr3t/);
      // The server did receive the token: it was git's message that was redacted.
      expect(server.requests.join()).toContain('s3cr3t-query');
    } finally {
      await server.close();
    }
  });

  it('stops a git that outlives its time, with SIGKILL when it ignores SIGTERM, and what it started with it', async () => {
    // A stand-in for git that ignores SIGTERM and starts a helper, as clone starts git-remote-https.
    const bin = path.join(work, 'bin');
    const pids = path.join(work, 'pids');
    fs.mkdirSync(bin);
    fs.mkdirSync(pids);
    fs.writeFileSync(
      path.join(bin, 'git'),
      `#!/bin/sh\ntrap '' TERM\nsleep 60 &\necho $! > '${pids}/helper'\necho $$ > '${pids}/git'\nwait\n`,
      { mode: 0o755 },
    );
    restoreEnv = withEnv({ PATH: `${bin}:${process.env.PATH}` });

    const started = Date.now();
    await expect(
      runGit(['clone', '--', 'https://github.com/acme/shop.git', 'x'], {
        timeoutMs: 500,
      }),
    ).rejects.toThrow('git clone was stopped after 500 ms');
    // SIGTERM was ignored, so only SIGKILL after the grace period ended it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(
      500 + GIT_KILL_GRACE_MS - 100,
    );
    const git = Number(fs.readFileSync(path.join(pids, 'git'), 'utf8'));
    const helper = Number(fs.readFileSync(path.join(pids, 'helper'), 'utf8'));
    expect(isRunning(git)).toBe(false);
    // The orphaned helper is reparented and reaped asynchronously.
    expect(await eventually(() => !isRunning(helper))).toBe(true);
  });

  it('stops git and what it started as soon as its signal aborts, without waiting for its time', async () => {
    // A stand-in for git that starts a helper and waits for it, as clone waits for git-remote-https.
    const bin = path.join(work, 'abort-bin');
    const pids = path.join(work, 'abort-pids');
    fs.mkdirSync(bin);
    fs.mkdirSync(pids);
    fs.writeFileSync(
      path.join(bin, 'git'),
      `#!/bin/sh\nsleep 60 &\necho $! > '${pids}/helper'\necho $$ > '${pids}/git'\nwait\n`,
      { mode: 0o755 },
    );
    restoreEnv = withEnv({ PATH: `${bin}:${process.env.PATH}` });

    const controller = new AbortController();
    const run = runGit(['fetch', 'origin'], {
      timeoutMs: 60_000,
      signal: controller.signal,
    }).catch(error => error as Error);
    expect(await eventually(() => fs.existsSync(path.join(pids, 'git')))).toBe(
      true,
    );
    const git = Number(fs.readFileSync(path.join(pids, 'git'), 'utf8'));
    const helper = Number(fs.readFileSync(path.join(pids, 'helper'), 'utf8'));
    expect(isRunning(git)).toBe(true);
    expect(isRunning(helper)).toBe(true);

    const started = Date.now();
    controller.abort(new Error('the refresh was cancelled'));
    const failure = await run;
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('the refresh was cancelled');
    expect(Date.now() - started).toBeLessThan(GIT_KILL_GRACE_MS);
    expect(isRunning(git)).toBe(false);
    expect(await eventually(() => !isRunning(helper))).toBe(true);
  });

  it('does not start git once its signal has aborted', async () => {
    const bin = path.join(work, 'aborted-bin');
    const marker = path.join(work, 'aborted-ran');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\ntouch '${marker}'\n`, {
      mode: 0o755,
    });
    restoreEnv = withEnv({ PATH: `${bin}:${process.env.PATH}` });
    await expect(
      runGit(['fetch', 'origin'], { signal: AbortSignal.abort() }),
    ).rejects.toThrow('This operation was aborted');
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('stops a clone from a server that never answers', async () => {
    const server = await StubGitServer.start('hang');
    try {
      const started = Date.now();
      await expect(
        runGit(
          [
            'clone',
            '--bare',
            '--',
            `http://${server.host}/x.git`,
            path.join(work, 'hang'),
          ],
          { protocols: ['http'], timeoutMs: 1000 },
        ),
      ).rejects.toThrow('git clone was stopped after 1 s');
      expect(Date.now() - started).toBeLessThan(1000 + GIT_KILL_GRACE_MS);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
