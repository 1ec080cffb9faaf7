import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';

// Backup and copy jobs run daily: four pulls a day show a failed copy the same morning.
const DEFAULT_BACKUP_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

/** `sre.backups`, read and checked. */
export interface BackupsConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Reads `sre.backups`; throws for a bad schedule, naming the key. */
export function readBackupsConfig(config: Config): BackupsConfig {
  return {
    schedule: scheduleFromConfig(
      config.getOptionalConfig('sre.backups'),
      'schedule',
      DEFAULT_BACKUP_SCHEDULE,
    ),
  };
}
