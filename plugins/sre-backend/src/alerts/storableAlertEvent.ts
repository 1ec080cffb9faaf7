import { isHttpUrl } from '@baton/plugin-sre-common';
import {
  EARLIEST_PAYLOAD_TIME_MS,
  LATEST_PAYLOAD_TIME_MS,
  type AlertEvent,
} from '@baton/plugin-sre-node';

/** Widths of the `sre_alerts` columns (migrations/20261128_alerts.js). */
const MAX_SOURCE_KEY = 512;
const MAX_MONITOR = 512;
const MAX_TITLE = 1024;
/** Width of `sre_alert_events.actor`, which holds who acknowledged. */
const MAX_ACTOR = 255;

/** What ends a text cut to fit its column, so that a reader knows there was more. */
const TRUNCATION_MARKER = '…';

const SEVERITIES = new Set<unknown>(['critical', 'warning', 'info', 'unknown']);

/** PostgreSQL text cannot hold NUL. */
const NUL = '\u0000';

/** Half a surrogate pair: the database stores U+FFFD for it. */
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text as the database gives it back: both databases store a lone
 * surrogate as U+FFFD, and a key must read back as it was written.
 */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The text cut to `max` UTF-16 units with the marker at its end when it is
 * longer — never inside a surrogate pair. Both databases count characters,
 * never more than units, so the result always fits.
 */
function truncatedText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - TRUNCATION_MARKER.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${TRUNCATION_MARKER}`;
}

function storableTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const ms = Date.parse(value);
  return ms >= EARLIEST_PAYLOAD_TIME_MS && ms <= LATEST_PAYLOAD_TIME_MS;
}

/**
 * An event as the alert store can keep it, checked once for every receiver
 * and poller: links and runbook that are not http(s) are dropped (so no
 * source can plant a `javascript:` link), a title longer than its column is
 * cut with a marker (…), text is made well-formed Unicode (as the databases store it), and an
 * event no database could store (a key or monitor too long or
 * with NUL, a severity or status outside its values, a time outside
 * 1970–9999) is a problem that names the field.
 */
export function storableAlertEvent(
  event: AlertEvent,
): { event: AlertEvent; problem?: undefined } | { problem: string } {
  if (typeof event.sourceKey !== 'string' || event.sourceKey === '') {
    return { problem: 'sourceKey must be a non-empty string' };
  }
  if (
    event.sourceKey.length > MAX_SOURCE_KEY ||
    event.sourceKey.includes(NUL)
  ) {
    return {
      problem: `sourceKey must be at most ${MAX_SOURCE_KEY} characters without NUL`,
    };
  }
  if (typeof event.monitor !== 'string' || event.monitor === '') {
    return { problem: 'monitor must be a non-empty string' };
  }
  if (event.monitor.length > MAX_MONITOR || event.monitor.includes(NUL)) {
    return {
      problem: `monitor must be at most ${MAX_MONITOR} characters without NUL`,
    };
  }
  if (!SEVERITIES.has(event.severity)) {
    return { problem: 'severity must be critical, warning, info or unknown' };
  }
  if (event.status !== 'firing' && event.status !== 'resolved') {
    return { problem: 'status must be firing or resolved' };
  }
  if (
    event.resolvedBy !== undefined &&
    event.resolvedBy !== 'source' &&
    event.resolvedBy !== 'person'
  ) {
    return { problem: 'resolvedBy must be source or person' };
  }
  for (const key of ['startsAt', 'endsAt', 'at'] as const) {
    if (
      (key !== 'endsAt' || event.endsAt !== undefined) &&
      !storableTime(event[key])
    ) {
      return { problem: `${key} must be a time between 1970 and 9999` };
    }
  }
  const acknowledgements = event.acknowledgements ?? [];
  const badAck = acknowledgements.findIndex(ack => !storableTime(ack.at));
  if (badAck >= 0) {
    return {
      problem: `acknowledgements[${badAck}].at must be a time between 1970 and 9999`,
    };
  }
  const badActor = acknowledgements.findIndex(
    ack => typeof ack.userRef !== 'string' || ack.userRef.length > MAX_ACTOR,
  );
  if (badActor >= 0) {
    return {
      problem: `acknowledgements[${badActor}].userRef must be a string of at most ${MAX_ACTOR} characters`,
    };
  }
  const title = truncatedText(
    wellFormed(String(event.title ?? '').replaceAll(NUL, '\uFFFD')),
    MAX_TITLE,
  );
  const { runbookUrl, links, ...rest } = event;
  return {
    event: {
      ...rest,
      sourceKey: wellFormed(event.sourceKey),
      monitor: wellFormed(event.monitor),
      title: title || wellFormed(event.monitor),
      links: (links ?? []).filter(link => isHttpUrl(link?.url)),
      ...(isHttpUrl(runbookUrl) ? { runbookUrl } : {}),
    },
  };
}
