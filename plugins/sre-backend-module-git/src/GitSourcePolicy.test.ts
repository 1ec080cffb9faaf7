import { ConfigReader } from '@backstage/config';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { GitSourcePolicy } from './GitSourcePolicy';

describe('GitSourcePolicy', () => {
  // <tmp>/root/repo is allowed; <tmp>/outside and root/link-out (a link to it) are not.
  const base = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'baton-policy-')),
  );
  const root = path.join(base, 'root');
  const repo = path.join(root, 'repo');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(repo, { recursive: true });
  fs.mkdirSync(outside);
  fs.symlinkSync(outside, path.join(root, 'link-out'));
  fs.symlinkSync(repo, path.join(root, 'link-in'));
  fs.mkdirSync(path.join(root, 'with space'));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const policy = GitSourcePolicy.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com' }],
        gitlab: [
          {
            host: 'gitlab.internal:8080',
            apiBaseUrl: 'http://gitlab.internal:8080/api/v4',
            baseUrl: 'http://gitlab.internal:8080',
          },
        ],
        gitea: [{ host: 'gitea.example.com' }],
        gerrit: [
          {
            host: 'gerrit.example.com',
            gitilesBaseUrl: 'https://gerrit.example.com/gitiles',
            cloneUrl: 'https://clone.gerrit.example.com/a',
          },
        ],
        bitbucketServer: [
          {
            host: 'bitbucket.example.com',
            apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
          },
        ],
      },
      sre: { knowledge: { git: { localRoots: [root] } } },
    }),
  );

  it.each([
    // Hosts of the configured integrations, over https.
    ['https://github.com/acme/shop.git', 'https'],
    ['https://GitHub.com/acme/shop', 'https'],
    ['https://x-access-token:ghs_fake@github.com/acme/shop.git', 'https'],
    ['https://gitea.example.com/acme/shop.git', 'https'],
    ['https://clone.gerrit.example.com/a/shop', 'https'],
    ['https://bitbucket.example.com/scm/acme/shop.git', 'https'],
    // Backstage's default integrations, present without config.
    ['https://gitlab.com/acme/shop.git', 'https'],
    ['https://bitbucket.org/acme/shop.git', 'https'],
    ['https://dev.azure.com/acme/shop/_git/shop', 'https'],
    // Plain http only where the integration itself is http; https there too.
    ['http://gitlab.internal:8080/group/shop.git', 'http'],
    ['https://gitlab.internal:8080/group/shop.git', 'https'],
  ])('clones %s over %s', async (location, protocol) => {
    const source = await policy.check(location);
    expect(source).toEqual({
      kind: 'clone',
      url: new URL(location).href,
      protocol,
    });
  });

  it.each([
    ['the root itself', () => root, () => root],
    ['a repository under it', () => repo, () => repo],
    [
      'a path through .. that stays inside',
      () => `${repo}/../repo`,
      () => repo,
    ],
    ['a link that stays inside', () => path.join(root, 'link-in'), () => repo],
    [
      'a folder whose name has a space',
      () => path.join(root, 'with space'),
      () => path.join(root, 'with space'),
    ],
  ])('reads %s in place', async (_name, location, real) => {
    expect(await policy.check(location())).toEqual({
      kind: 'local',
      path: real(),
      root,
    });
  });

  it('clones a file: URL under a root over the file transport only', async () => {
    expect(await policy.check(`file://${repo}`)).toEqual({
      kind: 'clone',
      url: `file://${repo}`,
      protocol: 'file',
    });
  });

  it.each([
    [
      'https://evil.example/acme/shop.git',
      /evil\.example is not the host of any of Backstage's integrations/,
    ],
    [
      'https://github.com.evil.example/acme/shop.git',
      /github\.com\.evil\.example is not the host/,
    ],
    [
      'https://github.com@evil.example/acme/shop.git',
      /evil\.example is not the host/,
    ],
    [
      'https://github.com:8443/acme/shop.git',
      /github\.com:8443 is not the host/,
    ],
    ['https://127.0.0.1/acme/shop.git', /127\.0\.0\.1 is not the host/],
    ['http://github.com/acme/shop.git', /github\.com is configured with https/],
    [
      'git@github.com:acme/shop.git',
      /ssh is not allowed; use the https URL \(https:\/\/github\.com\/acme\/shop\.git\)/,
    ],
    ['ssh://git@github.com/acme/shop.git', /the ssh transport is not allowed/],
    ['git://github.com/acme/shop.git', /the git transport is not allowed/],
    [
      'ext::sh -c touch% /tmp/pwned',
      /a URL may hold no whitespace or backslash/,
    ],
    ['ext::sh', /the ext transport is not allowed/],
    ['fd::17', /the fd transport is not allowed/],
    [
      'https://evil.example\\@github.com/acme/shop.git',
      /no whitespace or backslash/,
    ],
    ['https://github.com/acme/shop.git\n', /control character/],
    ['relative/path', /a path must be absolute/],
    ['file:///etc', /is not under sre\.knowledge\.git\.localRoots/],
    ['file://otherhost/srv/repo', /a file: URL must name a path on this host/],
    ['/etc', /is not under sre\.knowledge\.git\.localRoots/],
  ])('refuses %s', async (location, reason) => {
    await expect(policy.check(location)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(reason),
    });
  });

  it.each([
    [
      'a path through .. out of the root',
      () => `${root}/../outside`,
      /is not under sre\.knowledge\.git\.localRoots/,
    ],
    ['a path through many ..', () => `${repo}/../../../../etc`, /is not under/],
    [
      'a link out of the root',
      () => path.join(root, 'link-out'),
      /is not under/,
    ],
    [
      'a file: URL through a link out',
      () => `file://${root}/link-out`,
      /is not under/,
    ],
    [
      'a folder that does not exist',
      () => path.join(root, 'missing'),
      /no such folder/,
    ],
  ])('refuses %s', async (_name, location, reason) => {
    await expect(policy.check(location())).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(reason),
    });
  });

  it('reads no local repository when no root is configured', async () => {
    const remoteOnly = GitSourcePolicy.fromConfig(new ConfigReader({}));
    await expect(remoteOnly.check(repo)).rejects.toThrow(
      /only read under sre\.knowledge\.git\.localRoots, and none is configured/,
    );
    await expect(remoteOnly.check(`file://${repo}`)).rejects.toThrow(
      /none is configured/,
    );
    // github.com is one of Backstage's defaults.
    await expect(
      remoteOnly.check('https://github.com/acme/shop.git'),
    ).resolves.toMatchObject({ kind: 'clone' });
  });

  it('never repeats the credentials of a refused URL', async () => {
    const refusal = await policy
      .check(
        'https://alice:s3cr3t-pass@evil.example/shop.git?access_token=s3cr3t-query',
      )
      .catch(error => error as Error);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toContain('evil.example');
    expect((refusal as Error).message).not.toMatch(/s3cr3t/);
  });
});
