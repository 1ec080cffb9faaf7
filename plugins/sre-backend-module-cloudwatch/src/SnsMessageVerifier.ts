import {
  AuthenticationError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { JsonObject } from '@baton/plugin-sre-node';
import { verify, X509Certificate } from 'crypto';

/**
 * Fetches the PEM certificate at an Amazon SNS `SigningCertURL` (already
 * checked to be https on an SNS host); undefined when there is none there.
 * Throws for a failure worth retrying (network, timeout, 5xx).
 * @public
 */
export type SigningCertificateFetcher = (
  url: string,
) => Promise<string | undefined>;

/** Hosts SNS signs from: `sns.<region>.amazonaws.com`, and `.com.cn` in China. */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

const FETCH_TIMEOUT_MS = 5_000;
/** A signing certificate is about 2 kB. */
const MAX_CERTIFICATE_CHARS = 64 * 1024;
/** SNS signs with a handful of certificates; the cache never grows past this. */
const MAX_CACHED_CERTIFICATES = 50;

/**
 * The fields each message type signs, in the documented order
 * ("Verifying the signatures of Amazon SNS messages"). A Notification signs
 * Subject only when it has one.
 */
const SIGNED_FIELDS = new Map<unknown, string[]>(
  Object.entries({
    Notification: [
      'Message',
      'MessageId',
      'Subject',
      'Timestamp',
      'TopicArn',
      'Type',
    ],
    SubscriptionConfirmation: [
      'Message',
      'MessageId',
      'SubscribeURL',
      'Timestamp',
      'Token',
      'TopicArn',
      'Type',
    ],
    UnsubscribeConfirmation: [
      'Message',
      'MessageId',
      'SubscribeURL',
      'Timestamp',
      'Token',
      'TopicArn',
      'Type',
    ],
  }),
);

const ALGORITHM_BY_VERSION = new Map<unknown, string>([
  ['1', 'sha1'],
  ['2', 'sha256'],
]);

/**
 * Whether a URL is one SNS may sign or confirm from: https, on
 * `sns.<region>.amazonaws.com` (or `.amazonaws.com.cn`), no user, no port.
 * @public
 */
export function isSnsUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    !url.username &&
    !url.password &&
    !url.port &&
    SNS_HOST.test(url.hostname)
  );
}

/**
 * The string SNS signs for a message: `name\nvalue\n` for each signed field
 * of its type, in order. Throws an InputError naming a field that is missing
 * or not a string.
 * @public
 */
export function snsStringToSign(message: JsonObject): string {
  // A Map, so that a Type such as `constructor` is no key of it.
  const fields = SIGNED_FIELDS.get(message.Type);
  if (!fields) {
    throw new InputError(
      'Type must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation',
    );
  }
  let text = '';
  for (const field of fields) {
    const value = message[field];
    if (field === 'Subject' && (value === undefined || value === null)) {
      continue;
    }
    if (typeof value !== 'string') {
      throw new InputError(
        `${field} must be a string: SNS signs it in a ${message.Type}`,
      );
    }
    text += `${field}\n${value}\n`;
  }
  return text;
}

/**
 * Fetches a signing certificate with a time limit, refusing redirects (the
 * URL was checked, where it leads was not).
 * @public
 */
export async function fetchSigningCertificate(
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch {
    throw new ServiceUnavailableError(
      'Fetching the SNS signing certificate failed; SNS will send the message again',
    );
  }
  if (response.status === 403 || response.status === 404) return undefined;
  if (!response.ok) {
    throw new ServiceUnavailableError(
      `Fetching the SNS signing certificate failed with HTTP ${response.status}`,
    );
  }
  const text = await response.text();
  return text.length > MAX_CERTIFICATE_CHARS ? undefined : text;
}

/**
 * Checks Amazon SNS message signatures as AWS documents them: the
 * certificate from `SigningCertURL` (https on an SNS host, a `.pem`, fetched
 * with a time limit and cached), `SignatureVersion` 1 (SHA1withRSA) or 2
 * (SHA256withRSA) over the canonical string of the message's type.
 * @public
 */
export class SnsMessageVerifier {
  readonly #fetch: SigningCertificateFetcher;
  readonly #now: () => Date;
  readonly #certificates = new Map<
    string,
    Promise<X509Certificate | undefined>
  >();

  constructor(
    options: {
      fetchCertificate?: SigningCertificateFetcher;
      now?: () => Date;
    } = {},
  ) {
    this.#fetch =
      options.fetchCertificate ?? (url => fetchSigningCertificate(url));
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Resolves when SNS signed the message; throws an AuthenticationError
   * (401) when it did not or the certificate is not SNS's, an InputError
   * (400) naming a field of the wrong shape, or a ServiceUnavailableError
   * (503) when the certificate cannot be fetched now.
   */
  async verify(message: JsonObject): Promise<void> {
    const stringToSign = snsStringToSign(message);
    const algorithm = ALGORITHM_BY_VERSION.get(message.SignatureVersion);
    if (!algorithm) {
      throw new AuthenticationError(
        'SignatureVersion must be "1" or "2": SNS signs every message',
      );
    }
    const signature = message.Signature;
    if (
      typeof signature !== 'string' ||
      signature === '' ||
      !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)
    ) {
      throw new AuthenticationError(
        'Signature must be the base64 signature SNS puts on every message',
      );
    }
    const certUrl = message.SigningCertURL;
    if (!isSnsUrl(certUrl) || !new URL(certUrl).pathname.endsWith('.pem')) {
      throw new AuthenticationError(
        'SigningCertURL must be an https URL of a .pem file on sns.<region>.amazonaws.com',
      );
    }
    const certificate = await this.#certificate(certUrl);
    if (!certificate) {
      throw new AuthenticationError(
        'SigningCertURL does not lead to a signing certificate',
      );
    }
    const now = this.#now().getTime();
    if (
      now < Date.parse(certificate.validFrom) ||
      now > Date.parse(certificate.validTo)
    ) {
      throw new AuthenticationError(
        'The SNS signing certificate is not valid now',
      );
    }
    let valid = false;
    try {
      valid = verify(
        algorithm,
        Buffer.from(stringToSign, 'utf8'),
        certificate.publicKey,
        Buffer.from(signature, 'base64'),
      );
    } catch {
      valid = false;
    }
    if (!valid) {
      throw new AuthenticationError(
        'The SNS message signature does not match: it was changed or not sent by SNS',
      );
    }
  }

  /** The certificate at a URL, fetched once; a failed fetch is not kept, so the next message tries again. */
  #certificate(url: string): Promise<X509Certificate | undefined> {
    const cached = this.#certificates.get(url);
    if (cached) return cached;
    const pending = this.#fetch(url).then(pem => {
      if (pem === undefined) return undefined;
      try {
        return new X509Certificate(pem);
      } catch {
        return undefined;
      }
    });
    if (this.#certificates.size >= MAX_CACHED_CERTIFICATES) {
      // The oldest entry goes; Maps iterate in insertion order.
      this.#certificates.delete(this.#certificates.keys().next().value!);
    }
    this.#certificates.set(url, pending);
    pending.then(
      certificate => {
        if (!certificate) this.#certificates.delete(url);
      },
      () => this.#certificates.delete(url),
    );
    return pending;
  }
}
