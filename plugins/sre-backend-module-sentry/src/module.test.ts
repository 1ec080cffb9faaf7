import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createHmac } from 'crypto';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { sreAlertReceiversExtensionPointMock } from '@baton/plugin-sre-node/testUtils';
import { sreModuleSentry } from './module';
import { SentryReceiver } from './SentryReceiver';

describe('sreModuleSentry', () => {
  it('adds the Sentry receiver to the sre plugin', async () => {
    const receivers = sreAlertReceiversExtensionPointMock();
    const added = receivers.alertReceivers;
    await startTestBackend({
      extensionPoints: [[sreAlertReceiversExtensionPoint, receivers]],
      features: [sreModuleSentry],
    });

    expect(added).toHaveLength(1);
    expect(added[0]).toBeInstanceOf(SentryReceiver);
    expect(added[0].source).toBe('sentry');
  });

  it('takes the replay window from sre.webhooks.sentry.timestampToleranceSeconds', async () => {
    const receivers = sreAlertReceiversExtensionPointMock();
    const added = receivers.alertReceivers;
    await startTestBackend({
      extensionPoints: [[sreAlertReceiversExtensionPoint, receivers]],
      features: [
        sreModuleSentry,
        mockServices.rootConfig.factory({
          data: {
            sre: { webhooks: { sentry: { timestampToleranceSeconds: 10 } } },
          },
        }),
      ],
    });
    const raw = '{}';
    const sent = (secondsAgo: number) => ({
      rawBody: Buffer.from(raw),
      body: {},
      headers: {
        'sentry-hook-signature': createHmac('sha256', 's')
          .update(raw)
          .digest('hex'),
        'sentry-hook-timestamp': String(
          Math.floor(Date.now() / 1000) - secondsAgo,
        ),
      },
    });
    await expect(added[0].verifyDelivery!(sent(0))).resolves.toBeUndefined();
    await expect(added[0].verifyDelivery!(sent(60))).rejects.toMatchObject({
      name: 'AuthenticationError',
    });
  });
});
