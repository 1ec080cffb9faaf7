import {
  EARLIEST_PAYLOAD_TIME_MS,
  isJsonObject,
  LATEST_PAYLOAD_TIME_MS,
  nonEmptyString,
  type JsonObject,
} from '@baton/plugin-sre-node';
import { InputError } from '@backstage/errors';
import { isHttpUrl, type AlertSeverity } from '@baton/plugin-sre-common';
import type {
  AlertDelivery,
  AlertEvent,
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import {
  isSnsUrl,
  SnsMessageVerifier,
  type SigningCertificateFetcher,
} from './SnsMessageVerifier';

/** `arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>` */
const ALARM_ARN =
  /^arn:(aws[a-z-]*):cloudwatch:([a-z0-9-]+):(\d{12}):alarm:(.+)$/;

/** CloudWatch's own limit on alarm names. */
const MAX_ALARM_NAME = 255;
const MAX_ALARM_ARN = 400;

/** ISO 8601 with a zone; CloudWatch writes `2015-06-03T17:43:27.123+0000`. */
const ISO_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Words in an alarm's name or description that say how bad it is; CloudWatch has no severity. */
const SEVERITY_WORDS: Array<[AlertSeverity, string[]]> = [
  ['critical', ['critical', 'crit']],
  ['warning', ['warning', 'warn']],
  ['info', ['info']],
];

/** The first severity word of the text, by rank; undefined when it names none. */
function severityIn(text: string | undefined): AlertSeverity | undefined {
  const words = new Set((text ?? '').toLowerCase().split(/[^a-z0-9]+/));
  return SEVERITY_WORDS.find(([, names]) => names.some(n => words.has(n)))?.[0];
}

/**
 * The alarm's severity from a word in its name (`…-critical`, `[warn] …`),
 * else in its description, else `unknown`.
 */
function alarmSeverity(name: string, description?: string): AlertSeverity {
  return severityIn(name) ?? severityIn(description) ?? 'unknown';
}

/** The first http(s) URL in the description, taken as the alarm's runbook. */
function runbookIn(description: string | undefined): string | undefined {
  const match = description?.match(/https?:\/\/[^\s"'<>)\]]+/);
  const url = match?.[0].replace(/[.,;:!?]+$/, '');
  return isHttpUrl(url) ? url : undefined;
}

/** The alarm's page in the CloudWatch console of its partition and region. */
function consoleUrl(
  partition: string,
  region: string,
  name: string,
): string | undefined {
  const host = {
    aws: `${region}.console.aws.amazon.com`,
    'aws-cn': 'console.amazonaws.cn',
    'aws-us-gov': 'console.amazonaws-us-gov.com',
  }[partition];
  if (!host) return undefined;
  try {
    return `https://${host}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(
      name,
    )}`;
  } catch {
    // Half a surrogate pair has no URL encoding: no link rather than no alert.
    return undefined;
  }
}

/** The metric the alarm watches: `Trigger` itself, or a metric-math alarm's first metric. */
function watchedMetric(trigger: unknown): JsonObject | undefined {
  if (!isJsonObject(trigger)) {
    return undefined;
  }
  if (trigger.MetricName !== undefined || !Array.isArray(trigger.Metrics)) {
    return trigger;
  }
  for (const metric of trigger.Metrics) {
    if (isJsonObject(metric) && isJsonObject(metric.MetricStat)) {
      const stat = metric.MetricStat;
      if (isJsonObject(stat.Metric)) {
        return stat.Metric;
      }
    }
  }
  return undefined;
}

function metricLabels(trigger: unknown): Record<string, string> {
  const metric = watchedMetric(trigger);
  const labels: Record<string, string> = {};
  if (!metric) {
    return labels;
  }
  if (Array.isArray(metric.Dimensions)) {
    for (const dimension of metric.Dimensions) {
      if (
        isJsonObject(dimension) &&
        nonEmptyString(dimension.name) &&
        typeof dimension.value === 'string'
      ) {
        labels[dimension.name as string] = dimension.value;
      }
    }
  }
  const namespace = nonEmptyString(metric.Namespace);
  const name = nonEmptyString(metric.MetricName);
  return {
    ...labels,
    ...(namespace ? { namespace } : {}),
    ...(name ? { metric: name } : {}),
  };
}

/**
 * Receives Amazon CloudWatch alarm state changes that Amazon SNS delivers to
 * an HTTPS subscription: `ALARM` fires, `OK` resolves the alarm's open
 * alert, `INSUFFICIENT_DATA` is ignored.
 *
 * @public
 */
export class CloudWatchReceiver implements AlertWebhookReceiver {
  readonly source = 'cloudwatch' as const;
  readonly #verifier: SnsMessageVerifier;

  constructor(
    options: {
      /** Fetches SNS signing certificates; by default over https with a time limit. */
      fetchCertificate?: SigningCertificateFetcher;
      now?: () => Date;
    } = {},
  ) {
    this.#verifier = new SnsMessageVerifier(options);
  }

  /**
   * SNS signs every message it delivers; the signature is required on top of
   * the shared secret, which still is: anyone can have SNS deliver their own
   * topic's validly signed messages to this URL.
   */
  async verifyDelivery(request: AlertWebhookRequest): Promise<void> {
    await this.#verifier.verify(snsEnvelope(request));
  }

  parse(request: AlertWebhookRequest): AlertDelivery {
    const envelope = snsEnvelope(request);
    switch (envelope.Type) {
      case 'SubscriptionConfirmation':
        return {
          events: [],
          subscribeUrl: subscribeUrl(envelope.SubscribeURL),
        };
      case 'UnsubscribeConfirmation':
        return { events: [] };
      case 'Notification':
        return { events: alarmEvents(envelope.Message) };
      default:
        throw new InputError(
          'Type must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation',
        );
    }
  }
}

/** SNS posts JSON as `text/plain`, so the backend may not have parsed it. */
function snsEnvelope(request: AlertWebhookRequest): JsonObject {
  let body = request.body;
  if (body === undefined) {
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      body = undefined;
    }
  }
  if (!isJsonObject(body)) {
    throw new InputError('the body must be a JSON object');
  }
  return body;
}

function subscribeUrl(value: unknown): string {
  if (!isSnsUrl(value)) {
    throw new InputError(
      'SubscribeURL must be an https URL on sns.<region>.amazonaws.com',
    );
  }
  return value;
}

function alarmEvents(message: unknown): AlertEvent[] {
  let alarm: unknown;
  try {
    alarm = typeof message === 'string' ? JSON.parse(message) : undefined;
  } catch {
    alarm = undefined;
  }
  if (!isJsonObject(alarm)) {
    throw new InputError(
      'Message must be the JSON of a CloudWatch alarm notification',
    );
  }

  const name = nonEmptyString(alarm.AlarmName);
  if (!name) {
    throw new InputError('Message.AlarmName is required');
  }
  if (name.length > MAX_ALARM_NAME) {
    throw new InputError(
      `Message.AlarmName must be at most ${MAX_ALARM_NAME} characters`,
    );
  }
  const arn =
    typeof alarm.AlarmArn === 'string' ? ALARM_ARN.exec(alarm.AlarmArn) : null;
  if (!arn) {
    throw new InputError(
      'Message.AlarmArn must be a CloudWatch alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>)',
    );
  }
  const [alarmArn, partition, region, arnAccount] = arn;
  // Alarm names are at most 255 characters, so a real ARN is far shorter.
  if (alarmArn.length > MAX_ALARM_ARN) {
    throw new InputError(
      `Message.AlarmArn must be at most ${MAX_ALARM_ARN} characters`,
    );
  }
  const state = alarm.NewStateValue;
  if (state !== 'ALARM' && state !== 'OK' && state !== 'INSUFFICIENT_DATA') {
    throw new InputError(
      'Message.NewStateValue must be ALARM, OK or INSUFFICIENT_DATA',
    );
  }
  const changedAt =
    typeof alarm.StateChangeTime === 'string' &&
    ISO_TIME.test(alarm.StateChangeTime)
      ? new Date(alarm.StateChangeTime)
      : undefined;
  if (
    !changedAt ||
    !(
      changedAt.getTime() >= EARLIEST_PAYLOAD_TIME_MS &&
      changedAt.getTime() <= LATEST_PAYLOAD_TIME_MS
    )
  ) {
    throw new InputError(
      'Message.StateChangeTime must be an ISO 8601 time between 1970 and 9999',
    );
  }
  // Missing data says nothing about the service; OK or ALARM follow when data returns.
  if (state === 'INSUFFICIENT_DATA') {
    return [];
  }

  const at = changedAt.toISOString();
  const description = nonEmptyString(alarm.AlarmDescription);
  const link = consoleUrl(partition, region, name);
  const runbookUrl = runbookIn(description);
  const event: AlertEvent = {
    source: 'cloudwatch',
    sourceKey: `${alarmArn}@${at}`,
    monitor: alarmArn,
    title: name,
    severity: alarmSeverity(name, description),
    status: 'firing',
    startsAt: at,
    at,
    // The fixed labels win over a dimension of the same name.
    labels: {
      ...metricLabels(alarm.Trigger),
      alarm: name,
      // `Region` is a display name ("US East (N. Virginia)"); the ARN has the code.
      region,
      account: nonEmptyString(alarm.AWSAccountId) ?? arnAccount,
    },
    links: link ? [{ url: link, title: 'CloudWatch' }] : [],
    ...(runbookUrl ? { runbookUrl } : {}),
  };
  if (state === 'ALARM') {
    return [event];
  }
  // OK does not say when the alarm fired: the backend closes the alarm's open alert.
  return [
    {
      ...event,
      status: 'resolved',
      endsAt: at,
      resolvedBy: 'source',
      matchOpen: true,
    },
  ];
}
