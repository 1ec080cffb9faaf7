import type { AlertItem, AlertSeverity } from '@baton/plugin-sre-common';
import { ALERT_SEVERITIES } from './alertText';

/** One day of the timeline: the alerts that started on it (UTC), by severity. */
export type AlertDay = { day: string } & Record<AlertSeverity, number>;

const DAY_MS = 86_400_000;
/** A longer range is cut to its last days, so a wide range cannot draw thousands of bars. */
const MAX_DAYS = 366;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Alerts per UTC day from `from` to `to`, days without alerts included. */
export function alertsPerDay(
  alerts: AlertItem[],
  from: string,
  to: string,
): AlertDay[] {
  const end = Math.floor(Date.parse(to) / DAY_MS) * DAY_MS;
  const start = Math.max(
    Math.floor(Date.parse(from) / DAY_MS) * DAY_MS,
    end - (MAX_DAYS - 1) * DAY_MS,
  );
  const days = new Map<string, AlertDay>();
  for (let time = start; time <= end; time += DAY_MS) {
    const day = dayOf(time);
    days.set(day, { day, critical: 0, warning: 0, info: 0, unknown: 0 });
  }
  for (const alert of alerts) {
    const entry = days.get(dayOf(Date.parse(alert.startsAt)));
    if (entry) {
      const severity = ALERT_SEVERITIES.includes(alert.severity)
        ? alert.severity
        : 'unknown';
      entry[severity] += 1;
    }
  }
  return [...days.values()];
}
