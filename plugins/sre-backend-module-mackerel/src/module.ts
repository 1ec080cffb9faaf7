import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  sreAlertPollersExtensionPoint,
  sreAlertReceiversExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { MackerelAlertPoller } from './MackerelAlertPoller';
import { MackerelAlertReceiver } from './MackerelAlertReceiver';
import { readMackerelInstances } from './MackerelConfig';
import { MackerelSliSource } from './MackerelSliSource';

/**
 * Adds Mackerel to the sre plugin: the alert webhook receiver always, and for
 * the instances in `sre.mackerel.instances` the SLI source and one alert
 * poller each.
 * @public
 */
export const sreModuleMackerel = createBackendModule({
  pluginId: 'sre',
  moduleId: 'mackerel',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sliSources: sreSliSourcesExtensionPoint,
        alertReceivers: sreAlertReceiversExtensionPoint,
        alertPollers: sreAlertPollersExtensionPoint,
      },
      async init({ config, logger, sliSources, alertReceivers, alertPollers }) {
        // The webhook needs no API key: Mackerel posts to Baton.
        alertReceivers.addAlertReceiver(new MackerelAlertReceiver());
        const instances = readMackerelInstances(config);
        if (instances.length === 0) {
          // Installed but not configured is a normal state (e.g. local dev), not an error.
          logger.info(
            'No sre.mackerel.instances configured; the Mackerel SLI source and alert pollers are not registered (the alert webhook receiver is)',
          );
          return;
        }
        sliSources.addSliSource(new MackerelSliSource({ instances, logger }));
        alertPollers.addAlertPoller(
          ...instances.map(
            instance => new MackerelAlertPoller({ instance, logger }),
          ),
        );
        logger.info(
          `Mackerel SLI source and alert pollers registered for ${instances
            .map(i => `'${i.name}'`)
            .join(', ')}`,
        );
      },
    });
  },
});
