import {
  AuthenticationError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import http from 'http';
import type { AddressInfo } from 'net';
import {
  fetchSigningCertificate,
  isSnsUrl,
  snsStringToSign,
  SnsMessageVerifier,
} from './SnsMessageVerifier';
import { FIXTURE_CERT_URL, snsTestSigner } from './__testUtils__/snsTestSigner';
// The module's recorded SNS deliveries, in the shape AWS documents; their
// Signature is AWS's `EXAMPLE…` placeholder, so each test signs them again.
import alarmFixture from './__fixtures__/sns-notification-alarm.json';
import confirmationFixture from './__fixtures__/sns-subscription-confirmation.json';

jest.setTimeout(30_000);

const signer = snsTestSigner();
type Message = Record<string, unknown>;

function verifier(options: { now?: () => Date } = {}) {
  return new SnsMessageVerifier({
    fetchCertificate: url => signer.fetchCertificate(url),
    ...options,
  });
}

async function refusal(
  check: Promise<void>,
): Promise<{ name: string; message: string }> {
  try {
    await check;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the message was accepted');
}

describe('snsStringToSign', () => {
  it('is each signed field of a Notification as name and value lines, in the documented order', () => {
    expect(snsStringToSign(alarmFixture)).toBe(
      [
        'Message',
        alarmFixture.Message,
        'MessageId',
        alarmFixture.MessageId,
        'Subject',
        alarmFixture.Subject,
        'Timestamp',
        alarmFixture.Timestamp,
        'TopicArn',
        alarmFixture.TopicArn,
        'Type',
        'Notification',
        '',
      ].join('\n'),
    );
  });

  it('leaves Subject out of a Notification that has none', () => {
    const { Subject, ...withoutSubject } = alarmFixture;
    expect(Subject).toBeDefined();
    expect(snsStringToSign(withoutSubject)).not.toContain('Subject\n');
  });

  it('signs SubscribeURL and Token of a SubscriptionConfirmation', () => {
    expect(snsStringToSign(confirmationFixture)).toBe(
      [
        'Message',
        confirmationFixture.Message,
        'MessageId',
        confirmationFixture.MessageId,
        'SubscribeURL',
        confirmationFixture.SubscribeURL,
        'Timestamp',
        confirmationFixture.Timestamp,
        'Token',
        confirmationFixture.Token,
        'TopicArn',
        confirmationFixture.TopicArn,
        'Type',
        'SubscriptionConfirmation',
        '',
      ].join('\n'),
    );
  });

  it('names a signed field that is missing or not a string', () => {
    const { MessageId, ...withoutId } = alarmFixture;
    expect(MessageId).toBeDefined();
    expect(() => snsStringToSign(withoutId)).toThrow(
      new InputError(
        'MessageId must be a string: SNS signs it in a Notification',
      ),
    );
    for (const type of ['Other', 'constructor', '__proto__', 42]) {
      expect(() => snsStringToSign({ ...alarmFixture, Type: type })).toThrow(
        new InputError(
          'Type must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation',
        ),
      );
    }
  });
});

describe('isSnsUrl', () => {
  it.each([
    'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem',
    'https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem',
  ])('takes %s', url => expect(isSnsUrl(url)).toBe(true));

  it.each([
    'http://sns.us-east-1.amazonaws.com/x.pem',
    'https://sns.us-east-1.amazonaws.com.evil.example/x.pem',
    'https://evil.example/sns.us-east-1.amazonaws.com/x.pem',
    'https://sns.us-east-1.amazonaws.com:8443/x.pem',
    'https://user:pw@sns.us-east-1.amazonaws.com/x.pem',
    'https://s3.amazonaws.com/x.pem',
    'not a url',
  ])('refuses %s', url => expect(isSnsUrl(url)).toBe(false));
});

describe('SnsMessageVerifier', () => {
  it.each(['1', '2'] as const)(
    'accepts a Notification signed with SignatureVersion %s',
    async version => {
      await expect(
        verifier().verify(signer.sign(alarmFixture, version)),
      ).resolves.toBeUndefined();
    },
  );

  it.each(['1', '2'] as const)(
    'accepts a SubscriptionConfirmation signed with SignatureVersion %s',
    async version => {
      await expect(
        verifier().verify(signer.sign(confirmationFixture, version)),
      ).resolves.toBeUndefined();
    },
  );

  it.each<[string, (message: Message) => void]>([
    ['Message', m => (m.Message = `${m.Message} `)],
    ['Subject', m => (m.Subject = 'OK: nothing to see')],
    ['Timestamp', m => (m.Timestamp = '2015-06-03T17:43:28.456Z')],
    ['TopicArn', m => (m.TopicArn = 'arn:aws:sns:us-east-1:999999999999:x')],
  ])(
    'refuses with a 401 a Notification whose %s was changed',
    async (_, change) => {
      const message: Message = signer.sign(alarmFixture, '2');
      change(message);
      const error = await refusal(verifier().verify(message));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toMatch(/signature does not match/);
    },
  );

  it('refuses a message signed for version 1 but labelled version 2', async () => {
    const message = {
      ...signer.sign(alarmFixture, '1'),
      SignatureVersion: '2',
    };
    expect(await refusal(verifier().verify(message))).toBeInstanceOf(
      AuthenticationError,
    );
  });

  it.each([
    'https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-x.pem',
    'http://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem',
    'https://evil.example/SimpleNotificationService-x.pem',
    'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.txt',
  ])(
    'refuses with a 401, fetching nothing, a certificate at %s',
    async certUrl => {
      // The evil host does serve the right certificate: only the URL decides.
      signer.certificates.set(certUrl, signer.certificate);
      const before = signer.fetched.length;
      const message = {
        ...signer.sign(alarmFixture, '2'),
        SigningCertURL: certUrl,
      };
      const error = await refusal(verifier().verify(message));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toMatch(/^SigningCertURL must be an https URL/);
      expect(signer.fetched.length).toBe(before);
    },
  );

  it('refuses the placeholder signature of AWS’s own example', async () => {
    // Well-formed base64, but not made by this certificate's key.
    const error = await refusal(verifier().verify(alarmFixture));
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it.each<[string, Message]>([
    ['no Signature', { Signature: undefined }],
    ['an empty Signature', { Signature: '' }],
    ['a Signature that is not base64', { Signature: 'not base64!' }],
    ['SignatureVersion 3', { SignatureVersion: '3' }],
    ['SignatureVersion as a number', { SignatureVersion: 2 }],
    ['SignatureVersion constructor', { SignatureVersion: 'constructor' }],
  ])('refuses with a 401 a message with %s', async (_, change) => {
    const message = { ...signer.sign(alarmFixture, '2'), ...change };
    expect(await refusal(verifier().verify(message))).toBeInstanceOf(
      AuthenticationError,
    );
  });

  it('fetches each certificate once, and again after a failed fetch', async () => {
    let failing = true;
    const fetched: string[] = [];
    const cached = new SnsMessageVerifier({
      fetchCertificate: async url => {
        fetched.push(url);
        if (failing) throw new ServiceUnavailableError('SNS is far away');
        return signer.fetchCertificate(url);
      },
    });
    const message = signer.sign(alarmFixture, '2');
    expect(await refusal(cached.verify(message))).toBeInstanceOf(
      ServiceUnavailableError,
    );
    failing = false;
    await cached.verify(message);
    await cached.verify(signer.sign(alarmFixture, '1'));
    expect(fetched).toEqual([FIXTURE_CERT_URL, FIXTURE_CERT_URL]);
  });

  it('refuses with a 401 when the URL holds no certificate', async () => {
    const message = {
      ...signer.sign(alarmFixture, '2'),
      SigningCertURL:
        'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-unknown.pem',
    };
    const error = await refusal(verifier().verify(message));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/SigningCertURL does not lead/);
  });

  it('refuses a certificate past its validity', async () => {
    const later = verifier({
      now: () => new Date(Date.now() + 30 * 86_400_000),
    });
    const error = await refusal(later.verify(signer.sign(alarmFixture, '2')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/not valid now/);
  });
});

describe('fetchSigningCertificate', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/cert.pem') {
        res.end(signer.certificate);
      } else if (req.url === '/slow.pem') {
        // Never answers: the fetch must give up on its own.
      } else if (req.url === '/moved.pem') {
        res.writeHead(302, { location: '/cert.pem' }).end();
      } else if (req.url === '/broken.pem') {
        res.writeHead(500).end();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  it('reads the PEM, and nothing where there is none', async () => {
    await expect(fetchSigningCertificate(`${base}/cert.pem`)).resolves.toBe(
      signer.certificate,
    );
    await expect(
      fetchSigningCertificate(`${base}/gone.pem`),
    ).resolves.toBeUndefined();
  });

  it('gives up after its time limit with a 503, so SNS retries', async () => {
    const started = Date.now();
    await expect(
      fetchSigningCertificate(`${base}/slow.pem`, { timeoutMs: 300 }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('follows no redirect and answers a server error with a 503', async () => {
    await expect(
      fetchSigningCertificate(`${base}/moved.pem`),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(
      fetchSigningCertificate(`${base}/broken.pem`),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
