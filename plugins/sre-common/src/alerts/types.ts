/** Alert sources Baton receives webhooks from. @public */
export const ALERT_SOURCES = [
  'alertmanager',
  'mackerel',
  'cloudwatch',
  'sentry',
  'generic',
] as const;

/** @public */
export type AlertSource = (typeof ALERT_SOURCES)[number];

/** Why an alert looks like it cries wolf. @public */
export type AlertNoiseFlag = 'flapping' | 'auto-resolved' | 'no-runbook';

/** One alert as `GET /entities/{ref}/alerts` returns it. @public */
export interface AlertItem {
  id: string;
  source: AlertSource;
  title: string;
  severity: 'critical' | 'warning' | 'info' | 'unknown';
  status: 'firing' | 'resolved';
  startsAt: string;
  endsAt?: string;
  acknowledgedBy: string[];
  labels: Record<string, string>;
  noise: AlertNoiseFlag[];
}

/** The figures above an entity's alert list. @public */
export interface AlertSummary {
  count: number;
  noisy: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
}
