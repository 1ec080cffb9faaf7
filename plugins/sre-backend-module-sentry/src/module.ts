import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { SentryReceiver } from './SentryReceiver';

/**
 * Adds the Sentry webhook receiver to the sre plugin. Deliveries are accepted
 * once `sre.webhooks.sentry.secret` (or `.secrets`) holds the integration's
 * client secret; `sre.webhooks.sentry.timestampToleranceSeconds` (default
 * 300) bounds how old a delivery may be.
 * @public
 */
export const sreModuleSentry = createBackendModule({
  pluginId: 'sre',
  moduleId: 'sentry',
  register(env) {
    env.registerInit({
      deps: {
        receivers: sreAlertReceiversExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ receivers, config }) {
        const tolerance = config.getOptionalNumber(
          'sre.webhooks.sentry.timestampToleranceSeconds',
        );
        if (tolerance !== undefined && !(tolerance > 0)) {
          throw new Error(
            'sre.webhooks.sentry.timestampToleranceSeconds must be a number of seconds above 0',
          );
        }
        receivers.addAlertReceiver(
          new SentryReceiver({ timestampToleranceSeconds: tolerance }),
        );
      },
    });
  },
});
