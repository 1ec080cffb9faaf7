import { startTestBackend } from '@backstage/backend-test-utils';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { AlertmanagerReceiver } from './AlertmanagerReceiver';
import { sreModuleAlertmanager } from './module';

describe('sreModuleAlertmanager', () => {
  it('registers the Alertmanager receiver', async () => {
    const addAlertReceiver = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [sreAlertReceiversExtensionPoint, { addAlertReceiver }],
      ],
      features: [sreModuleAlertmanager],
    });
    expect(addAlertReceiver).toHaveBeenCalledTimes(1);
    const [receiver] = addAlertReceiver.mock.calls[0];
    expect(receiver).toBeInstanceOf(AlertmanagerReceiver);
    expect(receiver.source).toBe('alertmanager');
  });
});
