import {
  EARLIEST_PAYLOAD_TIME_MS,
  isJsonObject,
  LATEST_PAYLOAD_TIME_MS,
  optionalText,
  requireObject,
  requireText,
  type JsonObject,
} from '@baton/plugin-sre-node';
import { AuthenticationError, InputError } from '@backstage/errors';
import { isHttpUrl } from '@baton/plugin-sre-common';
import type {
  AlertDelivery,
  AlertEvent,
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { createHmac, timingSafeEqual } from 'crypto';

type Severity = AlertEvent['severity'];

/** Default of `sre.webhooks.sentry.timestampToleranceSeconds`. @public */
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;
type Headers = AlertWebhookRequest['headers'];

/** Sentry's event levels (`fatal`, `error`, `warning`, `info`, `debug`) as Baton severities. */
const SEVERITY_BY_LEVEL: Record<string, Severity> = {
  fatal: 'critical',
  error: 'critical',
  warning: 'warning',
  info: 'info',
  debug: 'info',
};

/**
 * The project slug in an event's API URL,
 * `…/api/0/projects/<organization>/<project>/events/<event id>/`: an event
 * alert carries the project's numeric id only.
 */
const EVENT_URL_PROJECT = /\/api\/0\/projects\/[^/]+\/([^/]+)\/events\//;

/**
 * Receives Sentry integration-platform webhooks (an internal integration's
 * webhook URL): `issue` deliveries (created, resolved, unresolved; assigned
 * and archived change no state) and `event_alert` deliveries (an issue alert
 * rule with the integration as its action). Every other resource
 * (`metric_alert`, `comment`, `installation`, …) yields no events.
 *
 * One Baton alert per Sentry issue: both resources key it `issue:<issue id>`.
 *
 * @public
 */
export class SentryReceiver implements AlertWebhookReceiver {
  readonly source = 'sentry' as const;
  readonly #toleranceMs: number;
  readonly #now: () => Date;

  constructor(
    options: {
      /**
       * How far `Sentry-Hook-Timestamp` may be from now, either way, before a
       * delivery is taken as replayed (default 300 s; Sentry sends at once).
       */
      timestampToleranceSeconds?: number;
      now?: () => Date;
    } = {},
  ) {
    this.#toleranceMs =
      (options.timestampToleranceSeconds ??
        DEFAULT_TIMESTAMP_TOLERANCE_SECONDS) * 1000;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * `Sentry-Hook-Signature`: the hex HMAC-SHA256 of the raw body with the
   * integration's client secret (Sentry's `build_signature` signs the exact
   * bytes it sends, so the body is never re-serialised here). Any of the
   * secrets may have signed it, while one is rotated.
   */
  verifySignature(
    request: AlertWebhookRequest,
    secrets: readonly string[],
  ): boolean {
    const given = header(request.headers, 'sentry-hook-signature');
    if (!given || !/^[0-9a-f]{64}$/i.test(given)) return false;
    const actual = Buffer.from(given, 'hex');
    let signed = false;
    for (const secret of secrets) {
      const expected = createHmac('sha256', secret)
        .update(request.rawBody)
        .digest();
      signed = timingSafeEqual(actual, expected) || signed;
    }
    return signed;
  }

  /**
   * Refuses a replayed delivery: `Sentry-Hook-Timestamp` (Unix seconds when
   * Sentry sent it) must be within the tolerance of now. The signature does
   * not cover the header, so this stops a captured delivery sent again as
   * it was; re-sent events are deduplicated besides.
   */
  async verifyDelivery(request: AlertWebhookRequest): Promise<void> {
    const value = header(request.headers, 'sentry-hook-timestamp');
    if (value === undefined || !/^\d{1,12}$/.test(value)) {
      throw new InputError(
        'the Sentry-Hook-Timestamp header must be the Unix time in seconds when Sentry sent the delivery',
      );
    }
    const ageMs = this.#now().getTime() - Number(value) * 1000;
    if (Math.abs(ageMs) > this.#toleranceMs) {
      throw new AuthenticationError(
        `Sentry-Hook-Timestamp is more than ${
          this.#toleranceMs / 1000
        } s from now: a replayed or delayed delivery is refused`,
      );
    }
  }

  parse(request: AlertWebhookRequest): AlertDelivery {
    const body = request.body;
    if (!isJsonObject(body)) {
      throw new InputError('the body must be a JSON object');
    }
    const resource = header(request.headers, 'sentry-hook-resource');
    if (!resource) {
      throw new InputError(
        'the Sentry-Hook-Resource header is required (issue, event_alert, …)',
      );
    }
    if (resource !== 'issue' && resource !== 'event_alert') {
      return { events: [] };
    }
    const action = requireText(body, 'action', 'action');
    if (resource === 'issue') {
      const event = issueEvent(action, body, request.headers);
      return { events: event ? [event] : [] };
    }
    // Documented as always `triggered`.
    return { events: action === 'triggered' ? [eventAlertEvent(body)] : [] };
  }
}

/**
 * An `issue` delivery. `created` fires the alert at the issue's `firstSeen`;
 * `unresolved` (a regression, an escalation or a person reopening it) fires
 * it again and `resolved` resolves it, both at the delivery's
 * `Sentry-Hook-Timestamp` (when Sentry sent the change; the payload says only
 * when the issue was last seen), else at `lastSeen`. `assigned`, `archived`
 * (`ignored` in older payloads) and any action Sentry adds later change no
 * alert state, so they yield nothing.
 */
function issueEvent(
  action: string,
  body: JsonObject,
  headers: Headers,
): AlertEvent | undefined {
  if (action !== 'created' && action !== 'unresolved' && action !== 'resolved')
    return undefined;

  const data = requireObject(body.data, 'data');
  const issue = requireObject(data.issue, 'data.issue');
  const id = identifier(issue, 'id', 'data.issue.id');
  const project = requireObject(issue.project, 'data.issue.project');
  const slug = requireText(project, 'slug', 'data.issue.project.slug', 512);
  const firstSeen = time(issue, 'firstSeen', 'data.issue.firstSeen');
  const lastSeen = optionalTime(issue, 'lastSeen', 'data.issue.lastSeen');
  const changedAt = hookTimestamp(headers) ?? lastSeen ?? firstSeen;
  const at = action === 'created' ? firstSeen : changedAt;
  const links = uniqueLinks([
    [optionalText(issue, 'web_url', 'data.issue.web_url'), 'Sentry issue'],
    [optionalText(issue, 'permalink', 'data.issue.permalink'), 'Sentry issue'],
  ]);
  const common = {
    source: 'sentry' as const,
    sourceKey: `issue:${id}`,
    monitor: slug,
    title: requireText(issue, 'title', 'data.issue.title'),
    severity: severity(optionalText(issue, 'level', 'data.issue.level')),
    startsAt: firstSeen,
    at,
    labels: { project: slug },
    links,
  };
  if (action !== 'resolved') return { ...common, status: 'firing' };
  const actor = isJsonObject(body.actor) ? body.actor : {};
  return {
    ...common,
    status: 'resolved',
    endsAt: at,
    // Sentry's own auto-resolve and integrations act as `application`.
    resolvedBy: actor.type === 'user' ? 'person' : 'source',
  };
}

/**
 * An `event_alert` delivery: an issue alert rule fired for an event. Keyed by
 * the event's issue, so repeated triggers for one issue are one alert; the
 * monitor is the rule. It starts at the event's `datetime` (the issue's
 * `firstSeen` is not in this payload).
 */
function eventAlertEvent(body: JsonObject): AlertEvent {
  const data = requireObject(body.data, 'data');
  const event = requireObject(data.event, 'data.event');
  const rule = requireText(data, 'triggered_rule', 'data.triggered_rule', 512);
  const issueId = identifier(event, 'issue_id', 'data.event.issue_id');
  const datetime = time(event, 'datetime', 'data.event.datetime');
  const url = requireText(event, 'url', 'data.event.url');
  const slug = EVENT_URL_PROJECT.exec(url)?.[1];
  if (!slug) {
    throw new InputError(
      `data.event.url must be the event's API URL (…/api/0/projects/<organization>/<project>/events/<id>/), which names the project: '${url}'`,
    );
  }
  let project: string;
  try {
    project = decodeURIComponent(slug);
  } catch {
    throw new InputError(
      'data.event.url must name the project in valid percent-encoding',
    );
  }
  const tags = eventTags(event);
  const labels: Record<string, string> = { project };
  for (const key of ['environment', 'release', 'service']) {
    // Sentry sends environment and release as tags; a top-level field is the fallback.
    const value = tags.get(key) ?? event[key];
    if (typeof value === 'string' && value !== '') labels[key] = value;
  }
  return {
    source: 'sentry',
    sourceKey: `issue:${issueId}`,
    monitor: rule,
    title: requireText(event, 'title', 'data.event.title'),
    severity: severity(optionalText(event, 'level', 'data.event.level')),
    status: 'firing',
    startsAt: datetime,
    at: datetime,
    labels,
    links: uniqueLinks([
      [optionalText(event, 'web_url', 'data.event.web_url'), 'Sentry event'],
    ]),
  };
}

/** `data.event.tags`, documented as `[key, value]` pairs; other entries are skipped. */
function eventTags(event: JsonObject): Map<string, string> {
  const tags = new Map<string, string>();
  const raw = event.tags;
  if (raw === undefined || raw === null) return tags;
  if (!Array.isArray(raw)) {
    throw new InputError(
      'data.event.tags must be a list of [key, value] pairs',
    );
  }
  for (const entry of raw) {
    if (
      Array.isArray(entry) &&
      typeof entry[0] === 'string' &&
      typeof entry[1] === 'string' &&
      !tags.has(entry[0])
    ) {
      tags.set(entry[0], entry[1]);
    }
  }
  return tags;
}

function severity(level: string | undefined): Severity {
  const key = level?.toLowerCase();
  // Own keys only: `constructor` or `__proto__` is a level Sentry never sends.
  return key && Object.hasOwn(SEVERITY_BY_LEVEL, key)
    ? SEVERITY_BY_LEVEL[key]
    : 'unknown';
}

/** `Sentry-Hook-Timestamp`: Unix seconds when Sentry sent the delivery. */
function hookTimestamp(headers: Headers): string | undefined {
  const value = header(headers, 'sentry-hook-timestamp');
  if (!value || !/^\d{1,12}$/.test(value)) return undefined;
  const ms = Number(value) * 1000;
  return ms <= LATEST_PAYLOAD_TIME_MS ? new Date(ms).toISOString() : undefined;
}

function uniqueLinks(
  candidates: Array<[string | undefined, string]>,
): Array<{ url: string; title: string }> {
  const links: Array<{ url: string; title: string }> = [];
  for (const [url, title] of candidates) {
    // Sentry's own pages; anything but http(s) is dropped, not the alert.
    if (isHttpUrl(url) && !links.some(link => link.url === url)) {
      links.push({ url, title });
    }
  }
  return links;
}

/** A header by its name in any case (Node lower-cases them); the first of repeated ones. */
function header(headers: Headers, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) {
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

/** Sentry ids are strings of digits; a number is accepted too. */
function identifier(parent: JsonObject, key: string, field: string): string {
  const value = parent[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return String(value);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    if (value.length > 256) {
      throw new InputError(`${field} must be at most 256 characters`);
    }
    return value;
  }
  throw new InputError(`${field} must be a non-empty string`);
}

function time(parent: JsonObject, key: string, field: string): string {
  const value = optionalTime(parent, key, field);
  if (value === undefined) {
    throw new InputError(
      `${field} must be an ISO 8601 time between 1970 and 9999`,
    );
  }
  return value;
}

function optionalTime(
  parent: JsonObject,
  key: string,
  field: string,
): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!(ms >= EARLIEST_PAYLOAD_TIME_MS && ms <= LATEST_PAYLOAD_TIME_MS)) {
    throw new InputError(
      `${field} must be an ISO 8601 time between 1970 and 9999`,
    );
  }
  return new Date(ms).toISOString();
}
