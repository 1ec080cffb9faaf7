import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { AccessReviewsConfig } from './access/accessConfig';
import type { AccessReviewService } from './access/AccessReviewService';
import type { AlertService } from './alerts/AlertService';
import type { AlertsConfig } from './alerts/alertsConfig';
import type { BackupsConfig } from './backups/backupsConfig';
import type { BackupService } from './backups/BackupService';
import type { ChangesConfig } from './changes/changesConfig';
import type { ChangeService } from './changes/ChangeService';
import type { CostConfig } from './cost/costConfig';
import type { CostService } from './cost/CostService';
import type { DrillsConfig } from './drills/drillsConfig';
import type { DrillDueNotifier } from './drills/DrillDueNotifier';
import type { DrillService } from './drills/DrillService';
import type { KnowledgeService } from './readiness/KnowledgeService';
import type { KnowledgeConfig } from './readiness/readinessConfig';
import type { ReadinessService } from './readiness/ReadinessService';
import type { SloConfig } from './slo/sloConfig';
import type { SloService } from './slo/SloService';
import type { SourceStatusService } from './sources/SourceStatusService';

/**
 * Schedules Baton's tasks. The scheduler's database locks run each task on
 * one replica at a time; every run is recorded in the sources status.
 */
export async function scheduleSreTasks(options: {
  scheduler: SchedulerService;
  sourceStatus: SourceStatusService;
  logger: LoggerService;
  config: {
    knowledge: KnowledgeConfig;
    slo: SloConfig;
    alerts: AlertsConfig;
    cost: CostConfig;
    accessReviews: AccessReviewsConfig;
    changes: ChangesConfig;
    backups: BackupsConfig;
    drills: DrillsConfig;
  };
  knowledge: KnowledgeService;
  readiness: ReadinessService;
  slos: SloService;
  alerts: AlertService;
  costs: CostService;
  accessReviews: AccessReviewService;
  changes: ChangeService;
  backups: BackupService;
  drills: DrillService;
  /** Present when `sre.drills.notifications` is on. */
  drillDueNotifier?: DrillDueNotifier;
}): Promise<void> {
  const { scheduler, sourceStatus, logger, config } = options;

  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-knowledge-refresh',
      kind: 'knowledge',
      ...config.knowledge.schedule,
      // Aborted at the task's timeout: the refresh stops and kills its git
      // processes, so it never runs on while another replica starts it again.
      fn: async signal => {
        const { refreshed, failed } = await options.knowledge.refreshAll({
          signal,
        });
        // One snapshot per entity and day feeds the cards' trend.
        const snapshots = await options.readiness.snapshotAll();
        logger.info(`Readiness snapshot recorded for ${snapshots} entities`);
        return { entities: refreshed, failed };
      },
    }),
  );

  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-slo-evaluation',
      kind: 'slo',
      ...config.slo.schedule,
      fn: async () => {
        const { refreshed, failed } = await options.slos.refreshAll();
        logger.info(
          `SLOs evaluated for ${refreshed} entities, ${failed} failed`,
        );
        return { entities: refreshed, failed };
      },
    }),
  );

  // Pulls, then maps recent alerts again: the catalog may have changed since they arrived.
  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-alert-poll',
      kind: 'alerts',
      ...config.alerts.pollSchedule,
      fn: async () => {
        const stored = await options.alerts.pollAll();
        const remapped = await options.alerts.remapRecent();
        logger.info(
          `Alert pollers stored ${stored} changes; ${remapped} alerts mapped anew`,
        );
        return { alerts: stored, remapped };
      },
    }),
  );

  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-cost-pull',
      kind: 'cost',
      ...config.cost.schedule,
      fn: async () => {
        const rows = await options.costs.pullAll();
        logger.info(`Cost sources stored ${rows} rows`);
        return { rows };
      },
    }),
  );

  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-change-pull',
      kind: 'changes',
      ...config.changes.schedule,
      fn: async () => {
        const { received, failed } = await options.changes.pullAll();
        logger.info(
          `Change sources stored ${received} changes; ${failed} sources failed`,
        );
        return { received, failed };
      },
    }),
  );

  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-drill-import',
      kind: 'drills',
      ...config.drills.schedule,
      fn: async () => {
        const { received, failed, errors } = await options.drills.importAll();
        errors.forEach(error => logger.warn(error));
        logger.info(
          `Drill sources: ${received} drills recorded; ${failed} sources failed`,
        );
        return { received, failed };
      },
    }),
  );

  const { drillDueNotifier } = options;
  if (drillDueNotifier) {
    await scheduler.scheduleTask(
      sourceStatus.scheduledTask({
        id: 'sre-drill-notifications',
        kind: 'drills',
        ...config.drills.notificationSchedule,
        fn: async () => {
          const { teams, sent } = await drillDueNotifier.notifyDue();
          logger.info(
            `Drill-due notifications: ${sent} sent to ${teams} teams`,
          );
          // One per service and scenario newly due or overdue.
          return { entities: sent };
        },
      }),
    );
  }

  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-backup-pull',
      kind: 'backups',
      ...config.backups.schedule,
      fn: async () => {
        const { resources, failed } = await options.backups.pullAll();
        logger.info(
          `Backup sources stored ${resources} protected resources; ${failed} sources failed`,
        );
        return { resources, failed };
      },
    }),
  );

  const { reminders, campaigns } = config.accessReviews;
  await scheduler.scheduleTask(
    sourceStatus.scheduledTask({
      id: 'sre-access-reminders',
      kind: 'access',
      ...reminders.schedule,
      fn: async () => {
        const reminded = await options.accessReviews.remindDue(
          reminders.daysBefore,
        );
        logger.info(`Access-review reminders sent to ${reminded} reviewers`);
        return { reviewers: reminded };
      },
    }),
  );
  if (campaigns) {
    await scheduler.scheduleTask(
      sourceStatus.scheduledTask({
        id: 'sre-access-campaign',
        kind: 'access',
        ...campaigns.schedule,
        fn: async () => {
          const created = await options.accessReviews.createScheduledCampaign({
            title: campaigns.title,
            dueDays: campaigns.dueDays,
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
}
