import { isHttpUrl } from '@baton/plugin-sre-common';
import {
  EARLIEST_PAYLOAD_TIME_MS,
  LATEST_PAYLOAD_TIME_MS,
  type AlertDelivery,
  type AlertWebhookReceiver,
  type AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { z } from 'zod';
import { parseInput } from '../routing/parseInput';

/** An ISO 8601 time between 1970 and 9999 (what the alert store keeps). */
const storableIsoTime = z.string().refine(value => {
  const ms = Date.parse(value);
  return ms >= EARLIEST_PAYLOAD_TIME_MS && ms <= LATEST_PAYLOAD_TIME_MS;
}, 'must be an ISO 8601 time between 1970 and 9999');

/** Baton's own format, so a link that is not http(s) is the sender's mistake to fix: 400, not dropped. */
const httpUrl = z.string().refine(isHttpUrl, 'must be an http(s) URL');

/** Baton's own small webhook format, for anything that can post JSON (README: "generic"). */
const genericPayload = z
  .object({
    alerts: z
      .array(
        z.object({
          key: z.string().min(1).max(512),
          monitor: z.string().min(1).max(512).optional(),
          title: z.string().min(1).max(1024),
          severity: z
            .enum(['critical', 'warning', 'info', 'unknown'])
            .default('unknown'),
          status: z.enum(['firing', 'resolved']),
          startsAt: storableIsoTime,
          endsAt: storableIsoTime.optional(),
          /** When this state was reported; defaults to startsAt (firing) or endsAt (resolved). */
          at: storableIsoTime.optional(),
          labels: z.record(z.string(), z.string()).default({}),
          url: httpUrl.optional(),
          runbookUrl: httpUrl.optional(),
          resolvedBy: z.enum(['source', 'person']).optional(),
        }),
      )
      .max(1000)
      .default([]),
    /** Production changes, as `POST /changes` takes them; the changes domain checks each. */
    changes: z.array(z.unknown()).max(1000).optional(),
  })
  .refine(payload => payload.alerts.length > 0 || !!payload.changes?.length, {
    message: 'at least one alert or change',
    path: ['alerts'],
  });

/**
 * `POST /api/sre/webhooks/generic`: `{ "alerts": [{ key, title, status,
 * startsAt, endsAt?, severity?, monitor?, labels?, url?, runbookUrl? }],
 * "changes": [ChangeInput…] }` (either may be left out, not both).
 * `key` identifies the alert instance; re-sending it updates the same alert.
 * A change's `externalId` does the same for changes (source `webhook`).
 */
export class GenericAlertReceiver implements AlertWebhookReceiver {
  readonly source = 'generic' as const;

  parse(request: AlertWebhookRequest): AlertDelivery {
    const payload = parseInput(genericPayload, request.body);
    return {
      events: payload.alerts.map(alert => ({
        source: 'generic',
        sourceKey: alert.key,
        monitor: alert.monitor ?? alert.title,
        title: alert.title,
        severity: alert.severity,
        status: alert.status,
        startsAt: new Date(alert.startsAt).toISOString(),
        ...(alert.endsAt
          ? { endsAt: new Date(alert.endsAt).toISOString() }
          : {}),
        at: new Date(
          alert.at ??
            (alert.status === 'resolved'
              ? alert.endsAt ?? alert.startsAt
              : alert.startsAt),
        ).toISOString(),
        ...(alert.resolvedBy ? { resolvedBy: alert.resolvedBy } : {}),
        labels: alert.labels,
        links: alert.url ? [{ url: alert.url }] : [],
        ...(alert.runbookUrl ? { runbookUrl: alert.runbookUrl } : {}),
      })),
      ...(payload.changes?.length ? { changes: payload.changes } : {}),
    };
  }
}
