import type { Config } from '@backstage/config';
import { AuthenticationError, NotFoundError } from '@backstage/errors';
import type {
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { createHash, timingSafeEqual } from 'crypto';

/** How a receiver's deliveries prove their secret: an alert or a change webhook receiver. */
export type WebhookProof = Pick<
  AlertWebhookReceiver,
  'acceptsQueryToken' | 'verifySignature'
>;

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether `given` is any of `secrets`; every one is compared, so the time says nothing about which. */
function anySecretEquals(given: string, secrets: readonly string[]): boolean {
  let equal = false;
  for (const secret of secrets) {
    equal = secretsEqual(given, secret) || equal;
  }
  return equal;
}

/**
 * The secret in the `Authorization` header: a bearer token, or the password
 * of Basic authentication (Amazon SNS sends the user and password of its
 * subscription URL that way; the user name is not checked).
 */
function headerSecret(
  headers: AlertWebhookRequest['headers'],
): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization !== 'string') return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  if (bearer !== undefined) return bearer;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization)?.[1];
  if (basic === undefined) return undefined;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * The webhook secrets of each source from `sre.webhooks.<source>.secret`
 * and `.secrets` (all of them accepted, so a secret can be rotated without
 * losing deliveries), alert and change sources alike; a source without any
 * is disabled. Secrets never leave this class.
 */
export class WebhookSecrets {
  readonly #secrets = new Map<string, string[]>();
  readonly confirmSnsSubscriptions: boolean;

  constructor(config: Config) {
    const webhooks = config.getOptionalConfig('sre.webhooks');
    for (const source of webhooks?.keys() ?? []) {
      const secrets = [
        webhooks?.getOptionalString(`${source}.secret`),
        ...(webhooks?.getOptionalStringArray(`${source}.secrets`) ?? []),
      ].filter((secret): secret is string => Boolean(secret));
      if (secrets.length) this.#secrets.set(source, [...new Set(secrets)]);
    }
    this.confirmSnsSubscriptions =
      webhooks?.getOptionalBoolean('cloudwatch.confirmSubscriptions') ?? false;
  }

  enabled(source: string): boolean {
    return this.#secrets.has(source);
  }

  /**
   * Checks that the caller knows one of the source's secrets: through the
   * source's signature where it has one (then nothing else counts), else in
   * the `Authorization` header (Bearer, or Basic with the secret as the
   * password), or as `?token=` for the sources that can only call a URL.
   * Any other source refuses `?token=` outright, even beside a good header,
   * so a secret in a URL (which proxies and access logs keep) is noticed.
   * Throws a NotFoundError while the source has no secret (it is off), and
   * otherwise an AuthenticationError that never contains a secret.
   */
  authenticate(
    source: string,
    request: Pick<AlertWebhookRequest, 'rawBody' | 'headers'> & {
      queryToken: unknown;
    },
    receiver: WebhookProof,
  ): void {
    const secrets = this.#secrets.get(source);
    if (!secrets) {
      throw new NotFoundError(
        `The ${source} webhook is disabled: set sre.webhooks.${source}.secret`,
      );
    }
    const webhookRequest = { ...request, body: undefined };
    if (request.queryToken !== undefined && !receiver.acceptsQueryToken) {
      throw new AuthenticationError(
        `The ${source} webhook does not take its secret as ?token= (URLs end up in logs): ${how(
          source,
          receiver,
        )}`,
      );
    }
    if (receiver.verifySignature) {
      if (!receiver.verifySignature(webhookRequest, secrets)) {
        throw new AuthenticationError(
          `Wrong or missing signature for the ${source} webhook: ${how(
            source,
            receiver,
          )}`,
        );
      }
      return;
    }
    const given = headerSecret(request.headers);
    if (given !== undefined && anySecretEquals(given, secrets)) return;
    if (
      receiver.acceptsQueryToken &&
      typeof request.queryToken === 'string' &&
      anySecretEquals(request.queryToken, secrets)
    ) {
      return;
    }
    throw new AuthenticationError(
      `Wrong or missing secret for the ${source} webhook: ${how(
        source,
        receiver,
      )}`,
    );
  }
}

/** How a source's deliveries carry the secret, for the 401's message. */
function how(source: string, receiver: WebhookProof): string {
  if (receiver.verifySignature) {
    return `the ${source} webhook takes only the source's signature, made with sre.webhooks.${source}.secret`;
  }
  const header =
    'send the secret as Authorization: Bearer <secret> (or Basic, with the secret as the password)';
  return receiver.acceptsQueryToken
    ? `${header}, or as ?token=<secret> where the source can only call a URL`
    : header;
}
