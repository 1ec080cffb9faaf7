import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AlertNoisePolicy,
  DEFAULT_ALERT_NOISE_POLICY,
} from '@baton/plugin-sre-common';
import { scheduleFromConfig } from '../sources/scheduleFromConfig';
import {
  AlertAcknowledgePolicy,
  DEFAULT_ALERT_ACKNOWLEDGE_POLICY,
} from './AlertService';

const DEFAULT_ALERT_POLL_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

/** `sre.alerts`, read and checked. */
export interface AlertsConfig {
  pollSchedule: SchedulerServiceTaskScheduleDefinition;
  noisePolicy: AlertNoisePolicy;
  acknowledgePolicy: AlertAcknowledgePolicy;
}

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

/** Reads `sre.alerts`; throws a TypeError naming the key for a bad value. */
export function readAlertsConfig(config: Config): AlertsConfig {
  const alerts = config.getOptionalConfig('sre.alerts');
  return {
    pollSchedule: scheduleFromConfig(
      alerts,
      'pollSchedule',
      DEFAULT_ALERT_POLL_SCHEDULE,
    ),
    noisePolicy: alertNoisePolicy(alerts?.getOptionalConfig('noise')),
    acknowledgePolicy: alertAcknowledgePolicy(
      alerts?.getOptionalConfig('acknowledge'),
    ),
  };
}
