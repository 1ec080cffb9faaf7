import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  ALERT_SOURCES,
  AlertNoisePolicy,
  ANNOTATION_COST_TAGS,
  DEFAULT_ALERT_NOISE_POLICY,
  parseFixedDuration,
  parseMaintenanceWindows,
  readinessPolicy,
  sloPolicy,
  accessReviewDecidePermission,
  alertAcknowledgePermission,
  reviewUpdatePermission,
  srePermissions,
} from '@baton/plugin-sre-common';
import { type Config, readDurationFromConfig } from '@backstage/config';
import { Duration } from 'luxon';
import { ScmIntegrations } from '@backstage/integration';
import {
  sreAccessSourcesExtensionPoint,
  sreAlertPollersExtensionPoint,
  sreAlertReceiversExtensionPoint,
  sreCostSourcesExtensionPoint,
  sreKnowledgeSourcesExtensionPoint,
  sreSliSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { AccessReviewNotifier } from './access/AccessReviewNotifier';
import { AccessReviewService } from './access/AccessReviewService';
import { AccessReviewStore } from './access/AccessReviewStore';
import { AccessSourceRegistry } from './access/AccessSourceRegistry';
import { FileAccessSource } from './access/FileAccessSource';
import {
  accessReviewItemResourceRef,
  isAccessReviewItemReviewer,
} from './access/permissionRules';
import { AlertEntityMapper } from './alerts/AlertEntityMapper';
import {
  CatalogSnapshot,
  catalogSnapshotMaxAgeMs,
} from './catalog/CatalogSnapshot';
import { AlertPollerRegistry } from './alerts/AlertPollerRegistry';
import { AlertReceiverRegistry } from './alerts/AlertReceiverRegistry';
import {
  AlertAcknowledgePolicy,
  AlertService,
  DEFAULT_ALERT_ACKNOWLEDGE_POLICY,
} from './alerts/AlertService';
import { alertResourceRef, isAlertOwner } from './alerts/permissionRules';
import { AlertStore } from './alerts/AlertStore';
import { GenericAlertReceiver } from './alerts/GenericAlertReceiver';
import { WebhookSecrets } from './alerts/webhookSecrets';
import { CostService, DEFAULT_COST_UPLOAD_LIMITS } from './cost/CostService';
import { CostSourceRegistry } from './cost/CostSourceRegistry';
import { CostStore } from './cost/CostStore';
import { readExchangeRates } from './cost/exchangeRates';
import { applyDatabaseMigrations } from './database/migrations';
import { KnowledgeService } from './readiness/KnowledgeService';
import { KnowledgeSourceRegistry } from './readiness/KnowledgeSourceRegistry';
import { DatabaseKnowledgeStore } from './readiness/KnowledgeStore';
import { DatabaseReadinessHistoryStore } from './readiness/ReadinessHistoryStore';
import { ReadinessService } from './readiness/ReadinessService';
import { LastReviewLookup } from './review/LastReviewLookup';
import {
  isReviewTeamMember,
  reviewTeamResourceRef,
} from './review/permissionRules';
import { ReviewService } from './review/ReviewService';
import { RequestAuthorizer } from './routing/RequestAuthorizer';
import { ReviewStore } from './review/ReviewStore';
import { createRouter } from './router';
import { SliSourceRegistry } from './slo/SliSourceRegistry';
import { SloDefinitionReader } from './slo/SloDefinitionReader';
import { SloService } from './slo/SloService';
import { SloStore } from './slo/SloStore';
import {
  providerName,
  SourceStatusService,
} from './sources/SourceStatusService';
import { SourceStatusStore } from './sources/SourceStatusStore';

const DEFAULT_KNOWLEDGE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

/** The cry-wolf thresholds: config keys over the documented defaults. */
function alertNoisePolicy(config?: Config): AlertNoisePolicy {
  const positive = (key: keyof AlertNoisePolicy) => {
    const value = config?.getOptionalNumber(key);
    if (value !== undefined && !(value > 0)) {
      throw new TypeError(`sre.alerts.noise.${key} must be a positive number`);
    }
    return value ?? DEFAULT_ALERT_NOISE_POLICY[key];
  };
  return {
    transientMinutes: positive('transientMinutes'),
    flapCount: positive('flapCount'),
    flapWindowHours: positive('flapWindowHours'),
  };
}

/** When acknowledging is open: config keys over the documented defaults. */
function alertAcknowledgePolicy(config?: Config): AlertAcknowledgePolicy {
  const minutes = (key: keyof AlertAcknowledgePolicy) => {
    const value = config?.getOptionalNumber(key);
    if (value !== undefined && !(value >= 0)) {
      throw new TypeError(
        `sre.alerts.acknowledge.${key} must be a number of minutes, 0 or more`,
      );
    }
    return value ?? DEFAULT_ALERT_ACKNOWLEDGE_POLICY[key];
  };
  return {
    afterResolutionMinutes: minutes('afterResolutionMinutes'),
    undoMinutes: minutes('undoMinutes'),
  };
}

const DEFAULT_ALERT_POLL_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

// Cost sources publish daily data at most a few times a day; AWS charges per request.
const DEFAULT_COST_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

// Reminders of campaigns due soon: once a day is enough, and not at start-up.
const DEFAULT_ACCESS_REMINDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 10 },
  };

