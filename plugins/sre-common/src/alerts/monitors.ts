import type { AlertItem, AlertSeverity } from './types';

/** What identifies the monitor (rule, alarm, check) that fired an alert. @public */
export type AlertMonitorFacts = Pick<AlertItem, 'source' | 'monitor'>;

/**
 * The key of the monitor that fired an alert: its source and its monitor
 * (an Alertmanager alertname, a CloudWatch alarm ARN, a Mackerel monitor…).
 * Firings with the same key are one monitor's, for the flapping rule and
 * for the grouped rows alike.
 * @public
 */
export const monitorKey = (alert: AlertMonitorFacts): string =>
  `${alert.source}\u0000${alert.monitor}`;

/** `arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>` */
const CLOUDWATCH_ALARM_ARN = /^arn:[a-z-]+:cloudwatch:[^:]*:\d*:alarm:(.+)$/;

/**
 * The monitor's name as people know it: a CloudWatch alarm's name rather
 * than its ARN; any other monitor as sent.
 * @public
 */
export function monitorName(monitor: string): string {
  return CLOUDWATCH_ALARM_ARN.exec(monitor)?.[1] ?? monitor;
}

/**
 * Whether the alert is one a list starting at `from` shows although it
 * started before: it still fires.
 * @public
 */
export function isFiringSinceBefore(
  alert: Pick<AlertItem, 'status' | 'startsAt'>,
  from: string | Date,
): boolean {
  return (
    alert.status === 'firing' &&
    Date.parse(alert.startsAt) < new Date(from).getTime()
  );
}

/** What grouping reads of an alert. @public */
export type AlertGroupFacts = Pick<
  AlertItem,
  'id' | 'source' | 'monitor' | 'severity' | 'status' | 'startsAt' | 'endsAt'
>;

/** The firings of one monitor, shown as one row. @public */
export interface AlertGroup<T extends AlertGroupFacts> {
  /** {@link monitorKey} of its alerts. */
  key: string;
  source: T['source'];
  monitor: string;
  /** {@link monitorName} of the monitor. */
  name: string;
  /** Its firings, newest first. */
  alerts: T[];
  /** The newest firing. */
  latest: T;
  /** Firing while any of its firings fires, else resolved. */
  status: 'firing' | 'resolved';
  /** The worst severity among the firings that fire, else the newest firing's. */
  severity: AlertSeverity;
  /** When the first firing started. */
  from: string;
  /** When the last one ended; unset while one fires. */
  until?: string;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = {
  critical: 3,
  warning: 2,
  info: 1,
  unknown: 0,
};

const newestFirst = (a: AlertGroupFacts, b: AlertGroupFacts) =>
  Date.parse(b.startsAt) - Date.parse(a.startsAt) ||
  Number(a.id < b.id) - Number(a.id > b.id);

/**
 * Alerts grouped by the monitor that fired them ({@link monitorKey}), so that
 * one flapping alarm is one row with its count rather than a row a firing.
 * Groups keep the order in which their first alert comes in `alerts`.
 * @public
 */
export function groupAlertsByMonitor<T extends AlertGroupFacts>(
  alerts: T[],
): Array<AlertGroup<T>> {
  const byKey = new Map<string, T[]>();
  for (const alert of alerts) {
    const key = monitorKey(alert);
    const list = byKey.get(key);
    if (list) list.push(alert);
    else byKey.set(key, [alert]);
  }
  return [...byKey.entries()].map(([key, members]) => {
    const ordered = [...members].sort(newestFirst);
    const latest = ordered[0];
    const firing = ordered.filter(alert => alert.status === 'firing');
    const severity = firing.length
      ? firing.reduce(
          (worst, alert) =>
            SEVERITY_RANK[alert.severity] > SEVERITY_RANK[worst]
              ? alert.severity
              : worst,
          firing[0].severity,
        )
      : latest.severity;
    const ends = ordered.flatMap(alert => (alert.endsAt ? [alert.endsAt] : []));
    return {
      key,
      source: latest.source,
      monitor: latest.monitor,
      name: monitorName(latest.monitor),
      alerts: ordered,
      latest,
      status: firing.length ? 'firing' : 'resolved',
      severity,
      from: ordered[ordered.length - 1].startsAt,
      ...(!firing.length && ends.length
        ? {
            until: ends.reduce((a, b) =>
              Date.parse(b) > Date.parse(a) ? b : a,
            ),
          }
        : {}),
    };
  });
}
