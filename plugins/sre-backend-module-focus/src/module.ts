import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sreCostSourcesExtensionPoint } from '@baton/plugin-sre-node';
import { FocusFileCostSource } from './FocusFileCostSource';
import { focusCostFileFormat } from './focusFormat';

/**
 * Adds FinOps FOCUS to the sre plugin: the `focus` file format always (for
 * `POST /costs/import` and the CLI), and the files in `sre.focus.paths` as a
 * cost source when configured.
 * @public
 */
export const sreModuleFocus = createBackendModule({
  pluginId: 'sre',
  moduleId: 'focus',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        costSources: sreCostSourcesExtensionPoint,
      },
      async init({ config, logger, costSources }) {
        // Uploads need no configuration: the format is always there.
        costSources.addCostFileFormat(focusCostFileFormat);
        const paths = config.getOptionalStringArray('sre.focus.paths') ?? [];
        if (paths.length === 0) {
          // Installed only for uploads is a normal state, not an error.
          logger.info(
            'No sre.focus.paths configured; the FOCUS file cost source is not registered (the focus upload format is)',
          );
          return;
        }
        const source = FocusFileCostSource.fromConfig(config, { logger });
        costSources.addCostSource(source);
        logger.info(
          `FOCUS file cost source '${source.id}' registered for ${paths
            .map(path => `'${path}'`)
            .join(', ')}`,
        );
      },
    });
  },
});
