import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  parseFixedDuration,
  parseMaintenanceWindows,
  SloInterval,
  SloPolicy,
  sloPolicy,
} from '@baton/plugin-sre-common';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';

const DEFAULT_SLO_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 10 },
};

/** `sre.slo`, read and checked. */
export interface SloConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The SLI step; it divides the 5-minute burn-rate window. */
  stepSeconds: number;
  /** Portal-wide maintenance windows, left out of every SLO. */
  maintenance: SloInterval[];
  policy: SloPolicy;
}

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

/** Reads `sre.slo`; throws a TypeError naming the key for a bad value. */
export function readSloConfig(config: Config): SloConfig {
  const slo = config.getOptionalConfig('sre.slo');
  const maintenance = parseMaintenanceWindows(
    slo?.getOptionalStringArray('maintenance'),
  );
  if (maintenance.invalid.length) {
    throw new TypeError(
      `sre.slo.maintenance: not ISO 8601 intervals: ${maintenance.invalid.join(
        ', ',
      )}`,
    );
  }
  return {
    schedule: scheduleFromConfig(slo, 'schedule', DEFAULT_SLO_SCHEDULE),
    stepSeconds: sloStepSeconds(slo?.getOptionalString('step')),
    maintenance: maintenance.intervals,
    policy: sloPolicy({
      alertRules: slo?.getOptional('alertRules'),
      lowTrafficBudgetShare: slo?.getOptional('lowTrafficBudgetShare'),
      historyPoints: slo?.getOptional('historyPoints'),
    }),
  };
}
