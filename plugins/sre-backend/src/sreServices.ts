import type {
  AuthService,
  LoggerService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ALERT_SOURCES,
  ANNOTATION_COST_TAGS,
  ReadinessPolicy,
} from '@baton/plugin-sre-common';
import type { Knex } from 'knex';
import {
  AccessReviewsConfig,
  readAccessReviewsConfig,
} from './access/accessConfig';
import { AccessReviewNotifier } from './access/AccessReviewNotifier';
import { AccessReviewService } from './access/AccessReviewService';
import { DatabaseAccessReviewStore } from './access/AccessReviewStore';
import { AccessSourceRegistry } from './access/AccessSourceRegistry';
import { FileAccessSource } from './access/FileAccessSource';
import { isAccessReviewItemReviewer } from './access/permissionRules';
import { SelectorEntityMapper } from './catalog/SelectorEntityMapper';
import { AlertPollerRegistry } from './alerts/AlertPollerRegistry';
import { AlertReceiverRegistry } from './alerts/AlertReceiverRegistry';
import { AlertsConfig, readAlertsConfig } from './alerts/alertsConfig';
import { AlertService } from './alerts/AlertService';
import { DatabaseAlertStore } from './alerts/AlertStore';
import { WebhookSecrets } from './routing/webhookSecrets';
import {
  CatalogSnapshot,
  catalogSnapshotMaxAgeMs,
} from './catalog/CatalogSnapshot';
import { ChangesConfig, readChangesConfig } from './changes/changesConfig';
import { ChangeReceiverRegistry } from './changes/ChangeReceiverRegistry';
import { ChangeService } from './changes/ChangeService';
import { ChangeWebhookService } from './changes/ChangeWebhookService';
import { ChangeSourceRegistry } from './changes/ChangeSourceRegistry';
import type { DrillSourceRegistry } from './drills/DrillSourceRegistry';
import { BackupsConfig, readBackupsConfig } from './backups/backupsConfig';
import { BackupService } from './backups/BackupService';
import { BackupSourceRegistry } from './backups/BackupSourceRegistry';
import { DatabaseBackupStore } from './backups/BackupStore';
import { DatabaseChangeStore } from './changes/ChangeStore';
import { CostConfig, readCostConfig } from './cost/costConfig';
import { DrillsConfig, readDrillsConfig } from './drills/drillsConfig';
import { DrillDueNotifier } from './drills/DrillDueNotifier';
import { DrillNotificationStore } from './drills/DrillNotificationStore';
import { DrillService } from './drills/DrillService';
import { DrillStore } from './drills/DrillStore';
import { CostService } from './cost/CostService';
import { CostSourceRegistry } from './cost/CostSourceRegistry';
import { DatabaseCostStore } from './cost/CostStore';
import { KnowledgeService } from './readiness/KnowledgeService';
import { KnowledgeSourceRegistry } from './readiness/KnowledgeSourceRegistry';
import { DatabaseKnowledgeStore } from './readiness/KnowledgeStore';
import {
  KnowledgeConfig,
  readKnowledgeConfig,
  readReadinessPolicy,
} from './readiness/readinessConfig';
import { DatabaseReadinessHistoryStore } from './readiness/ReadinessHistoryStore';
import { ReadinessService } from './readiness/ReadinessService';
import { LastReviewLookup } from './review/LastReviewLookup';
import { ReviewService } from './review/ReviewService';
import { DatabaseReviewStore } from './review/ReviewStore';
import { SliSourceRegistry } from './slo/SliSourceRegistry';
import { readSloConfig, SloConfig } from './slo/sloConfig';
import { SloDefinitionReader } from './slo/SloDefinitionReader';
import { SloService } from './slo/SloService';
import { DatabaseSloStore } from './slo/SloStore';
import {
  providerName,
  SourceStatusService,
} from './sources/SourceStatusService';
import { DatabaseSourceStatusStore } from './sources/SourceStatusStore';

