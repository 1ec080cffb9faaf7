import { createBackendModule } from '@backstage/backend-plugin-api';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { CloudWatchReceiver } from './CloudWatchReceiver';

/**
 * Adds the CloudWatch (via Amazon SNS) webhook receiver to the sre plugin. It
 * is always registered; the backend serves it only when `sre.webhooks.cloudwatch.secret` is set.
 *
 * @public
 */
export const sreModuleCloudWatch = createBackendModule({
  pluginId: 'sre',
  moduleId: 'cloudwatch',
  register(env) {
    env.registerInit({
      deps: { receivers: sreAlertReceiversExtensionPoint },
      async init({ receivers }) {
        receivers.addAlertReceiver(new CloudWatchReceiver());
      },
    });
  },
});
