import type {
  AlertDelivery,
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { z } from 'zod';
import { parseInput } from '../routing/parseInput';

const isoTime = z
  .string()
  .refine(
    value => !Number.isNaN(Date.parse(value)),
    'must be an ISO 8601 time',
  );

/** Baton's own small webhook format, for anything that can post JSON (README: "generic"). */
const genericPayload = z.object({
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
        startsAt: isoTime,
        endsAt: isoTime.optional(),
        /** When this state was reported; defaults to startsAt (firing) or endsAt (resolved). */
        at: isoTime.optional(),
        labels: z.record(z.string(), z.string()).default({}),
        url: z.string().url().optional(),
        runbookUrl: z.string().url().optional(),
        resolvedBy: z.enum(['source', 'person']).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/**
 * `POST /api/sre/webhooks/generic`: `{ "alerts": [{ key, title, status,
 * startsAt, endsAt?, severity?, monitor?, labels?, url?, runbookUrl? }] }`.
 * `key` identifies the alert instance; re-sending it updates the same alert.
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
    };
  }
}
