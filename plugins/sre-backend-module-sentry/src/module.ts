import { createBackendModule } from '@backstage/backend-plugin-api';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { SentryReceiver } from './SentryReceiver';

/**
 * Adds the Sentry webhook receiver to the sre plugin. Deliveries are accepted
 * once `sre.webhooks.sentry.secret` holds the integration's client secret.
 * @public
 */
export const sreModuleSentry = createBackendModule({
  pluginId: 'sre',
  moduleId: 'sentry',
  register(env) {
    env.registerInit({
      deps: { receivers: sreAlertReceiversExtensionPoint },
      async init({ receivers }) {
        receivers.addAlertReceiver(new SentryReceiver());
      },
    });
  },
});
