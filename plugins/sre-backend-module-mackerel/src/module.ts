import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreSliSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { readMackerelInstances } from './MackerelConfig';
import { MackerelSliSource } from './MackerelSliSource';

/** Adds Mackerel service and host metrics as an SLI source of the sre plugin, for the instances in `sre.mackerel.instances`. @public */
export const sreModuleMackerel = createBackendModule({
  pluginId: 'sre',
  moduleId: 'mackerel',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sliSources: sreSliSourcesExtensionPoint,
      },
      async init({ config, logger, sliSources }) {
        const instances = readMackerelInstances(config);
        if (instances.length === 0) {
          // Installed but not configured is a normal state (e.g. local dev), not an error.
          logger.info(
            'No sre.mackerel.instances configured; the Mackerel SLI source is not registered',
          );
          return;
        }
        sliSources.addSliSource(new MackerelSliSource({ instances, logger }));
        logger.info(
          `Mackerel SLI source registered for ${instances
            .map(i => `'${i.name}'`)
            .join(', ')}`,
        );
      },
    });
  },
});
