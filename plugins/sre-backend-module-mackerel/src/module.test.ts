import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  sreSliSourcesExtensionPoint,
  type SliSource,
} from '@baton/plugin-sre-node';
import { MackerelSliSource } from './MackerelSliSource';
import { sreModuleMackerel } from './module';

type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

async function startWith(data: ConfigData) {
  const added: SliSource[] = [];
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [
        sreSliSourcesExtensionPoint,
        { addSliSource: (...sources: SliSource[]) => added.push(...sources) },
      ],
    ],
    features: [
      sreModuleMackerel,
      logger.factory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return { added, logger };
}

describe('sreModuleMackerel', () => {
  it('registers nothing and says so once when no instance is configured', async () => {
    const { added, logger } = await startWith({});

    expect(added).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/No sre\.mackerel\.instances configured/),
    );
  });

  it('registers one Mackerel source for the configured instances', async () => {
    const { added, logger } = await startWith({
      sre: {
        mackerel: {
          instances: [
            { name: 'main', apiKey: 'mk-secret-main' },
            {
              name: 'kcps',
              apiKey: 'mk-secret-kcps',
              baseUrl: 'https://kcps-mackerel.io',
            },
          ],
        },
      },
    });

    expect(added).toHaveLength(1);
    expect(added[0]).toBeInstanceOf(MackerelSliSource);
    expect(added[0].type).toBe('Mackerel');
    const logged = JSON.stringify(
      [logger.info, logger.debug, logger.warn].flatMap(
        fn => (fn as jest.Mock).mock.calls,
      ),
    );
    expect(logged).toContain("'main', 'kcps'");
    expect(logged).not.toContain('mk-secret');
  });

  it('fails at start-up on two instances with one name', async () => {
    await expect(
      startWith({
        sre: {
          mackerel: {
            instances: [
              { name: 'main', apiKey: 'a' },
              { name: 'main', apiKey: 'b' },
            ],
          },
        },
      }),
    ).rejects.toThrow(
      /sre\.mackerel\.instances\[1\]\.name 'main' is used twice/,
    );
  });

  it('fails at start-up on a base URL that is not a URL', async () => {
    await expect(
      startWith({
        sre: {
          mackerel: {
            instances: [
              { name: 'main', apiKey: 'a', baseUrl: 'api.mackerelio.com' },
            ],
          },
        },
      }),
    ).rejects.toThrow(/sre\.mackerel\.instances\[0\]\.baseUrl is not a URL/);
  });
});