/** Each domain's part of `sre`, read and checked. */
export interface SreConfig {
  slo: SloConfig;
  alerts: AlertsConfig;
  cost: CostConfig;
  knowledge: KnowledgeConfig;
  accessReviews: AccessReviewsConfig;
  readinessPolicy: ReadinessPolicy;
  changes: ChangesConfig;
  backups: BackupsConfig;
  drills: DrillsConfig;
}

/** Reads every domain's config; throws for the first bad value, naming its key. */
export function readSreConfig(config: Config): SreConfig {
  return {
    slo: readSloConfig(config),
    alerts: readAlertsConfig(config),
    cost: readCostConfig(config),
    knowledge: readKnowledgeConfig(config),
    accessReviews: readAccessReviewsConfig(config),
    readinessPolicy: readReadinessPolicy(config),
    changes: readChangesConfig(config),
    backups: readBackupsConfig(config),
    drills: readDrillsConfig(config),
  };
}

/** What the extension points collect from modules before the plugin starts. */
export interface SreRegistries {
  sliSources: SliSourceRegistry;
  alertReceivers: AlertReceiverRegistry;
  alertPollers: AlertPollerRegistry;
  costSources: CostSourceRegistry;
  accessSources: AccessSourceRegistry;
  knowledgeSources: KnowledgeSourceRegistry;
  changeSources: ChangeSourceRegistry;
  backupSources: BackupSourceRegistry;
  changeReceivers: ChangeReceiverRegistry;
  drillSources: DrillSourceRegistry;
}

