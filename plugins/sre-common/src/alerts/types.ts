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

/** @public */
export type AlertSeverity = 'critical' | 'warning' | 'info' | 'unknown';

/** Why an alert looks like it cries wolf. @public */
export type AlertNoiseFlag =
  | 'transient'
  | 'flapping'
  | 'no-runbook'
  | 'never-acknowledged';

/** A noise flag with the one-line explanation the card shows (code and params to translate). @public */
export interface AlertNoise {
  flag: AlertNoiseFlag;
  params: Record<string, string | number>;
  /** English, for scripts. */
  explanation: string;
}

/** One alert instance as `GET /entities/{ref}/alerts` returns it. @public */
export interface AlertItem {
  id: string;
  source: AlertSource;
  /** The monitor or rule that fired it; firings of one monitor are compared for flapping. */
  monitor: string;
  title: string;
  severity: AlertSeverity;
  status: 'firing' | 'resolved';
  startsAt: string;
  endsAt?: string;
  /** How it ended: resolved by the source on its own, or closed by a person. */
  resolvedBy?: 'source' | 'person';
  acknowledgedBy: string[];
  acknowledgedAt?: string;
  labels: Record<string, string>;
  links: Array<{ url: string; title?: string }>;
  runbookUrl?: string;
  entityRefs: string[];
  noise: AlertNoise[];
}

/** The figures above an entity's alert list. @public */
export interface AlertSummary {
  count: number;
  /** Alerts with a transient or flapping flag. */
  noisy: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
  /** Share of firings that were transient or flapping. */
  cryWolfScore: number | null;
  /** Who acknowledged, with their share of acknowledgements (on-call load). */
  responders: Array<{ userRef: string; count: number; share: number }>;
}

/** `GET /entities/{ref}/alerts`. @public */
export interface AlertListResponse {
  items: AlertItem[];
  summary: AlertSummary;
  from: string;
  to: string;
  /** Where `from` came from: the query, the owning team's last finished review, or the last 14 days. */
  fromSource: 'query' | 'last-review' | 'default';
  /** With `fromSource: 'last-review'`: that review. */
  lastReview?: { id: string; teamRef: string; finishedAt: string };
  nextCursor?: string;
}

/** One monitor of the noise ranking: how often it cries wolf. @public */
export interface MonitorNoise {
  source: AlertSource;
  monitor: string;
  firings: number;
  /** Firings that were transient or flapping. */
  noisy: number;
  /** noisy / firings. */
  cryWolfScore: number;
  acknowledged: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
  entityRefs: string[];
}

/** `GET /alerts/noise`: monitors, noisiest first. @public */
export interface MonitorNoiseResponse {
  items: MonitorNoise[];
  from: string;
  to: string;
}
