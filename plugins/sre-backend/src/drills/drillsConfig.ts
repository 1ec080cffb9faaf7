import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { DRILL_SCENARIOS, DrillScenario } from '@baton/plugin-sre-common';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';

/** `sre.drills`, read and checked. */
export interface DrillsConfig {
  /** Days between drills of a scenario; a service is due once its last drill of it is older. */
  intervals: Partial<Record<DrillScenario, number>>;
  /** When drills recorded outside Baton are imported from the drill sources. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Backstage notifications to the owning team when a service's drill is due (off by default). */
  notifications: boolean;
  /** When due drills are looked for and their teams told. */
  notificationSchedule: SchedulerServiceTaskScheduleDefinition;
}

const DEFAULT_IMPORT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

const DEFAULT_NOTIFICATION_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 24 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 2 },
};

/** By default only restores are due: twice a year, on services that keep backups. */
const DEFAULT_INTERVALS: DrillsConfig['intervals'] = {
  'restore-from-backup': 180,
};

/** Reads `sre.drills` (intervals, schedules, notifications); a TypeError names a key that is not a scenario or not a whole number of days. */
export function readDrillsConfig(config: Config): DrillsConfig {
  const drills = config.getOptionalConfig('sre.drills');
  const common = {
    schedule: scheduleFromConfig(drills, 'schedule', DEFAULT_IMPORT_SCHEDULE),
    notifications: drills?.getOptionalBoolean('notifications') ?? false,
    notificationSchedule: scheduleFromConfig(
      drills,
      'notificationSchedule',
      DEFAULT_NOTIFICATION_SCHEDULE,
    ),
  };
  const key = 'sre.drills.intervals';
  const section = config.getOptionalConfig(key);
  if (!section) return { intervals: { ...DEFAULT_INTERVALS }, ...common };
  const intervals: DrillsConfig['intervals'] = {};
  for (const name of section.keys()) {
    if (!(DRILL_SCENARIOS as readonly string[]).includes(name)) {
      throw new TypeError(
        `${key}.${name}: unknown scenario; expected one of ${DRILL_SCENARIOS.join(
          ', ',
        )}`,
      );
    }
    const days = section.getNumber(name);
    if (!Number.isInteger(days) || days < 1 || days > 3660) {
      throw new TypeError(
        `${key}.${name}: must be a whole number of days from 1 to 3660`,
      );
    }
    intervals[name as DrillScenario] = days;
  }
  return { intervals, ...common };
}
