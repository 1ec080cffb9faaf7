import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  sreAlertPollersExtensionPoint,
  sreAlertReceiversExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import {
  sreAlertPollersExtensionPointMock,
  sreAlertReceiversExtensionPointMock,
  sreSliSourcesExtensionPointMock,
} from '@baton/plugin-sre-node/testUtils';
import { MackerelAlertPoller } from './MackerelAlertPoller';
import { MackerelAlertReceiver } from './MackerelAlertReceiver';
import { MackerelSliSource } from './MackerelSliSource';
import { sreModuleMackerel } from './module';

type ConfigData = NonNullable<mockServices.rootConfig.Options['data']>;

async function startWith(data: ConfigData) {
  const sli = sreSliSourcesExtensionPointMock();
  const alertReceivers = sreAlertReceiversExtensionPointMock();
  const alertPollers = sreAlertPollersExtensionPointMock();
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [sreSliSourcesExtensionPoint, sli],
      [sreAlertReceiversExtensionPoint, alertReceivers],
      [sreAlertPollersExtensionPoint, alertPollers],
    ],
    features: [
      sreModuleMackerel,
      logger.factory,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return {
    added: sli.sliSources,
    receivers: alertReceivers.alertReceivers,
    pollers: alertPollers.alertPollers,
    logger,
  };
}

describe('sreModuleMackerel', () => {
  it('registers only the webhook receiver, and says so once, when no instance is configured', async () => {
    const { added, receivers, pollers, logger } = await startWith({});

    expect(added).toEqual([]);
    expect(pollers).toEqual([]);
    expect(receivers).toHaveLength(1);
    expect(receivers[0]).toBeInstanceOf(MackerelAlertReceiver);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/No sre\.mackerel\.instances configured/),
    );
  });

  it('registers one Mackerel source, the receiver and one alert poller per configured instance', async () => {
    const { added, receivers, pollers, logger } = await startWith({
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
    expect(receivers).toHaveLength(1);
    expect(receivers[0].source).toBe('mackerel');
    expect(pollers).toHaveLength(2);
    expect(pollers.every(p => p instanceof MackerelAlertPoller)).toBe(true);
    expect(pollers.map(p => p.id)).toEqual(['mackerel:main', 'mackerel:kcps']);
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
