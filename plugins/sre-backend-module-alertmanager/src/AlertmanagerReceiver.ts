import {
  EARLIEST_PAYLOAD_TIME_MS,
  isJsonObject,
  LATEST_PAYLOAD_TIME_MS,
  nonEmptyString,
  type JsonObject,
} from '@baton/plugin-sre-node';
import { InputError } from '@backstage/errors';
import { isHttpUrl, type AlertSeverity } from '@baton/plugin-sre-common';
import type {
  AlertDelivery,
  AlertEvent,
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';

/** RFC 3339 as Go writes a `time.Time`: seconds, optional fraction (up to nanoseconds), zone. */
const RFC3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Go's zero `time.Time`, which Alertmanager sends as `endsAt` of firing alerts. */
const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/i;

/** Longest alertname or fingerprint kept (Alertmanager's fingerprints are 16 hex digits). */
const MAX_NAME = 256;

/** The usual values of the `severity` label, lower-cased. */
const SEVERITIES: Record<string, AlertSeverity> = {
  critical: 'critical',
  page: 'critical',
  error: 'critical',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  informational: 'info',
  none: 'info',
};

/** Only http(s) links are kept; anything else (empty, `javascript:`, …) is dropped, since losing the alert for a bad link would be worse. */
function httpUrl(value: unknown): string | undefined {
  return isHttpUrl(value) ? value : undefined;
}

/** Parses an RFC 3339 time between 1970 and 9999 to ISO 8601 UTC, or undefined when it is not one. */
function rfc3339(value: unknown): string | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) {
    return undefined;
  }
  const ms = Date.parse(value);
  return ms >= EARLIEST_PAYLOAD_TIME_MS && ms <= LATEST_PAYLOAD_TIME_MS
    ? new Date(ms).toISOString()
    : undefined;
}

/** Maps the `severity` label; anything unusual is `unknown` rather than a guess. */
function alertmanagerSeverity(label: string | undefined): AlertSeverity {
  const key = label?.trim().toLowerCase();
  // Own keys only: `constructor` or `__proto__` is a label value, not a severity.
  return key && Object.hasOwn(SEVERITIES, key) ? SEVERITIES[key] : 'unknown';
}

/**
 * Receives Prometheus Alertmanager's `webhook_config` deliveries (payload
 * version 4): one event per alert of the group, keyed by fingerprint and
 * start time.
 *
 * @public
 */
export class AlertmanagerReceiver implements AlertWebhookReceiver {
  readonly source = 'alertmanager' as const;

  parse(request: AlertWebhookRequest): AlertDelivery {
    const body = request.body;
    if (!isJsonObject(body)) {
      throw new InputError('the body must be a JSON object');
    }
    if (body.version !== '4') {
      throw new InputError(
        'version must be "4" (the Alertmanager webhook payload version)',
      );
    }
    if (!Array.isArray(body.alerts)) {
      throw new InputError('alerts must be an array');
    }
    // With max_alerts set, `truncatedAlerts` says how many were left out;
    // those are lost to Baton, but the ones that came are still worth keeping.
    const externalUrl = httpUrl(body.externalURL);
    return {
      events: body.alerts.map((alert, index) =>
        this.#event(alert, `alerts[${index}]`, externalUrl),
      ),
    };
  }

  #event(alert: unknown, path: string, externalUrl?: string): AlertEvent {
    if (!isJsonObject(alert)) {
      throw new InputError(`${path} must be an object`);
    }
    const status = alert.status;
    if (status !== 'firing' && status !== 'resolved') {
      throw new InputError(`${path}.status must be "firing" or "resolved"`);
    }
    if (!isJsonObject(alert.labels)) {
      throw new InputError(`${path}.labels must be an object`);
    }
    const alertname = nonEmptyString(alert.labels.alertname);
    if (!alertname) {
      throw new InputError(`${path}.labels.alertname is required`);
    }
    if (alertname.length > MAX_NAME) {
      throw new InputError(
        `${path}.labels.alertname must be at most ${MAX_NAME} characters`,
      );
    }
    if (alert.annotations !== undefined && !isJsonObject(alert.annotations)) {
      throw new InputError(`${path}.annotations must be an object`);
    }
    const annotations: JsonObject = alert.annotations ?? {};
    if (alert.startsAt === undefined) {
      throw new InputError(`${path}.startsAt is required`);
    }
    const startsAt = rfc3339(alert.startsAt);
    if (!startsAt) {
      throw new InputError(
        `${path}.startsAt must be an RFC 3339 time between 1970 and 9999`,
      );
    }
    const fingerprint = nonEmptyString(alert.fingerprint);
    if (!fingerprint) {
      throw new InputError(`${path}.fingerprint is required`);
    }
    if (fingerprint.length > MAX_NAME) {
      throw new InputError(
        `${path}.fingerprint must be at most ${MAX_NAME} characters`,
      );
    }

    let endsAt: string | undefined;
    if (status === 'resolved') {
      endsAt =
        typeof alert.endsAt === 'string' && !GO_ZERO_TIME.test(alert.endsAt)
          ? rfc3339(alert.endsAt)
          : undefined;
      if (!endsAt) {
        throw new InputError(
          `${path}.endsAt must be an RFC 3339 time for a resolved alert, between 1970 and 9999`,
        );
      }
    }
    // A firing alert's endsAt is Go's zero time or a guess at expiry: never an end.

    const labels: Record<string, string> = {};
    for (const [name, value] of Object.entries(alert.labels)) {
      if (typeof value === 'string') {
        labels[name] = value;
      }
    }
    const links: Array<{ url: string; title?: string }> = [];
    const generatorUrl = httpUrl(alert.generatorURL);
    if (generatorUrl) {
      links.push({ url: generatorUrl, title: 'Source' });
    }
    if (externalUrl) {
      links.push({ url: externalUrl, title: 'Alertmanager' });
    }
    const runbookUrl =
      httpUrl(annotations.runbook_url) ?? httpUrl(alert.labels.runbook_url);

    return {
      source: 'alertmanager',
      sourceKey: `${fingerprint}@${startsAt}`,
      monitor: alertname,
      title:
        nonEmptyString(annotations.summary) ??
        nonEmptyString(annotations.description) ??
        alertname,
      severity: alertmanagerSeverity(nonEmptyString(alert.labels.severity)),
      status,
      startsAt,
      ...(endsAt ? { endsAt, resolvedBy: 'source' as const } : {}),
      at: endsAt ?? startsAt,
      labels,
      links,
      ...(runbookUrl ? { runbookUrl } : {}),
    };
  }
}
