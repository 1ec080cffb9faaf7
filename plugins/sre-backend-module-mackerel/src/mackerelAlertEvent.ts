import type { AlertEvent } from '@baton/plugin-sre-node';

/** A Mackerel alert's status, lower-cased (the webhook sends `critical`, the API `CRITICAL`). */
export type MackerelAlertStatus = 'ok' | 'warning' | 'critical' | 'unknown';

/** What the webhook and the alerts API both tell about one Mackerel alert. */
export interface MackerelAlertFacts {
  id: string;
  status: MackerelAlertStatus;
  /** False once the alert is closed. */
  isOpen: boolean;
  /**
   * What caused the notification (webhook only): `monitoring` (the docs'
   * example says `monitor`), `manual`, `monitorDelete` or `hostRetire`.
   */
  trigger?: string;
  /** Epoch seconds, as Mackerel sends them. */
  openedAt: number;
  closedAt?: number;
  statusChangedAt?: number;
  monitorName: string;
  hostName?: string;
  serviceName?: string;
  roleName?: string;
  orgName?: string;
  url?: string;
}

const SEVERITY_BY_STATUS: Record<MackerelAlertStatus, AlertEvent['severity']> =
  {
    critical: 'critical',
    warning: 'warning',
    unknown: 'unknown',
    // OK says the alert recovered, not how bad it was; the stored severity stays.
    ok: 'unknown',
  };

/** Triggers by which a person or a configuration change, not the metric, closed the alert. */
const PERSON_TRIGGERS = new Set(['manual', 'monitorDelete', 'hostRetire']);
const SOURCE_TRIGGERS = new Set(['monitoring', 'monitor']);

/** Parses a Mackerel alert status in either case; undefined for anything else. */
export function mackerelAlertStatus(
  value: unknown,
): MackerelAlertStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const status = value.toLowerCase();
  // Own keys only: `in` would take `constructor` for a status.
  return Object.hasOwn(SEVERITY_BY_STATUS, status)
    ? (status as MackerelAlertStatus)
    : undefined;
}

/**
 * The alert event of a Mackerel alert, the same from the webhook and the
 * poller: keyed by the alert id, resolved once the alert is closed or OK.
 */
export function mackerelAlertEvent(alert: MackerelAlertFacts): AlertEvent {
  const resolved = !alert.isOpen || alert.status === 'ok';
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  // An open alert's closedAt (the docs' example has one) is not its time.
  const atSeconds =
    alert.statusChangedAt ??
    (resolved ? alert.closedAt : undefined) ??
    alert.openedAt;
  const at = iso(atSeconds);
  const target = alert.hostName ?? alert.serviceName;

  const labels: Record<string, string> = { monitor: alert.monitorName };
  const label = (key: string, value: string | undefined) => {
    if (value) labels[key] = value;
  };
  label('service', alert.serviceName);
  label('role', alert.roleName);
  label('host', alert.hostName);
  label('org', alert.orgName);

  const event: AlertEvent = {
    source: 'mackerel',
    sourceKey: alert.id,
    monitor: alert.monitorName,
    title: target ? `${alert.monitorName} (${target})` : alert.monitorName,
    severity: SEVERITY_BY_STATUS[alert.status],
    status: resolved ? 'resolved' : 'firing',
    startsAt: iso(alert.openedAt),
    at,
    labels,
    links: alert.url ? [{ url: alert.url, title: 'Mackerel alert' }] : [],
  };
  if (resolved) {
    event.endsAt = alert.closedAt !== undefined ? iso(alert.closedAt) : at;
    if (alert.trigger && PERSON_TRIGGERS.has(alert.trigger)) {
      event.resolvedBy = 'person';
    } else if (alert.trigger && SOURCE_TRIGGERS.has(alert.trigger)) {
      event.resolvedBy = 'source';
    }
  }
  return event;
}
