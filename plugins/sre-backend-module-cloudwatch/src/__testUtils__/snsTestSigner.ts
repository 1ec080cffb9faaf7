import { createSign } from 'crypto';
import { generate } from 'selfsigned';
import { snsStringToSign } from '../SnsMessageVerifier';

/** Where the recorded notifications say their certificate is. */
export const FIXTURE_CERT_URL =
  'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem';
/** Where the recorded subscription confirmation (us-west-2) says it is. */
export const CONFIRMATION_CERT_URL =
  'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem';

/**
 * A throw-away RSA key and self-signed certificate standing in for SNS's, and
 * a fetcher that serves the certificate at the fixtures' SigningCertURL (and
 * at any other URL given).
 */
export function snsTestSigner() {
  const { private: privateKey, cert } = generate(
    [{ name: 'commonName', value: 'sns.amazonaws.com' }],
    { days: 2, keySize: 2048, algorithm: 'sha256' },
  );
  const certificates = new Map<string, string>([
    [FIXTURE_CERT_URL, cert],
    [CONFIRMATION_CERT_URL, cert],
  ]);
  const fetched: string[] = [];
  return {
    certificate: cert,
    certificates,
    /** The URLs the verifier fetched, in order. */
    fetched,
    async fetchCertificate(url: string): Promise<string | undefined> {
      fetched.push(url);
      return certificates.get(url);
    },
    /** The message signed as SNS signs it, with SignatureVersion 1 (SHA1) or 2 (SHA256). */
    sign<T extends Record<string, unknown>>(
      message: T,
      version: '1' | '2' = '1',
    ): T {
      const signed: Record<string, unknown> = {
        ...message,
        SignatureVersion: version,
      };
      signed.Signature = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256')
        .update(snsStringToSign(signed))
        .sign(privateKey, 'base64');
      return signed as T;
    },
  };
}
