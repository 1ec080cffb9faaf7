import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  sreAccessSourcesExtensionPoint,
  sreChangeSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import {
  sreAccessSourcesExtensionPointMock,
  sreChangeSourcesExtensionPointMock,
} from '@baton/plugin-sre-node/testUtils';
import { generateKeyPairSync } from 'node:crypto';
import { GithubDeploymentChangeSource } from './GithubDeploymentChangeSource';
import { GithubOrgAccessSource } from './GithubOrgAccessSource';
import { sreModuleGithub } from './module';

type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

const TOKEN = 'ghp_ModuleTestT0kenNeverLogged000000001';
// A GitHub App's key as GitHub generates it (PKCS#1 PEM), made for this run.
const { privateKey: PRIVATE_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const KEY_BODY = PRIVATE_KEY.split('\n')[5];
const APP = { appId: 123456, privateKey: PRIVATE_KEY, installationId: 7890123 };

async function startWith(data: ConfigData) {
  const access = sreAccessSourcesExtensionPointMock();
  const changes = sreChangeSourcesExtensionPointMock();
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [sreAccessSourcesExtensionPoint, access],
      [sreChangeSourcesExtensionPoint, changes],
    ],
    features: [
      sreModuleGithub,
      logger.factory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return {
    sources: access.accessSources,
    changeSources: changes.changeSources,
    logger,
  };
}

const logged = (logger: ReturnType<typeof mockServices.logger.mock>) =>
  JSON.stringify(
    [logger.info, logger.debug, logger.warn, logger.error].flatMap(
      fn => (fn as jest.Mock).mock.calls,
    ),
  );

describe('sreModuleGithub', () => {
  it('registers the github-org access source with sre.github.token, and logs no token', async () => {
    const { sources, logger } = await startWith({
      sre: { github: { token: TOKEN } },
    });

    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(GithubOrgAccessSource);
    expect(sources[0].prefix).toBe('github-org');
    expect(logger.info).toHaveBeenCalledWith(
      "GitHub organization access source 'github-org' registered: https://api.github.com, token from sre.github.token",
    );
    expect(logged(logger)).not.toContain(TOKEN);
  });

  it('names the GitHub Enterprise Server it reads', async () => {
    const { sources, logger } = await startWith({
      sre: {
        github: {
          token: TOKEN,
          baseUrl: 'https://github.example.com/api/v3',
        },
      },
    });

    expect(sources).toHaveLength(1);
    expect(logger.info).toHaveBeenCalledWith(
      "GitHub organization access source 'github-org' registered: https://github.example.com/api/v3, token from sre.github.token",
    );
  });

  it('registers nothing, and says so once, without sre.github', async () => {
    const { sources, logger } = await startWith({ sre: { demo: false } });

    expect(sources).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'No sre.github configured; the GitHub organization access source is not registered',
    );
  });

  it('registers the github-org access source with sre.github.app, and logs no key', async () => {
    const { sources, logger } = await startWith({
      sre: { github: { app: APP } },
    });

    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(GithubOrgAccessSource);
    expect(logger.info).toHaveBeenCalledWith(
      "GitHub organization access source 'github-org' registered: https://api.github.com, GitHub App 123456, installation 7890123, from sre.github.app",
    );
    expect(logged(logger)).not.toContain(KEY_BODY);
  });

  it('fails at start-up on sre.github without a token or an App, naming the keys', async () => {
    await expect(
      startWith({
        sre: { github: { baseUrl: 'https://github.example.com/api/v3' } },
      }),
    ).rejects.toThrow(/sre\.github\.token or sre\.github\.app is required/);
  });

  it('fails at start-up on both a token and an App, naming the keys, without either secret', async () => {
    const failure = startWith({
      sre: { github: { token: TOKEN, app: APP } },
    });

    await expect(failure).rejects.toThrow(
      /sre\.github\.token and sre\.github\.app are both set/,
    );
    await expect(failure).rejects.not.toThrow(TOKEN);
    await expect(failure).rejects.not.toThrow(KEY_BODY);
  });

  it('fails at start-up on an installation ID that is no number, naming the key', async () => {
    await expect(
      startWith({
        sre: { github: { app: { ...APP, installationId: 'acme' } } },
      }),
    ).rejects.toThrow(
      /sre\.github\.app\.installationId must be a positive integer/,
    );
  });

  it('fails at start-up on a base URL that is no URL, naming the key', async () => {
    const failure = startWith({
      sre: { github: { token: TOKEN, baseUrl: 'github.example.com' } },
    });

    await expect(failure).rejects.toThrow(
      /sre\.github\.baseUrl must be an http\(s\) URL/,
    );
    await expect(failure).rejects.not.toThrow(TOKEN);
  });

  it('registers the github change source only when sre.github.changes.enabled is true', async () => {
    const off = await startWith({ sre: { github: { token: TOKEN } } });
    expect(off.changeSources).toEqual([]);

    const disabled = await startWith({
      sre: { github: { token: TOKEN, changes: { enabled: false } } },
    });
    expect(disabled.changeSources).toEqual([]);

    const { changeSources, sources, logger } = await startWith({
      sre: { github: { token: TOKEN, changes: { enabled: true } } },
    });
    expect(sources).toHaveLength(1);
    expect(changeSources).toHaveLength(1);
    expect(changeSources[0]).toBeInstanceOf(GithubDeploymentChangeSource);
    expect(changeSources[0].id).toBe('github');
    expect(logger.info).toHaveBeenCalledWith(
      "GitHub deployment change source 'github' registered: https://api.github.com, token from sre.github.token",
    );
    expect(logged(logger)).not.toContain(TOKEN);
  });

  it('registers no change source without sre.github, even when changes are enabled elsewhere', async () => {
    const { changeSources } = await startWith({ sre: { demo: false } });
    expect(changeSources).toEqual([]);
  });

  it.each([
    [
      { environments: [] },
      /sre\.github\.changes\.environments must list environment names/,
    ],
    [
      { environments: ['production', ' '] },
      /sre\.github\.changes\.environments must list environment names/,
    ],
    [
      { followUpHours: 1000 },
      /sre\.github\.changes\.followUpHours must be between 0 and 720 hours; got 1000/,
    ],
  ])(
    'fails at start-up on the bad changes setting %j, naming it',
    async (changes, message) => {
      await expect(
        startWith({
          sre: {
            github: { token: TOKEN, changes: { enabled: true, ...changes } },
          },
        }),
      ).rejects.toThrow(message);
    },
  );
});
