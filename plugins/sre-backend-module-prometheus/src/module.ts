import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreSliSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { readPrometheusInstances } from './PrometheusInstance';
import { PrometheusSliSource } from './PrometheusSliSource';

/** Adds Prometheus as an SLI source of the sre plugin, for the instances in `sre.prometheus.instances`. @public */
export const sreModulePrometheus = createBackendModule({
  pluginId: 'sre',
  moduleId: 'prometheus',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sliSources: sreSliSourcesExtensionPoint,
      },
      async init({ config, logger, sliSources }) {
        const instances = readPrometheusInstances(config);
        if (instances.length === 0) {
          // Installed but unconfigured is not an error: the backend starts, and Prometheus SLOs find no source.
          logger.info(
            'No Prometheus instances in sre.prometheus.instances; the Prometheus SLI source is off',
          );
          return;
        }
        sliSources.addSliSource(new PrometheusSliSource({ instances, logger }));
      },
    });
  },
});
