import { startTestBackend } from '@backstage/backend-test-utils';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { CloudWatchReceiver } from './CloudWatchReceiver';
import { sreModuleCloudWatch } from './module';

describe('sreModuleCloudWatch', () => {
  it('registers the CloudWatch receiver', async () => {
    const addAlertReceiver = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [sreAlertReceiversExtensionPoint, { addAlertReceiver }],
      ],
      features: [sreModuleCloudWatch],
    });
    expect(addAlertReceiver).toHaveBeenCalledTimes(1);
    const [receiver] = addAlertReceiver.mock.calls[0];
    expect(receiver).toBeInstanceOf(CloudWatchReceiver);
    expect(receiver.source).toBe('cloudwatch');
  });
});
