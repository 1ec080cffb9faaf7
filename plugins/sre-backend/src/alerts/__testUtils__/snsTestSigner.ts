import { createBackendModule } from '@backstage/backend-plugin-api';
import { CloudWatchReceiver } from '@baton/plugin-sre-backend-module-cloudwatch';
import { sreAlertReceiversExtensionPoint } from '@baton/plugin-sre-node';
import { createSign } from 'crypto';
import { generate } from 'selfsigned';

/** The fields SNS signs, in the documented order ("Verifying the signatures of Amazon SNS messages"). */
const SIGNED: Record<string, string[]> = {
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
};

/**
 * A throw-away key and self-signed certificate standing in for Amazon SNS's:
 * `sign` signs a message as SNS does (the string is built here again, not
 * with the module's code, so a wrong canonical form there fails the tests),
 * and `module` is the CloudWatch receiver module fetching this certificate
 * for every SigningCertURL on an SNS host.
 */
export function snsTestSigner() {
  const { private: privateKey, cert } = generate(
    [{ name: 'commonName', value: 'sns.amazonaws.com' }],
    { days: 2, keySize: 2048, algorithm: 'sha256' },
  );
  return {
    sign(message: Record<string, unknown>, version: '1' | '2' = '2') {
      const signed: Record<string, unknown> = {
        ...message,
        SignatureVersion: version,
      };
      let text = '';
      for (const field of SIGNED[String(message.Type)] ?? []) {
        if (signed[field] === undefined) continue;
        text += `${field}\n${signed[field]}\n`;
      }
      signed.Signature = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256')
        .update(text)
        .sign(privateKey, 'base64');
      return signed;
    },
    module: createBackendModule({
      pluginId: 'sre',
      moduleId: 'cloudwatch-test-certificate',
      register(env) {
        env.registerInit({
          deps: { receivers: sreAlertReceiversExtensionPoint },
          async init({ receivers }) {
            receivers.addAlertReceiver(
              new CloudWatchReceiver({
                fetchCertificate: async url =>
                  url.endsWith('.pem') ? cert : undefined,
              }),
            );
          },
        });
      },
    }),
  };
}
