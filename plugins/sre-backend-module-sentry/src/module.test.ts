import { startTestBackend } from '@backstage/backend-test-utils';
import {
  sreAlertReceiversExtensionPoint,
  type AlertWebhookReceiver,
} from '@baton/plugin-sre-node';
import { sreModuleSentry } from './module';
import { SentryReceiver } from './SentryReceiver';

describe('sreModuleSentry', () => {
  it('adds the Sentry receiver to the sre plugin', async () => {
    const added: AlertWebhookReceiver[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          sreAlertReceiversExtensionPoint,
          {
            addAlertReceiver: (...receivers: AlertWebhookReceiver[]) =>
              added.push(...receivers),
          },
        ],
      ],
      features: [sreModuleSentry],
    });

    expect(added).toHaveLength(1);
    expect(added[0]).toBeInstanceOf(SentryReceiver);
    expect(added[0].source).toBe('sentry');
  });
});
