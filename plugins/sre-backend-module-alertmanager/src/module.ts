import { createBackendModule } from '@backstage/backend-plugin-api';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { AlertmanagerReceiver } from './AlertmanagerReceiver';

/**
 * Adds the Alertmanager webhook receiver to the sre plugin. It is always
 * registered; the backend serves it only when `sre.webhooks.alertmanager.secret` is set.
 *
 * @public
 */
export const sreModuleAlertmanager = createBackendModule({
  pluginId: 'sre',
  moduleId: 'alertmanager',
  register(env) {
    env.registerInit({
      deps: { receivers: sreAlertReceiversExtensionPoint },
      async init({ receivers }) {
        receivers.addAlertReceiver(new AlertmanagerReceiver());
      },
    });
  },
});
