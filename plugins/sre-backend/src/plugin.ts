import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readinessPolicy, srePermissions } from '@baton/plugin-sre-common';
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
import { KnowledgeService } from './readiness/KnowledgeService';
import { KnowledgeSourceRegistry } from './readiness/KnowledgeSourceRegistry';
import { DatabaseKnowledgeStore } from './readiness/KnowledgeStore';
import { DatabaseReadinessHistoryStore } from './readiness/ReadinessHistoryStore';
import { ReadinessService } from './readiness/ReadinessService';
import { createRouter } from './router';
import { SliSourceRegistry } from './slo/SliSourceRegistry';

const DEFAULT_KNOWLEDGE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

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
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({
        httpRouter,
        logger,
        database,
        permissionsRegistry,
        config,
        scheduler,
        auth,
        catalog,
      }) {
        const client = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(client);
        }
        permissionsRegistry.addPermissions(srePermissions);

        const knowledgeConfig = config.getOptionalConfig('sre.knowledge');
        const knowledge = new KnowledgeService({
          store: DatabaseKnowledgeStore.create(client),
          sources: knowledgeSources,
          catalog,
          auth,
          logger,
          exclude: knowledgeConfig?.getOptionalStringArray('exclude'),
          botPatterns: knowledgeConfig?.getOptionalStringArray('botPatterns'),
        });
        const readinessConfig = config.getOptionalConfig('sre.readiness');
        const readiness = new ReadinessService({
          catalog,
          auth,
          knowledge,
          history: DatabaseReadinessHistoryStore.create(client),
          policy: readinessPolicy({
            weights: readinessConfig?.getOptional('weights'),
            critical: readinessConfig?.getOptional('critical'),
            thresholds: readinessConfig?.getOptional('thresholds'),
          }),
        });

        // The scheduler's database locks run each task on one replica at a time.
        await scheduler.scheduleTask({
          id: 'sre-knowledge-refresh',
          ...(knowledgeConfig?.has('schedule')
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                knowledgeConfig.getConfig('schedule'),
              )
            : DEFAULT_KNOWLEDGE_SCHEDULE),
          fn: async () => {
            await knowledge.refreshAll();
            // One snapshot per entity and day feeds the cards' trend.
            const snapshots = await readiness.snapshotAll();
            logger.info(
              `Readiness snapshot recorded for ${snapshots} entities`,
            );
          },
        });

        httpRouter.use(await createRouter({ knowledge, readiness }));
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
