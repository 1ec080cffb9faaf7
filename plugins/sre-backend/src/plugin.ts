import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  sreAccessSourcesExtensionPoint,
  sreAlertPollersExtensionPoint,
  sreAlertReceiversExtensionPoint,
  sreBackupSourcesExtensionPoint,
  sreChangeReceiversExtensionPoint,
  sreChangeSourcesExtensionPoint,
  sreCostSourcesExtensionPoint,
  sreDrillSourcesExtensionPoint,
  sreKnowledgeSourcesExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { AccessSourceRegistry } from './access/AccessSourceRegistry';
import { AlertPollerRegistry } from './alerts/AlertPollerRegistry';
import { AlertReceiverRegistry } from './alerts/AlertReceiverRegistry';
import { GenericAlertReceiver } from './alerts/GenericAlertReceiver';
import { BackupSourceRegistry } from './backups/BackupSourceRegistry';
import { ChangeReceiverRegistry } from './changes/ChangeReceiverRegistry';
import { ChangeSourceRegistry } from './changes/ChangeSourceRegistry';
import { CostSourceRegistry } from './cost/CostSourceRegistry';
import { DrillSourceRegistry } from './drills/DrillSourceRegistry';
import { applyDatabaseMigrations } from './database/migrations';
import { registerSrePermissions } from './policy/registerSrePermissions';
import { KnowledgeSourceRegistry } from './readiness/KnowledgeSourceRegistry';
import { createRouter } from './router';
import { RequestAuthorizer } from './routing/RequestAuthorizer';
import { scheduleSreTasks } from './scheduledTasks';
import { SliSourceRegistry } from './slo/SliSourceRegistry';
import { createSreServices, readSreConfig, SreRegistries } from './sreServices';

/**
 * Baton's backend plugin: stores reliability facts per catalog entity and
 * serves them under `/api/sre`.
 *
 * @public
 */
export const sreBackendPlugin = createBackendPlugin({
  pluginId: 'sre',
  register(env) {
    const registries: SreRegistries = {
      sliSources: new SliSourceRegistry(),
      alertReceivers: new AlertReceiverRegistry(),
      alertPollers: new AlertPollerRegistry(),
      costSources: new CostSourceRegistry(),
      accessSources: new AccessSourceRegistry(),
      knowledgeSources: new KnowledgeSourceRegistry(),
      changeSources: new ChangeSourceRegistry(),
      backupSources: new BackupSourceRegistry(),
      changeReceivers: new ChangeReceiverRegistry(),
      drillSources: new DrillSourceRegistry(),
    };
    registries.alertReceivers.addAlertReceiver(new GenericAlertReceiver());
    env.registerExtensionPoint(
      sreSliSourcesExtensionPoint,
      registries.sliSources,
    );
    env.registerExtensionPoint(
      sreAlertReceiversExtensionPoint,
      registries.alertReceivers,
    );
    env.registerExtensionPoint(
      sreAlertPollersExtensionPoint,
      registries.alertPollers,
    );
    env.registerExtensionPoint(
      sreCostSourcesExtensionPoint,
      registries.costSources,
    );
    env.registerExtensionPoint(
      sreAccessSourcesExtensionPoint,
      registries.accessSources,
    );
    env.registerExtensionPoint(
      sreKnowledgeSourcesExtensionPoint,
      registries.knowledgeSources,
    );
    env.registerExtensionPoint(
      sreChangeSourcesExtensionPoint,
      registries.changeSources,
    );
    env.registerExtensionPoint(
      sreBackupSourcesExtensionPoint,
      registries.backupSources,
    );
    env.registerExtensionPoint(
      sreChangeReceiversExtensionPoint,
      registries.changeReceivers,
    );

    env.registerExtensionPoint(
      sreDrillSourcesExtensionPoint,
      registries.drillSources,
    );

    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        database: coreServices.database,
        permissionsRegistry: coreServices.permissionsRegistry,
        permissions: coreServices.permissions,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
        urlReader: coreServices.urlReader,
        notifications: notificationService,
      },
      async init({
        httpRouter,
        logger,
        database,
        permissionsRegistry,
        permissions,
        config,
        scheduler,
        auth,
        httpAuth,
        catalog,
        urlReader,
        notifications,
      }) {
        const sreConfig = readSreConfig(config);
        const client = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(client);
        }
        const services = createSreServices({
          client,
          config: sreConfig,
          rootConfig: config,
          registries,
          logger,
          catalog,
          auth,
          permissions,
          urlReader,
          notifications,
        });
        await scheduleSreTasks({
          scheduler,
          logger,
          config: sreConfig,
          ...services,
        });
        registerSrePermissions(permissionsRegistry, services);
        httpRouter.use(
          await createRouter({
            ...services,
            costSources: registries.costSources,
            authorizer: new RequestAuthorizer({
              httpAuth,
              permissions,
              catalog,
            }),
            uploadLimits: sreConfig.cost.uploadLimits,
          }),
        );
        // Webhooks carry their source's secret instead of Backstage credentials.
        httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        logger.info(
          `SLI sources: ${
            registries.sliSources.types().join(', ') || 'none'
          }; cost sources: ${
            registries.costSources.list().length
          }; change sources: ${
            registries.changeSources.list().length
          }; change webhooks: ${
            registries.changeReceivers
              .list()
              .map(receiver => receiver.source)
              .join(', ') || 'none'
          }`,
        );
      },
    });
  },
});
