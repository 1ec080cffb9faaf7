import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  sreSliSourcesExtensionPoint,
  type SliSource,
} from '@baton/plugin-sre-node';
import { PrometheusSliSource } from './PrometheusSliSource';
import { sreModulePrometheus } from './module';

/** Starts the module beside a stand-in sre plugin that records the SLI sources it gets. */
async function startModule(config: object) {
  const sources: SliSource[] = [];
  const sre = createBackendPlugin({
    pluginId: 'sre',
    register(env) {
      env.registerExtensionPoint(sreSliSourcesExtensionPoint, {
        addSliSource: (...added) => sources.push(...added),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
  const logger = mockServices.logger.mock();
  await startTestBackend({
    features: [
      sre,
      sreModulePrometheus,
      logger.factory,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return { sources, logger };
}

describe('sreModulePrometheus', () => {
  it('adds a Prometheus source for the configured instances', async () => {
    const { sources } = await startModule({
      sre: {
        prometheus: {
          instances: [{ name: 'main', baseUrl: 'http://prometheus:9090' }],
        },
      },
    });
    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(PrometheusSliSource);
    expect(sources[0].type).toBe('Prometheus');
  });

  it('adds nothing and says so without instances', async () => {
    const { sources, logger } = await startModule({});
    expect(sources).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/No Prometheus instances/),
    );
  });

  it.each([
    [
      [{ name: 'main', baseUrl: 'prometheus:9090' }],
      /instances\[0\]\.baseUrl must be an http or https URL/,
    ],
    [
      [{ name: 'main', baseUrl: 'http://baton:pw@prometheus:9090' }],
      /must not hold credentials/,
    ],
    [
      [{ name: 'main', baseUrl: 'http://prometheus:9090', username: 'baton' }],
      /needs both username and password/,
    ],
    [
      [
        {
          name: 'main',
          baseUrl: 'http://prometheus:9090',
          token: 't',
          username: 'u',
          password: 'p',
        },
      ],
      /both a token and a username/,
    ],
    [
      [
        { name: 'main', baseUrl: 'http://a:9090' },
        { name: 'main', baseUrl: 'http://b:9090' },
      ],
      /names 'main' twice/,
    ],
  ])('refuses to start with a bad instance: %j', async (instances, message) => {
    await expect(
      startModule({ sre: { prometheus: { instances } } }),
    ).rejects.toThrow(message);
  });
});
