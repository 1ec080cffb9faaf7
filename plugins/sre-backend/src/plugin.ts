import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { srePermissions } from '@baton/plugin-sre-common';
import {
  sreAccessSourcesExtensionPoint,
  sreAlertReceiversExtensionPoint,
  sreCostSourcesExtensionPoint,
  sreKnowledgeSourcesExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { AccessSourceRegistry } from './access/AccessSourceRegistry';
import { AlertReceiverRegistry } from './alerts/AlertReceiverRegistry';
import { CostSourceRegistry } from './cost/CostSourceRegistry';
import { applyDatabaseMigrations } from './database/migrations';
import { KnowledgeSourceRegistry } from './readiness/KnowledgeSourceRegistry';
import { createRouter } from './router';
import { SliSourceRegistry } from './slo/SliSourceRegistry';

/**
 * Baton's backend plugin: stores reliability facts per catalog entity and
 * serves them under `/api/sre`.
 *
 * @public
 */
export const sreBackendPlugin = createBackendPlugin({
  pluginId: 'sre',
  register(env) {
    const sliSources = new SliSourceRegistry();
    const alertReceivers = new AlertReceiverRegistry();
    const costSources = new CostSourceRegistry();
    const accessSources = new AccessSourceRegistry();
    const knowledgeSources = new KnowledgeSourceRegistry();
    env.registerExtensionPoint(sreSliSourcesExtensionPoint, sliSources);
    env.registerExtensionPoint(sreAlertReceiversExtensionPoint, alertReceivers);
    env.registerExtensionPoint(sreCostSourcesExtensionPoint, costSources);
    env.registerExtensionPoint(sreAccessSourcesExtensionPoint, accessSources);
    env.registerExtensionPoint(
      sreKnowledgeSourcesExtensionPoint,
      knowledgeSources,
    );

    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        database: coreServices.database,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ httpRouter, logger, database, permissionsRegistry }) {
        const client = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(client);
        }
        permissionsRegistry.addPermissions(srePermissions);

        httpRouter.use(await createRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        logger.info(
          `SLI sources: ${
            sliSources.types().join(', ') || 'none'
          }; cost sources: ${costSources.list().length}`,
        );
      },
    });
  },
});
