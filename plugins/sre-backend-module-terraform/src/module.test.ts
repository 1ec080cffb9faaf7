import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  sreChangeReceiversExtensionPoint,
  sreChangeSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import {
  sreChangeReceiversExtensionPointMock,
  sreChangeSourcesExtensionPointMock,
} from '@baton/plugin-sre-node/testUtils';
import { sreModuleTerraform } from './module';
import { TerraformChangeSource } from './TerraformChangeSource';
import { TerraformNotificationReceiver } from './TerraformNotificationReceiver';

async function start(config: object) {
  const receivers = sreChangeReceiversExtensionPointMock();
  const sources = sreChangeSourcesExtensionPointMock();
  await startTestBackend({
    extensionPoints: [
      [sreChangeReceiversExtensionPoint, receivers],
      [sreChangeSourcesExtensionPoint, sources],
    ],
    features: [
      sreModuleTerraform,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return {
    receivers: receivers.changeReceivers,
    sources: sources.changeSources,
  };
}

describe('sreModuleTerraform', () => {
  it('adds the webhook receiver and the change source `terraform` once a token is set', async () => {
    const { receivers, sources } = await start({
      sre: { terraform: { token: 't' } },
    });
    expect(receivers).toHaveLength(1);
    expect(receivers[0]).toBeInstanceOf(TerraformNotificationReceiver);
    expect(receivers[0].source).toBe('terraform');
    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(TerraformChangeSource);
    expect(sources[0].id).toBe('terraform');
  });

  it('adds nothing without a token', async () => {
    const { receivers, sources } = await start({});
    expect(receivers).toEqual([]);
    expect(sources).toEqual([]);
  });

  it.each([
    [
      { baseUrl: 'not a url' },
      "sre.terraform.baseUrl must be a URL, not 'not a url'",
    ],
    [
      { baseUrl: 'ftp://tfe.example' },
      'sre.terraform.baseUrl must be an http(s) URL',
    ],
    [
      { lookbackHours: 0 },
      'sre.terraform.lookbackHours must be a number above 0',
    ],
    [
      { requestTimeoutSeconds: 900 },
      'sre.terraform.requestTimeoutSeconds must be a number above 0 and at most 300',
    ],
  ])(
    'refuses a bad sre.terraform value, naming it (%#)',
    async (values, message) => {
      await expect(
        start({ sre: { terraform: { token: 't', ...values } } }),
      ).rejects.toThrow(message);
    },
  );
});
