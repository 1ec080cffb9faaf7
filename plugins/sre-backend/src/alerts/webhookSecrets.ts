import type { Config } from '@backstage/config';
import { ALERT_SOURCES, AlertSource } from '@baton/plugin-sre-common';
import type {
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { createHash, timingSafeEqual } from 'crypto';

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The webhook secret of each source from `sre.webhooks.<source>.secret`; a
 * source without one is disabled. Secrets never leave this class.
 */
export class WebhookSecrets {
  readonly #secrets = new Map<AlertSource, string>();
  readonly confirmSnsSubscriptions: boolean;

  constructor(config: Config) {
    const webhooks = config.getOptionalConfig('sre.webhooks');
    for (const source of ALERT_SOURCES) {
      const secret = webhooks?.getOptionalString(`${source}.secret`);
      if (secret) this.#secrets.set(source, secret);
    }
    this.confirmSnsSubscriptions =
      webhooks?.getOptionalBoolean('cloudwatch.confirmSubscriptions') ?? false;
  }

  enabled(source: AlertSource): boolean {
    return this.#secrets.has(source);
  }

  /**
   * Whether the caller knows the source's secret: as `Authorization: Bearer`,
   * as the `token` query parameter (Mackerel and SNS can only call a URL), or
   * through the source's own signature.
   */
  accepts(
    source: AlertSource,
    request: AlertWebhookRequest & { query: Record<string, unknown> },
    receiver: AlertWebhookReceiver,
  ): boolean {
    const secret = this.#secrets.get(source);
    if (!secret) return false;
    const authorization = request.headers.authorization;
    const bearer =
      typeof authorization === 'string'
        ? /^Bearer\s+(.+)$/i.exec(authorization)?.[1]
        : undefined;
    if (bearer !== undefined && secretsEqual(bearer, secret)) return true;
    const token = request.query.token;
    if (typeof token === 'string' && secretsEqual(token, secret)) return true;
    return receiver.verifySignature?.(request, secret) ?? false;
  }
}
