import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { AlertSeverity, AlertSource } from '@baton/plugin-sre-common';

/**
 * One state of one alert instance, as a receiver or poller normalises it
 * before it is stored. Deliveries that repeat an event are stored once.
 * @public
 */
export interface AlertEvent {
  source: AlertSource;
  /**
   * Stable key of the alert instance at its source, e.g. Alertmanager
   * fingerprint + startsAt, the Mackerel alert id, the CloudWatch alarm ARN +
   * the time it went into ALARM. Re-sent deliveries carry the same key.
   */
  sourceKey: string;
  /** The monitor, rule or alarm that fired; its firings are compared for flapping. */
  monitor: string;
  title: string;
  severity: AlertSeverity;
  status: 'firing' | 'resolved';
  /** ISO 8601 times. */
  startsAt: string;
  endsAt?: string;
  /** When the source reported this state (ISO 8601); the event's time in the history. */
  at: string;
  /** With `resolved`: whether the source resolved it on its own or a person closed it. */
  resolvedBy?: 'source' | 'person';
  /**
   * With `resolved`: close the newest firing alert of the same source and
   * monitor instead of the one keyed by `sourceKey` (CloudWatch's OK does not
   * say when the alarm fired); nothing is stored when none is open.
   */
  matchOpen?: boolean;
  /** Labels or tags that map the alert to catalog entities (`service`, …). */
  labels: Record<string, string>;
  /** Only `http:`/`https:` URLs (`isHttpUrl`); the backend drops any other before storing. */
  links?: Array<{ url: string; title?: string }>;
  /** Only an `http:`/`https:` URL (`isHttpUrl`); the backend drops any other before storing. */
  runbookUrl?: string;
  /** Acknowledgements the source knows of (catalog user refs); most sources have none. */
  acknowledgements?: Array<{ userRef: string; at: string }>;
}

/** A request as a webhook receiver sees it; the body is the raw bytes, at most 1 MB. @public */
export interface AlertWebhookRequest {
  rawBody: Buffer;
  /** The body parsed as JSON; undefined when it is not JSON. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** What a delivery contained. @public */
export interface AlertDelivery {
  events: AlertEvent[];
  /**
   * An Amazon SNS subscription to confirm by fetching this URL (only when
   * `sre.webhooks.cloudwatch.confirmSubscriptions` is true).
   */
  subscribeUrl?: string;
  /**
   * Production changes sent in the same delivery (the generic webhook's
   * `changes`), as sent: the backend checks and stores them under the
   * source `webhook`, all or nothing, before the alerts.
   */
  changes?: unknown[];
}

/**
 * Turns a webhook delivery of one source into alert events. The backend
 * checks the caller before calling `parse`: the source's secret (any of
 * `sre.webhooks.<source>.secret` and `.secrets`) in the `Authorization`
 * header, as `?token=` where the vendor can only call a URL, or through
 * `verifySignature`; then `verifyDelivery`.
 * @public
 */
export interface AlertWebhookReceiver {
  readonly source: AlertSource;
  /**
   * True when the vendor can only call a URL and cannot send a header
   * (Mackerel): the secret may then come as the `token` query parameter. Any
   * other source refuses `?token=`, since proxies and access logs keep query
   * strings.
   */
  readonly acceptsQueryToken?: boolean;
  /**
   * The source's own signature with a shared secret, e.g. Sentry's
   * `Sentry-Hook-Signature` (HMAC-SHA256 of the raw body). When a receiver
   * has one, it is the only proof accepted. True when the request is signed
   * with any of `secrets` (several while one is rotated); compare each in
   * constant time.
   */
  verifySignature?(
    request: AlertWebhookRequest,
    secrets: readonly string[],
  ): boolean;
  /**
   * Checks after the secret and before `parse`, e.g. Amazon SNS's
   * certificate signature or Sentry's replay window. Throws an
   * AuthenticationError (401) or an InputError (400) naming the header or
   * field to refuse the delivery.
   */
  verifyDelivery?(request: AlertWebhookRequest): Promise<void>;
  /** Parses a delivery; throws an InputError naming the field when the body is invalid. */
  parse(request: AlertWebhookRequest): AlertDelivery;
}

/** Lets modules add alert webhook receivers to the sre backend plugin. @public */
export interface SreAlertReceiversExtensionPoint {
  addAlertReceiver(...receivers: AlertWebhookReceiver[]): void;
}

/** @public */
export const sreAlertReceiversExtensionPoint =
  createExtensionPoint<SreAlertReceiversExtensionPoint>({
    id: 'sre.alert-receivers',
  });

/**
 * Pulls alerts from a source on the Backstage scheduler, to fill history and
 * catch missed webhooks (e.g. Mackerel's `GET /api/v0/alerts`).
 * @public
 */
export interface AlertPoller {
  /** Unique name, e.g. `mackerel:main`; the backend remembers how far it got. */
  readonly id: string;
  /**
   * The alerts that started or changed since `since` (the backend passes the
   * end of the last successful pull less an overlap, or 7 days back at
   * first). Duplicates of stored events are harmless.
   */
  poll(options: { since: Date }): Promise<AlertEvent[]>;
}

/** Lets modules add alert pollers to the sre backend plugin. @public */
export interface SreAlertPollersExtensionPoint {
  addAlertPoller(...pollers: AlertPoller[]): void;
}

/** @public */
export const sreAlertPollersExtensionPoint =
  createExtensionPoint<SreAlertPollersExtensionPoint>({
    id: 'sre.alert-pollers',
  });
