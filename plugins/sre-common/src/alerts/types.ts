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
  /**
   * Set on an alert that started before the list's range and still fires:
   * it is listed whatever the range starts at.
   */
  firingSinceBeforeRange?: boolean;
  /** The catalog names of the people in `acknowledgedBy`, by user ref (a User's profile display name). */
  responderNames?: Record<string, string>;
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
  responders: Array<{
    userRef: string;
    /** The catalog name of the person, when the catalog has them. */
    name?: string;
    count: number;
    share: number;
  }>;
}

/**
 * `GET /entities/{ref}/alerts`. `items` are the alerts that started in the
 * range, newest first, after (on the first page) the ones that started
 * before it and still fire; the summary covers the range only.
 * @public
 */
export interface AlertListResponse {
  items: AlertItem[];
  summary: AlertSummary;
  /**
   * Whether alerts can reach what is listed: a webhook source or poller is
   * on, and the entity sets `baton.dev/alert-selector` or an alert was ever
   * mapped to it. Tells "nothing fired in the range" from "no source set up".
   */
  configured: boolean;
  /** With no item in the range: when the newest alert before it started. */
  lastAlertAt?: string;
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
