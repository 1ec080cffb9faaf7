import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ChangePolicy,
  checkWorkingHours,
  DEFAULT_CHANGE_POLICY,
  WorkingHours,
} from '@baton/plugin-sre-common';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';

// Changes matter by the day: an hour's delay still shows a change before the next review.
const DEFAULT_CHANGE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

/** `sre.changes`, read and checked. */
export interface ChangesConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The rules' parameters; `workingHours` is for teams without their own. */
  policy: ChangePolicy;
  /** Working hours per Group ref (lower case), from `sre.changes.teams`. */
  teamWorkingHours: Map<string, WorkingHours>;
}

/** Working hours at `key`, checked; a TypeError names the key. */
function readWorkingHours(config: Config, key: string): WorkingHours {
  const at = (name: string) => `${key}.${name}`;
  const read = <T>(name: string, get: () => T): T => {
    try {
      return get();
    } catch (error) {
      throw new TypeError(`${at(name)}: ${(error as Error).message}`);
    }
  };
  const hours: WorkingHours = {
    timeZone: read('timeZone', () => config.getString('timeZone')),
    days: read(
      'days',
      () =>
        config.getOptional<number[]>('days') ??
        DEFAULT_CHANGE_POLICY.workingHours.days,
    ),
    start: read('start', () => config.getString('start')),
    end: read('end', () => config.getString('end')),
    ...(config.has('holidays')
      ? { holidays: read('holidays', () => config.getStringArray('holidays')) }
      : {}),
  };
  if (!Array.isArray(hours.days)) {
    throw new TypeError(`${at('days')}: must be a list of ISO weekdays`);
  }
  checkWorkingHours(hours, key);
  return hours;
}

/** A non-negative number at `key` (at most `max`), or the default. */
function readBounded(
  config: Config | undefined,
  key: string,
  name: string,
  fallback: number,
  max: number,
): number {
  if (!config?.has(name)) return fallback;
  const value = config.getNumber(name);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new TypeError(`${key}.${name}: must be between 0 and ${max}`);
  }
  return value;
}

/** Reads `sre.changes`; throws for a bad value, naming the key. */
export function readChangesConfig(config: Config): ChangesConfig {
  const changes = config.getOptionalConfig('sre.changes');
  const defaults = DEFAULT_CHANGE_POLICY;
  const workingHours = changes?.has('workingHours')
    ? readWorkingHours(
        changes.getConfig('workingHours'),
        'sre.changes.workingHours',
      )
    : defaults.workingHours;
  const slowApply = changes?.getOptionalConfig('slowApply');
  const slowApplyKey = 'sre.changes.slowApply';
  const teamWorkingHours = new Map<string, WorkingHours>();
  for (const [index, team] of (
    changes?.getOptionalConfigArray('teams') ?? []
  ).entries()) {
    const key = `sre.changes.teams[${index}]`;
    let groupRef: string;
    try {
      groupRef = stringifyEntityRef(
        parseEntityRef(team.getString('group'), { defaultKind: 'group' }),
      ).toLocaleLowerCase('en-US');
    } catch (error) {
      throw new TypeError(`${key}.group: ${(error as Error).message}`);
    }
    if (!groupRef.startsWith('group:')) {
      throw new TypeError(`${key}.group: '${groupRef}' is not a Group ref`);
    }
    teamWorkingHours.set(
      groupRef,
      readWorkingHours(team.getConfig('workingHours'), `${key}.workingHours`),
    );
  }
  return {
    schedule: scheduleFromConfig(changes, 'schedule', DEFAULT_CHANGE_SCHEDULE),
    policy: {
      workingHours,
      alertWindowMinutes: readBounded(
        changes,
        'sre.changes',
        'alertWindowMinutes',
        defaults.alertWindowMinutes,
        10_080,
      ),
      slowApply: {
        windowDays: readBounded(
          slowApply,
          slowApplyKey,
          'windowDays',
          defaults.slowApply.windowDays,
          366,
        ),
        minApplies: readBounded(
          slowApply,
          slowApplyKey,
          'minApplies',
          defaults.slowApply.minApplies,
          1000,
        ),
        risePercent: readBounded(
          slowApply,
          slowApplyKey,
          'risePercent',
          defaults.slowApply.risePercent,
          10_000,
        ),
      },
    },
    teamWorkingHours,
  };
}