/** Baton's services, one per domain, on one database and catalog snapshot. */
export function createSreServices(options: {
  client: Knex;
  config: SreConfig;
  rootConfig: Config;
  registries: SreRegistries;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  urlReader: UrlReaderService;
  notifications: NotificationService;
}) {
  const { client, config, rootConfig, logger, catalog, auth } = options;
  const { permissions, urlReader, notifications } = options;
  const {
    sliSources,
    alertReceivers,
    alertPollers,
    costSources,
    accessSources,
    knowledgeSources,
    changeSources,
    changeReceivers,
  } = options.registries;
  // Every scheduled pull, cost source, poller and webhook records its last success and error.
  const sourceStatus = new SourceStatusService({
    store: DatabaseSourceStatusStore.create(client),
    logger,
  });
  const webhookSecrets = new WebhookSecrets(rootConfig);
  // One catalog read per process serves team trees, owners and mapping for a while.
  const catalogSnapshot = new CatalogSnapshot({
    catalog,
    auth,
    maxAgeMs: catalogSnapshotMaxAgeMs(rootConfig),
  });

  const knowledge = new KnowledgeService({
    store: DatabaseKnowledgeStore.create(client),
    sources: knowledgeSources,
    catalog,
    auth,
    logger,
    exclude: config.knowledge.exclude,
    botPatterns: config.knowledge.botPatterns,
    repositoryTimeoutMs: config.knowledge.repositoryTimeoutMs,
  });
  const changes = new ChangeService({
    store: DatabaseChangeStore.create(client),
    sources: changeSources,
    snapshot: catalogSnapshot,
    catalog,
    auth,
    // Its own handle on the alerts' tables: the rules read alerts by entity and time.
    alerts: DatabaseAlertStore.create(client),
    config: config.changes,
    logger,
    sourceStatus: sourceStatus.observer(
      { prefix: 'change-source', kind: 'changes', trigger: 'schedule' },
      changeSources.list().map(source => ({
        id: source.id,
        provider: providerName(source),
      })),
    ),
  });
  const changeWebhooks = new ChangeWebhookService({
    receivers: changeReceivers,
    secrets: webhookSecrets,
    changes,
    logger,
    webhookStatus: sourceStatus.observer(
      { prefix: 'webhook', kind: 'changes', trigger: 'webhook' },
      changeReceivers
        .list()
        .flatMap(receiver =>
          webhookSecrets.enabled(receiver.source)
            ? [{ id: receiver.source, provider: providerName(receiver) }]
            : [],
        ),
    ),
  });
  const reviewStore = DatabaseReviewStore.create(client);
  const alerts = new AlertService({
    store: DatabaseAlertStore.create(client),
    mapper: new SelectorEntityMapper({
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
    noisePolicy: config.alerts.noisePolicy,
    acknowledgePolicy: config.alerts.acknowledgePolicy,
    // The generic webhook's `changes`.
    changes,
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
  const sloStore = DatabaseSloStore.create(client);
  const accessReviewStore = DatabaseAccessReviewStore.create(client);
  const { backupSources } = options.registries;
  const backups = new BackupService({
    store: DatabaseBackupStore.create(client),
    sources: backupSources,
    snapshot: catalogSnapshot,
    logger,
    copyMaxAgeDays: config.readinessPolicy.thresholds.backupCopyMaxAgeDays,
    sourceStatus: sourceStatus.observer(
      { prefix: 'backup-source', kind: 'backups', trigger: 'schedule' },
      backupSources.list().map(source => ({
        id: source.id,
        provider: providerName(source),
      })),
    ),
  });
  const drills = new DrillService({
    store: DrillStore.create(client),
    snapshot: catalogSnapshot,
    catalog,
    auth,
    config: config.drills,
    backups,
    sources: options.registries.drillSources.list(),
    sourceStatus: sourceStatus.observer(
      { prefix: 'drill-source', kind: 'drills', trigger: 'schedule' },
      options.registries.drillSources.list().map(source => ({
        id: source.id,
        provider: providerName(source),
      })),
    ),
  });
  const drillDueNotifier = config.drills.notifications
    ? new DrillDueNotifier({
        drills,
        snapshot: catalogSnapshot,
        store: DrillNotificationStore.create(client),
        notifications,
        logger,
      })
    : undefined;
  const readiness = new ReadinessService({
    backups,
    catalog: catalogSnapshot,
    knowledge,
    history: DatabaseReadinessHistoryStore.create(client),
    slos: sloStore,
    alerts,
    accessReviews: accessReviewStore,
    changes,
    drills,
    policy: config.readinessPolicy,
  });
  const slos = new SloService({
    store: sloStore,
    reader: new SloDefinitionReader({
      urlReader,
      integrations: ScmIntegrations.fromConfig(rootConfig),
    }),
    sources: sliSources,
    catalog,
    auth,
    logger,
    stepSeconds: config.slo.stepSeconds,
    maintenance: config.slo.maintenance,
    policy: config.slo.policy,
  });
  const costs = new CostService({
    store: DatabaseCostStore.create(client),
    sources: costSources,
    mapper: new SelectorEntityMapper({
      catalog,
      auth,
      snapshot: catalogSnapshot,
      selectorAnnotation: ANNOTATION_COST_TAGS,
    }),
    catalog,
    auth,
    logger,
    metric: config.cost.metric,
    anomalyPolicy: config.cost.anomalyPolicy,
    exchangeRates: config.cost.exchangeRates,
    sourceStatus: sourceStatus.observer(
      { prefix: 'cost', kind: 'cost', trigger: 'schedule' },
      costSources.list().map(source => ({
        id: source.id,
        provider: providerName(source),
      })),
    ),
  });
  if (config.accessReviews.files) {
    accessSources.addAccessSource(
      new FileAccessSource(config.accessReviews.files),
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
    admins: config.accessReviews.admins,
    notifier: config.accessReviews.notifications
      ? new AccessReviewNotifier({ notifications, logger })
      : undefined,
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
    changes,
    drills,
  });

  return {
    sourceStatus,
    backups,
    knowledge,
    readiness,
    slos,
    alerts,
    costs,
    accessReviews,
    reviews,
    drills,
    drillDueNotifier,
    changes,
    changeWebhooks,
  };
}

/** Baton's services, as createSreServices makes them. */
export type SreServices = ReturnType<typeof createSreServices>;
