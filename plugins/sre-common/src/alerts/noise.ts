import { monitorKey, monitorName } from './monitors';
import type {
  AlertItem,
  AlertNoise,
  AlertSummary,
  MonitorNoise,
} from './types';

/** Thresholds of the cry-wolf rules; config can override each. @public */
export interface AlertNoisePolicy {
  /** Resolved by the source within this many minutes, never acknowledged: transient. */
  transientMinutes: number;
  /** The same monitor firing this many times… */
  flapCount: number;
  /** …within this many hours: flapping. */
  flapWindowHours: number;
}

/** The documented defaults. @public */
export const DEFAULT_ALERT_NOISE_POLICY: AlertNoisePolicy = {
  transientMinutes: 5,
  flapCount: 3,
  flapWindowHours: 24,
};

/** A stored alert before the rules flag it. @public */
export type AlertForNoise = Omit<AlertItem, 'noise'>;

/** What the rules and the summary read of an alert: its title, labels and links play no part. @public */
export type AlertFacts = Pick<
  AlertItem,
  | 'id'
  | 'source'
  | 'monitor'
  | 'severity'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'resolvedBy'
  | 'acknowledgedBy'
  | 'acknowledgedAt'
  | 'runbookUrl'
>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The cry-wolf flags of each alert. `history` holds the firings the flapping
 * rule compares with (the same monitor's alerts around each one, e.g. the
 * last days), which may be more than the alerts flagged. `hasRunbook` says
 * whether the entity has a runbook (then no alert of it lacks one).
 * @public
 */
export function alertNoise(
  alerts: AlertFacts[],
  options: {
    history?: AlertFacts[];
    hasRunbook?: boolean;
    policy?: AlertNoisePolicy;
  } = {},
): AlertNoise[][] {
  const policy = options.policy ?? DEFAULT_ALERT_NOISE_POLICY;
  const byMonitor = new Map<string, number[]>();
  for (const alert of options.history ?? alerts) {
    const key = monitorKey(alert);
    const list = byMonitor.get(key) ?? [];
    list.push(Date.parse(alert.startsAt));
    byMonitor.set(key, list);
  }
  for (const list of byMonitor.values()) list.sort((a, b) => a - b);

  return alerts.map(alert => {
    const noise: AlertNoise[] = [];
    const start = Date.parse(alert.startsAt);
    const acknowledged = alert.acknowledgedBy.length > 0;
    if (
      alert.status === 'resolved' &&
      alert.endsAt &&
      alert.resolvedBy !== 'person' &&
      !acknowledged
    ) {
      const minutes = (Date.parse(alert.endsAt) - start) / MINUTE;
      if (minutes <= policy.transientMinutes) {
        noise.push({
          flag: 'transient',
          params: {
            minutes: Math.max(0, Math.round(minutes)),
            limit: policy.transientMinutes,
          },
          explanation: `Resolved by the source after ${Math.max(
            0,
            Math.round(minutes),
          )} min with no one acknowledging it (≤ ${
            policy.transientMinutes
          } min).`,
        });
      }
    }
    // Flapping: this firing is one of ≥ K firings of its monitor within W hours.
    const firings = byMonitor.get(monitorKey(alert)) ?? [];
    const window = policy.flapWindowHours * HOUR;
    let most = 0;
    for (const other of firings) {
      if (other > start || start - other > window) continue;
      // Firings within the window that starts at `other` and holds this one.
      const count = firings.filter(
        t => t >= other && t <= other + window,
      ).length;
      most = Math.max(most, count);
    }
    if (most >= policy.flapCount) {
      // The name people know (an alarm's, not its ARN).
      const monitor = monitorName(alert.monitor);
      noise.push({
        flag: 'flapping',
        params: { count: most, hours: policy.flapWindowHours, monitor },
        explanation: `${monitor} fired ${most} times within ${policy.flapWindowHours} h.`,
      });
    }
    if (!alert.runbookUrl && !options.hasRunbook) {
      noise.push({
        flag: 'no-runbook',
        params: {},
        explanation:
          'Neither the alert (runbook_url) nor the service has a runbook.',
      });
    }
    if (!acknowledged) {
      noise.push({
        flag: 'never-acknowledged',
        params: {},
        explanation: 'No one acknowledged it.',
      });
    }
    return noise;
  });
}

/** Whether an alert cried wolf: it was transient or flapping. @public */
export const isCryingWolf = (noise: AlertNoise[]): boolean =>
  noise.some(n => n.flag === 'transient' || n.flag === 'flapping');

/**
 * The summary of a list of flagged alerts: count, noisy ones, mean time to
 * acknowledge and to resolve, the cry-wolf score (share of firings that were
 * transient or flapping) and each responder's share of acknowledgements.
 * @public
 */
export function summariseAlerts(
  alerts: Array<AlertFacts & { noise: AlertNoise[] }>,
): AlertSummary {
  const noisy = alerts.filter(alert => isCryingWolf(alert.noise)).length;
  const mean = (values: number[]) =>
    values.length
      ? values.reduce((sum, v) => sum + v, 0) / values.length
      : null;
  const tta = alerts
    .filter(a => a.acknowledgedAt)
    .map(a => (Date.parse(a.acknowledgedAt!) - Date.parse(a.startsAt)) / 1000)
    .filter(seconds => seconds >= 0);
  const ttr = alerts
    .filter(a => a.status === 'resolved' && a.endsAt)
    .map(a => (Date.parse(a.endsAt!) - Date.parse(a.startsAt)) / 1000)
    .filter(seconds => seconds >= 0);
  const counts = new Map<string, number>();
  for (const alert of alerts) {
    for (const userRef of alert.acknowledgedBy) {
      counts.set(userRef, (counts.get(userRef) ?? 0) + 1);
    }
  }
  const acknowledgements = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    count: alerts.length,
    noisy,
    mttaSeconds: mean(tta),
    mttrSeconds: mean(ttr),
    cryWolfScore: alerts.length ? noisy / alerts.length : null,
    responders: [...counts.entries()]
      .map(([userRef, count]) => ({
        userRef,
        count,
        share: count / acknowledgements,
      }))
      .sort((a, b) => b.count - a.count || a.userRef.localeCompare(b.userRef)),
  };
}

/**
 * Monitors ranked by how often they cry wolf: cry-wolf score, then firings.
 * Each alert must carry its noise flags.
 * @public
 */
export function rankMonitorNoise(alerts: AlertItem[]): MonitorNoise[] {
  const groups = new Map<string, AlertItem[]>();
  for (const alert of alerts) {
    const key = monitorKey(alert);
    groups.set(key, [...(groups.get(key) ?? []), alert]);
  }
  return [...groups.values()]
    .map(group => {
      const summary = summariseAlerts(group);
      return {
        source: group[0].source,
        monitor: group[0].monitor,
        firings: group.length,
        noisy: summary.noisy,
        cryWolfScore: summary.noisy / group.length,
        acknowledged: group.filter(a => a.acknowledgedBy.length > 0).length,
        mttaSeconds: summary.mttaSeconds,
        mttrSeconds: summary.mttrSeconds,
        entityRefs: [...new Set(group.flatMap(a => a.entityRefs))].sort(),
      };
    })
    .sort(
      (a, b) =>
        b.cryWolfScore - a.cryWolfScore ||
        b.firings - a.firings ||
        a.monitor.localeCompare(b.monitor),
    );
}
