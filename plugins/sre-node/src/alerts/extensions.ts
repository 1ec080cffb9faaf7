import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { AlertItem, AlertSource } from '@baton/plugin-sre-common';

/** An alert event as a receiver normalises it, before it is stored. @public */
export interface AlertEvent
  extends Omit<AlertItem, 'id' | 'noise' | 'acknowledgedBy'> {
  /** Stable key of this event at its source; re-sent events with the same key are stored once. */
  dedupeKey: string;
  acknowledgedBy?: string[];
  /** Link back to the alert at its source. */
  url?: string;
}

/**
 * Turns a webhook delivery of one source into alert events. The backend
 * authenticates the request with the source's secret before calling it.
 * @public
 */
export interface AlertWebhookReceiver {
  readonly source: AlertSource;
  /** Parses a delivery; throws an InputError naming the field when the body is invalid. */
  parse(request: {
    body: unknown;
    rawBody: Buffer;
    headers: Record<string, string | string[] | undefined>;
  }): Promise<AlertEvent[]>;
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
