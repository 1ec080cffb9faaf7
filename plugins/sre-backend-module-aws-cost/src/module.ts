import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreCostSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { readAwsCostConfig } from './AwsCostConfig';
import { AwsCostExplorerSource } from './AwsCostExplorerSource';

/**
 * Adds AWS Cost Explorer to the sre plugin as a cost source, when
 * `sre.awsCost` is configured.
 * @public
 */
export const sreModuleAwsCost = createBackendModule({
  pluginId: 'sre',
  moduleId: 'aws-cost',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        costSources: sreCostSourcesExtensionPoint,
      },
      async init({ config, logger, costSources }) {
        // Read first: a bad setting stops the backend at start-up, naming it.
        const awsCost = readAwsCostConfig(config);
        if (!awsCost) {
          // Installed but not configured is a normal state (e.g. local dev), not an error.
          logger.info(
            'No sre.awsCost configured; the AWS Cost Explorer cost source is not registered',
          );
          return;
        }
        const source = AwsCostExplorerSource.fromConfig(config, { logger });
        costSources.addCostSource(source);
        logger.info(
          `AWS Cost Explorer cost source '${source.id}' registered: tag '${
            awsCost.tagKey
          }', ${awsCost.lookbackDays} days back, region ${awsCost.region}, ${
            awsCost.credentials
              ? 'credentials from sre.awsCost.credentials'
              : "the AWS SDK's default credential chain"
          }`,
        );
      },
    });
  },
});