const DEFAULT_SLO_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 10 },
};

/** The SLI step: it must divide the 5-minute burn-rate window. */
function sloStepSeconds(step: string | undefined): number {
  const seconds = parseFixedDuration(step ?? '5m');
  if (!seconds || 300 % seconds !== 0) {
    throw new TypeError(
      `sre.slo.step must be a duration that divides 5m, such as 1m or 5m (got '${step}')`,
    );
  }
  return seconds;
}

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
    alertReceivers.addAlertReceiver(new GenericAlertReceiver());
    const alertPollers = new AlertPollerRegistry();
    const costSources = new CostSourceRegistry();
    const accessSources = new AccessSourceRegistry();
    const knowledgeSources = new KnowledgeSourceRegistry();
    env.registerExtensionPoint(sreSliSourcesExtensionPoint, sliSources);
    env.registerExtensionPoint(sreAlertReceiversExtensionPoint, alertReceivers);
    env.registerExtensionPoint(sreAlertPollersExtensionPoint, alertPollers);
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
        const client = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(client);
        }

        // Every scheduled pull, cost source, poller and webhook records its last success and error.
        const sourceStatus = new SourceStatusService({
          store: SourceStatusStore.create(client),
          logger,
        });
        const webhookSecrets = new WebhookSecrets(config);

        const knowledgeConfig = config.getOptionalConfig('sre.knowledge');
        const knowledge = new KnowledgeService({
          store: DatabaseKnowledgeStore.create(client),
          sources: knowledgeSources,
          catalog,
          auth,
          logger,
          exclude: knowledgeConfig?.getOptionalStringArray('exclude'),
          botPatterns: knowledgeConfig?.getOptionalStringArray('botPatterns'),
          repositoryTimeoutMs: knowledgeConfig?.has('repositoryTimeout')
            ? Duration.fromObject(
                readDurationFromConfig(knowledgeConfig, {
                  key: 'repositoryTimeout',
                }),
              ).toMillis()
            : undefined,
        });
        const reviewStore = ReviewStore.create(client);
        // One catalog read per process serves team trees, owners and mapping for a while.
        const catalogSnapshot = new CatalogSnapshot({
          catalog,
          auth,
          maxAgeMs: catalogSnapshotMaxAgeMs(config),
        });
        const alerts = new AlertService({
          store: AlertStore.create(client),
          mapper: new AlertEntityMapper({
            catalog,
            auth,
            snapshot: catalogSnapshot,
          }),
          receivers: alertReceivers,
          pollers: alertPollers.list(),
          secrets: webhookSecrets,
          catalog,
          auth,
          logger,
          noisePolicy: alertNoisePolicy(
            config.getOptionalConfig('sre.alerts.noise'),
          ),
          acknowledgePolicy: alertAcknowledgePolicy(
            config.getOptionalConfig('sre.alerts.acknowledge'),
          ),
          lastReview: new LastReviewLookup({
            store: reviewStore,
            catalog: catalogSnapshot,
          }),
          pollerStatus: sourceStatus.observer(
            { prefix: 'alert-poller', kind: 'alerts', trigger: 'schedule' },
            alertPollers.list().map(poller => ({
              id: poller.id,
              provider: providerName(poller),
            })),
          ),
          webhookStatus: sourceStatus.observer(
            { prefix: 'webhook', kind: 'alerts', trigger: 'webhook' },
            ALERT_SOURCES.flatMap(source => {
              const receiver = alertReceivers.get(source);
              return receiver && webhookSecrets.enabled(source)
                ? [{ id: source, provider: providerName(receiver) }]
                : [];
            }),
          ),
        });
        const sloStore = SloStore.create(client);
        const readinessConfig = config.getOptionalConfig('sre.readiness');
        const accessReviewStore = AccessReviewStore.create(client);
        const readiness = new ReadinessService({
          catalog: catalogSnapshot,
          knowledge,
          history: DatabaseReadinessHistoryStore.create(client),
          slos: sloStore,
          alerts,
          accessReviews: accessReviewStore,
          policy: readinessPolicy({
            weights: readinessConfig?.getOptional('weights'),
            critical: readinessConfig?.getOptional('critical'),
            thresholds: readinessConfig?.getOptional('thresholds'),
          }),
        });

        // The scheduler's database locks run each task on one replica at a time.
        await scheduler.scheduleTask(
          sourceStatus.scheduledTask({
            id: 'sre-knowledge-refresh',
            kind: 'knowledge',
            ...(knowledgeConfig?.has('schedule')
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  knowledgeConfig.getConfig('schedule'),
                )
              : DEFAULT_KNOWLEDGE_SCHEDULE),
            // Aborted at the task's timeout: the refresh stops and kills its git
            // processes, so it never runs on while another replica starts it again.
            fn: async signal => {
              const { refreshed, failed } = await knowledge.refreshAll({
                signal,
              });
              // One snapshot per entity and day feeds the cards' trend.
              const snapshots = await readiness.snapshotAll();
              logger.info(
                `Readiness snapshot recorded for ${snapshots} entities`,
              );
              return { entities: refreshed, failed };
            },
          }),
        );

        const sloConfig = config.getOptionalConfig('sre.slo');
        const maintenance = parseMaintenanceWindows(
          sloConfig?.getOptionalStringArray('maintenance'),
        );
        if (maintenance.invalid.length) {
          throw new TypeError(
            `sre.slo.maintenance: not ISO 8601 intervals: ${maintenance.invalid.join(
              ', ',
            )}`,
          );
        }
        const slos = new SloService({
          store: sloStore,
          reader: new SloDefinitionReader({
            urlReader,
            integrations: ScmIntegrations.fromConfig(config),
          }),
          sources: sliSources,
          catalog,
          auth,
          logger,
          stepSeconds: sloStepSeconds(sloConfig?.getOptionalString('step')),
          maintenance: maintenance.intervals,
          policy: sloPolicy({
            alertRules: sloConfig?.getOptional('alertRules'),
            lowTrafficBudgetShare: sloConfig?.getOptional(
              'lowTrafficBudgetShare',
            ),
            historyPoints: sloConfig?.getOptional('historyPoints'),
          }),
        });
        await scheduler.scheduleTask(
          sourceStatus.scheduledTask({
            id: 'sre-slo-evaluation',
            kind: 'slo',
            ...(sloConfig?.has('schedule')
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  sloConfig.getConfig('schedule'),
                )
              : DEFAULT_SLO_SCHEDULE),
            fn: async () => {
              const { refreshed, failed } = await slos.refreshAll();
              logger.info(
                `SLOs evaluated for ${refreshed} entities, ${failed} failed`,
              );
              return { entities: refreshed, failed };
            },
          }),
        );

        const alertsConfig = config.getOptionalConfig('sre.alerts');
        // Pulls, then maps recent alerts again: the catalog may have changed since they arrived.
        await scheduler.scheduleTask(
          sourceStatus.scheduledTask({
            id: 'sre-alert-poll',
            kind: 'alerts',
            ...(alertsConfig?.has('pollSchedule')
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  alertsConfig.getConfig('pollSchedule'),
                )
              : DEFAULT_ALERT_POLL_SCHEDULE),
            fn: async () => {
              const stored = await alerts.pollAll();
              const remapped = await alerts.remapRecent();
              logger.info(
                `Alert pollers stored ${stored} changes; ${remapped} alerts mapped anew`,
              );
              return { alerts: stored, remapped };
            },
          }),
        );

        const costConfig = config.getOptionalConfig('sre.cost');
        const costs = new CostService({
          store: CostStore.create(client),
          sources: costSources,
          mapper: new AlertEntityMapper({
            catalog,
            auth,
            snapshot: catalogSnapshot,
            selectorAnnotation: ANNOTATION_COST_TAGS,
          }),
          catalog,
          auth,
          logger,
          metric:
            costConfig?.getOptionalString('metric') === 'billed'
              ? 'billed'
              : 'effective',
          anomalyPolicy: costConfig?.getOptional('anomaly'),
          exchangeRates: readExchangeRates(costConfig),
          sourceStatus: sourceStatus.observer(
            { prefix: 'cost', kind: 'cost', trigger: 'schedule' },
            costSources.list().map(source => ({
              id: source.id,
              provider: providerName(source),
            })),
          ),
        });
        await scheduler.scheduleTask(
          sourceStatus.scheduledTask({
            id: 'sre-cost-pull',
            kind: 'cost',
            ...(costConfig?.has('schedule')
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  costConfig.getConfig('schedule'),
                )
              : DEFAULT_COST_SCHEDULE),
            fn: async () => {
              const rows = await costs.pullAll();
              logger.info(`Cost sources stored ${rows} rows`);
              return { rows };
            },
          }),
        );

        const accessConfig = config.getOptionalConfig('sre.accessReviews');
        const accessFiles = accessConfig?.getOptionalConfig('files');
        if (accessFiles) {
          accessSources.addAccessSource(
            new FileAccessSource(
              Object.fromEntries(
                accessFiles
                  .keys()
                  .map(name => [name, accessFiles.getString(name)]),
              ),
            ),
          );
        }
        const accessReviews = new AccessReviewService({
          store: accessReviewStore,
          sources: accessSources,
          catalog,
          auth,
          permissions,
          decideRules: [isAccessReviewItemReviewer],
          logger,
          // `jane`, `user:jane` and `user:default/jane` name one user.
          admins: (accessConfig?.getOptionalStringArray('admins') ?? []).map(
            ref =>
              stringifyEntityRef(
                parseEntityRef(ref, {
                  defaultKind: 'user',
                  defaultNamespace: 'default',
                }),
              ),
          ),
          notifier:
            accessConfig?.getOptionalBoolean('notifications') === false
              ? undefined
              : new AccessReviewNotifier({ notifications, logger }),
        });
        const remindersConfig = accessConfig?.getOptionalConfig('reminders');
        await scheduler.scheduleTask(
          sourceStatus.scheduledTask({
            id: 'sre-access-reminders',
            kind: 'access',
            ...(remindersConfig?.has('schedule')
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  remindersConfig.getConfig('schedule'),
                )
              : DEFAULT_ACCESS_REMINDER_SCHEDULE),
            fn: async () => {
              const reminded = await accessReviews.remindDue(
                remindersConfig?.getOptionalNumber('daysBefore') ?? 3,
              );
              logger.info(
                `Access-review reminders sent to ${reminded} reviewers`,
              );
              return { reviewers: reminded };
            },
          }),
        );
        const campaignsConfig = accessConfig?.getOptionalConfig('campaigns');
        if (campaignsConfig) {
          await scheduler.scheduleTask(
            sourceStatus.scheduledTask({
              id: 'sre-access-campaign',
              kind: 'access',
              ...readSchedulerServiceTaskScheduleDefinitionFromConfig(
                campaignsConfig.getConfig('schedule'),
              ),
              fn: async () => {
                const created = await accessReviews.createScheduledCampaign({
                  title:
                    campaignsConfig.getOptionalString('title') ??
                    'Scheduled access review',
                  dueDays: campaignsConfig.getOptionalNumber('dueDays') ?? 14,
                });
                logger.info(
                  created
                    ? `Access-review campaign ${created} started`
                    : 'No access-review campaign started: one started on schedule is still open, or no Resource has baton.dev/access-source yet',
                );
                return { campaigns: created ? 1 : 0 };
              },
            }),
          );
        }
        // Every Baton permission, so that policy tooling lists them all.
        permissionsRegistry.addPermissions(srePermissions);
        permissionsRegistry.addResourceType({
          resourceRef: accessReviewItemResourceRef,
          permissions: [accessReviewDecidePermission],
          rules: [isAccessReviewItemReviewer],
          getResources: ids => accessReviews.itemsByIds(ids),
        });

        const reviews = new ReviewService({
          store: reviewStore,
          catalog,
          auth,
          alerts,
          slos,
          costs,
          readiness,
          knowledge,
          accessReviews,
        });

        permissionsRegistry.addResourceType({
          resourceRef: alertResourceRef,
          permissions: [alertAcknowledgePermission],
          rules: [isAlertOwner],
          getResources: ids => alerts.alertResources(ids),
        });
        permissionsRegistry.addResourceType({
          resourceRef: reviewTeamResourceRef,
          permissions: [reviewUpdatePermission],
          rules: [isReviewTeamMember],
          getResources: refs =>
            Promise.all(refs.map(ref => reviews.reviewTeamResource(ref))),
        });

        const uploadConfig = costConfig?.getOptionalConfig('import');
        httpRouter.use(
          await createRouter({
            reviews,
            accessReviews,
            knowledge,
            readiness,
            slos,
            alerts,
            costs,
            costSources,
            sourceStatus,
            authorizer: new RequestAuthorizer({
              httpAuth,
              permissions,
              catalog,
            }),
            uploadLimits: {
              maxPeriodDays:
                uploadConfig?.getOptionalNumber('maxPeriodDays') ??
                DEFAULT_COST_UPLOAD_LIMITS.maxPeriodDays,
              maxBytes:
                uploadConfig?.getOptionalNumber('maxBytes') ??
                DEFAULT_COST_UPLOAD_LIMITS.maxBytes,
            },
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
            sliSources.types().join(', ') || 'none'
          }; cost sources: ${costSources.list().length}`,
        );
      },
    });
  },
});
