import { InputError } from '@backstage/errors';
import type {
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { CloudWatchReceiver } from './CloudWatchReceiver';
import { snsTestSigner } from './__testUtils__/snsTestSigner';
import alarmFixture from './__fixtures__/sns-notification-alarm.json';
import okFixture from './__fixtures__/sns-notification-ok.json';
import confirmationFixture from './__fixtures__/sns-subscription-confirmation.json';

// Deliveries are JSON, so a loosely typed copy is what a test may bend.
type Payload = Record<string, any>;

/** As SNS posts it: JSON sent as `text/plain`, which the backend leaves unparsed. */
function snsRequest(envelope: unknown): AlertWebhookRequest {
  return {
    rawBody: Buffer.from(
      typeof envelope === 'string' ? envelope : JSON.stringify(envelope),
    ),
    body: undefined,
    headers: { 'content-type': 'text/plain; charset=UTF-8' },
  };
}

/** As it arrives when the subscription's delivery policy sets `application/json`. */
function jsonRequest(envelope: unknown): AlertWebhookRequest {
  return {
    rawBody: Buffer.from(JSON.stringify(envelope)),
    body: envelope,
    headers: { 'content-type': 'application/json' },
  };
}

/** A copy of a notification fixture with its CloudWatch `Message` bent. */
function notification(
  fixture: Payload,
  bend: (alarm: Payload) => void = () => {},
): Payload {
  const envelope = structuredClone(fixture);
  const alarm = JSON.parse(envelope.Message);
  bend(alarm);
  envelope.Message = JSON.stringify(alarm);
  return envelope;
}

const receiver: AlertWebhookReceiver = new CloudWatchReceiver();
const parse = (envelope: unknown) => receiver.parse(snsRequest(envelope));

/** Runs parse and returns its InputError, failing the test if there is none. */
function inputError(request: AlertWebhookRequest): InputError {
  try {
    receiver.parse(request);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('parse did not throw');
}

const ARN = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-1-network-out';
const CONSOLE =
  'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/web-1-network-out';
const LABELS = {
  alarm: 'web-1-network-out',
  region: 'us-east-1',
  account: '123456789012',
  namespace: 'AWS/EC2',
  metric: 'NetworkOut',
  InstanceId: 'i-0123456789abcdef0',
};

describe('CloudWatchReceiver', () => {
  it('is the cloudwatch source', () => {
    expect(receiver).toBeInstanceOf(CloudWatchReceiver);
    expect(receiver.source).toBe('cloudwatch');
    expect(receiver.verifySignature).toBeUndefined();
  });

  it('maps an ALARM notification posted as text/plain to a firing event', () => {
    expect(parse(alarmFixture)).toEqual({
      events: [
        {
          source: 'cloudwatch',
          sourceKey: `${ARN}@2015-06-03T17:43:27.123Z`,
          monitor: ARN,
          title: 'web-1-network-out',
          severity: 'unknown',
          status: 'firing',
          startsAt: '2015-06-03T17:43:27.123Z',
          at: '2015-06-03T17:43:27.123Z',
          labels: LABELS,
          links: [{ url: CONSOLE, title: 'CloudWatch' }],
          runbookUrl: 'https://runbooks.example.com/web-network-out',
        },
      ],
    });
  });

  it('reads a body the backend already parsed as JSON the same way', () => {
    expect(receiver.parse(jsonRequest(alarmFixture))).toEqual(
      parse(alarmFixture),
    );
  });

  it('maps an OK notification to a resolution of the open alert (matchOpen)', () => {
    expect(parse(okFixture)).toEqual({
      events: [
        {
          source: 'cloudwatch',
          sourceKey: `${ARN}@2015-06-03T18:02:27.123Z`,
          monitor: ARN,
          title: 'web-1-network-out',
          severity: 'unknown',
          status: 'resolved',
          startsAt: '2015-06-03T18:02:27.123Z',
          endsAt: '2015-06-03T18:02:27.123Z',
          at: '2015-06-03T18:02:27.123Z',
          resolvedBy: 'source',
          matchOpen: true,
          labels: LABELS,
          links: [{ url: CONSOLE, title: 'CloudWatch' }],
          runbookUrl: 'https://runbooks.example.com/web-network-out',
        },
      ],
    });
  });

  it('stores nothing for INSUFFICIENT_DATA', () => {
    const envelope = notification(alarmFixture, alarm => {
      alarm.NewStateValue = 'INSUFFICIENT_DATA';
    });
    expect(parse(envelope)).toEqual({ events: [] });
  });

  it('hands over the SubscribeURL of a subscription confirmation', () => {
    expect(parse(confirmationFixture)).toEqual({
      events: [],
      subscribeUrl: confirmationFixture.SubscribeURL,
    });
  });

  it('hands over a SubscribeURL in the China regions', () => {
    const url =
      'https://sns.cn-north-1.amazonaws.com.cn/?Action=ConfirmSubscription&TopicArn=arn:aws-cn:sns:cn-north-1:123456789012:MyTopic&Token=2336412f';
    expect(parse({ ...confirmationFixture, SubscribeURL: url })).toEqual({
      events: [],
      subscribeUrl: url,
    });
  });

  it('links no console page for an alarm name with half a surrogate pair, keeping the alarm', () => {
    const [event] = parse(
      notification(alarmFixture, alarm => {
        alarm.AlarmName = 'web-\ud800';
      }),
    ).events;
    expect(event.links).toEqual([]);
    expect(event.title).toBe('web-\ud800');
  });

  it('takes no runbook from a description whose URL does not parse', () => {
    const [event] = parse(
      notification(alarmFixture, alarm => {
        alarm.AlarmDescription = 'Runbook: http://[not-an-address/runbook';
      }),
    ).events;
    expect(event).not.toHaveProperty('runbookUrl');
  });

  describe('verifyDelivery: the SNS signature', () => {
    const signer = snsTestSigner();
    const signed = new CloudWatchReceiver({
      fetchCertificate: url => signer.fetchCertificate(url),
    });

    it('accepts a notification SNS signed, posted as text/plain', async () => {
      await expect(
        signed.verifyDelivery(snsRequest(signer.sign(alarmFixture, '2'))),
      ).resolves.toBeUndefined();
    });

    it('refuses with a 401 the recorded notification, whose signature is a placeholder', async () => {
      await expect(
        signed.verifyDelivery(snsRequest(alarmFixture)),
      ).rejects.toMatchObject({ name: 'AuthenticationError' });
    });

    it('refuses with a 401 a signed notification whose alarm was changed', async () => {
      const envelope = notification(signer.sign(alarmFixture, '1'), alarm => {
        alarm.NewStateValue = 'OK';
      });
      await expect(
        signed.verifyDelivery(snsRequest(envelope)),
      ).rejects.toMatchObject({ name: 'AuthenticationError' });
    });

    it('refuses a body that is not an SNS message with a 400', async () => {
      await expect(
        signed.verifyDelivery(snsRequest('not json')),
      ).rejects.toBeInstanceOf(InputError);
    });
  });

  it('takes an unsubscribe confirmation without events', () => {
    const envelope = {
      ...confirmationFixture,
      Type: 'UnsubscribeConfirmation',
    };
    expect(parse(envelope)).toEqual({ events: [] });
  });

  it.each([
    ['missing', undefined],
    ['not a URL', 'sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription'],
    ['http', 'http://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription'],
    [
      'another host',
      'https://attacker.example.com/?Action=ConfirmSubscription',
    ],
    ['a look-alike host', 'https://sns.us-west-2.amazonaws.com.example.com/'],
    ['another AWS service', 'https://my-bucket.s3.amazonaws.com/confirm'],
    ['credentials', 'https://user:pw@sns.us-west-2.amazonaws.com/'],
    ['a port', 'https://sns.us-west-2.amazonaws.com:8443/'],
  ])('refuses a SubscribeURL that is %s', (_, url) => {
    const envelope: Payload = structuredClone(confirmationFixture);
    envelope.SubscribeURL = url;
    expect(inputError(snsRequest(envelope)).message).toMatch(/^SubscribeURL /);
  });

  it.each([
    ['unknown', 'Alarm'],
    ['missing', undefined],
  ])('refuses a Type that is %s', (_, type) => {
    const envelope: Payload = structuredClone(alarmFixture);
    envelope.Type = type;
    expect(inputError(snsRequest(envelope)).message).toMatch(/^Type must be/);
  });

  it.each([
    ['not JSON', 'ALARM: web-1-network-out'],
    ['a JSON array', '[]'],
    ['empty', ''],
  ])('refuses a body that is %s', (_, raw) => {
    expect(inputError(snsRequest(raw)).message).toBe(
      'the body must be a JSON object',
    );
  });

  it.each([
    ['not JSON', 'web-1-network-out is in ALARM'],
    ['a JSON string', '"ALARM"'],
    ['missing', undefined],
  ])('refuses a Message that is %s', (_, message) => {
    const envelope: Payload = structuredClone(alarmFixture);
    envelope.Message = message;
    expect(inputError(snsRequest(envelope)).message).toMatch(
      /^Message must be the JSON of a CloudWatch alarm notification/,
    );
  });

  it.each<[string, (alarm: Payload) => void, RegExp]>([
    [
      'no AlarmName',
      a => delete a.AlarmName,
      /^Message\.AlarmName is required/,
    ],
    [
      'an empty AlarmName',
      a => (a.AlarmName = ''),
      /^Message\.AlarmName is required/,
    ],
    [
      'no AlarmArn',
      a => delete a.AlarmArn,
      /^Message\.AlarmArn must be a CloudWatch alarm ARN/,
    ],
    [
      'an SNS topic as AlarmArn',
      a => (a.AlarmArn = 'arn:aws:sns:us-east-1:123456789012:baton-alarms'),
      /^Message\.AlarmArn must be a CloudWatch alarm ARN/,
    ],
    [
      'no NewStateValue',
      a => delete a.NewStateValue,
      /^Message\.NewStateValue must be ALARM, OK or INSUFFICIENT_DATA/,
    ],
    [
      'NewStateValue alarm',
      a => (a.NewStateValue = 'alarm'),
      /^Message\.NewStateValue must be/,
    ],
    [
      'no StateChangeTime',
      a => delete a.StateChangeTime,
      /^Message\.StateChangeTime must be an ISO 8601 time/,
    ],
    [
      'a StateChangeTime that is no time',
      a => (a.StateChangeTime = 'now'),
      /^Message\.StateChangeTime must be/,
    ],
    [
      'a StateChangeTime without a zone',
      a => (a.StateChangeTime = '2015-06-03T17:43:27.123'),
      /^Message\.StateChangeTime must be/,
    ],
    [
      'a StateChangeTime before 1970',
      a => (a.StateChangeTime = '0001-01-01T00:00:00.000+0000'),
      /^Message\.StateChangeTime must be an ISO 8601 time between 1970 and 9999/,
    ],
    [
      'an AlarmName of 256 characters',
      a => (a.AlarmName = 'n'.repeat(256)),
      /^Message\.AlarmName must be at most 255 characters/,
    ],
    [
      'an AlarmArn of 10,000 characters',
      a => (a.AlarmArn = `${a.AlarmArn}${'x'.repeat(10_000)}`),
      /^Message\.AlarmArn must be at most 400 characters/,
    ],
    [
      'an impossible StateChangeTime',
      a => (a.StateChangeTime = '2015-13-03T17:43:27.123+0000'),
      /^Message\.StateChangeTime must be/,
    ],
  ])('refuses a Message with %s', (_, bend, message) => {
    expect(
      inputError(snsRequest(notification(alarmFixture, bend))).message,
    ).toMatch(message);
  });

  it.each<[string, string | null, string]>([
    ['checkout-5xx-critical', null, 'critical'],
    ['[CRIT] checkout 5xx', null, 'critical'],
    ['checkout_5xx_warning', null, 'warning'],
    ['checkout 5xx (warn)', 'Critical when it lasts an hour', 'warning'],
    ['checkout-5xx', 'Warning: checkout returns 5xx', 'warning'],
    ['checkout-5xx-info', null, 'info'],
    ['checkout-5xx', 'Page the on-call', 'unknown'],
    ['criticality-score-low', 'warnings in the log', 'unknown'],
  ])(
    'reads severity from name %j and description %j as %s',
    (name, description, severity) => {
      const envelope = notification(alarmFixture, alarm => {
        alarm.AlarmName = name;
        alarm.AlarmDescription = description;
      });
      const [event] = parse(envelope).events;
      expect(event.severity).toBe(severity);
      expect(event.title).toBe(name);
      expect(event).not.toHaveProperty('runbookUrl');
    },
  );

  it.each([
    ['a display name', 'US East (N. Virginia)'],
    ['an older display name', 'US - N. Virginia'],
    ['a code', 'us-east-1'],
    ['missing', undefined],
  ])('takes the region from the ARN when Region is %s', (_, region) => {
    const envelope = notification(alarmFixture, alarm => {
      alarm.Region = region;
    });
    const [event] = parse(envelope).events;
    expect(event.labels.region).toBe('us-east-1');
    expect(event.links).toEqual([{ url: CONSOLE, title: 'CloudWatch' }]);
  });

  it('links to the console of the alarm region and partition', () => {
    const tokyo = notification(alarmFixture, alarm => {
      alarm.AlarmName = 'api p99 > 1s';
      alarm.AlarmArn =
        'arn:aws:cloudwatch:ap-northeast-1:123456789012:alarm:api p99 > 1s';
    });
    expect(parse(tokyo).events[0].links).toEqual([
      {
        url: 'https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#alarmsV2:alarm/api%20p99%20%3E%201s',
        title: 'CloudWatch',
      },
    ]);
    const beijing = notification(alarmFixture, alarm => {
      alarm.AlarmArn =
        'arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:web-1-network-out';
    });
    expect(parse(beijing).events[0].links).toEqual([
      {
        url: 'https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#alarmsV2:alarm/web-1-network-out',
        title: 'CloudWatch',
      },
    ]);
  });

  it('labels every dimension, and the fixed labels win over a dimension of the same name', () => {
    const envelope = notification(alarmFixture, alarm => {
      alarm.Trigger.Dimensions = [
        { value: 'checkout', name: 'ServiceName' },
        { value: 'prod', name: 'ClusterName' },
        { value: 'not-the-alarm', name: 'alarm' },
        { value: 3, name: 'Shard' },
      ];
    });
    expect(parse(envelope).events[0].labels).toEqual({
      alarm: 'web-1-network-out',
      region: 'us-east-1',
      account: '123456789012',
      namespace: 'AWS/EC2',
      metric: 'NetworkOut',
      ServiceName: 'checkout',
      ClusterName: 'prod',
    });
  });

  it('labels the first metric of a metric-math alarm', () => {
    const envelope = notification(alarmFixture, alarm => {
      // The shape of the multiple-metrics payload in aws-lambda-go's test data.
      alarm.Trigger = {
        Period: 60,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0.0,
        Metrics: [
          {
            Expression: 'm1*1',
            Id: 'e1',
            Label: 'Expression1',
            ReturnData: true,
          },
          {
            Id: 'm1',
            MetricStat: {
              Metric: {
                Dimensions: [{ value: 'TestInstance', name: 'InstanceId' }],
                MetricName: 'NetworkOut',
                Namespace: 'AWS/EC2',
              },
              Period: 60,
              Stat: 'Average',
            },
            ReturnData: false,
          },
        ],
      };
    });
    expect(parse(envelope).events[0].labels).toEqual({
      ...LABELS,
      InstanceId: 'TestInstance',
    });
  });

  it('labels only the alarm when there is no Trigger, and the account from the ARN', () => {
    const envelope = notification(alarmFixture, alarm => {
      delete alarm.Trigger;
      delete alarm.AWSAccountId;
      alarm.AlarmDescription = null;
    });
    const [event] = parse(envelope).events;
    expect(event.labels).toEqual({
      alarm: 'web-1-network-out',
      region: 'us-east-1',
      account: '123456789012',
    });
    expect(event).not.toHaveProperty('runbookUrl');
  });
});
