import { InputError } from '@backstage/errors';
import type {
  AlertWebhookReceiver,
  AlertWebhookRequest,
} from '@baton/plugin-sre-node';
import { AlertmanagerReceiver } from './AlertmanagerReceiver';
import firingFixture from './__fixtures__/webhook-firing.json';
import resolvedFixture from './__fixtures__/webhook-resolved.json';

/** A delivery as the backend hands it over: the JSON body, parsed. */
function request(body: unknown): AlertWebhookRequest {
  return {
    rawBody: Buffer.from(
      body === undefined ? 'not json' : JSON.stringify(body),
    ),
    body,
    headers: { 'content-type': 'application/json' },
  };
}

// Deliveries are JSON, so a loosely typed copy is what a test may bend.
type Payload = Record<string, any>;
const firing = (): Payload => structuredClone(firingFixture);
const resolved = (): Payload => structuredClone(resolvedFixture);

const receiver: AlertWebhookReceiver = new AlertmanagerReceiver();
const parse = (body: unknown) => receiver.parse(request(body));

/** Runs parse and returns its InputError, failing the test if there is none. */
function inputError(body: unknown): InputError {
  try {
    parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('parse did not throw');
}

describe('AlertmanagerReceiver', () => {
  it('is the alertmanager source', () => {
    expect(receiver).toBeInstanceOf(AlertmanagerReceiver);
    expect(receiver.source).toBe('alertmanager');
    expect(receiver.verifySignature).toBeUndefined();
  });

  it('maps every field of the firing alerts', () => {
    expect(parse(firing())).toEqual({
      events: [
        {
          source: 'alertmanager',
          sourceKey: '1a30ba71cca2921f@2023-02-06T13:08:45.828Z',
          monitor: 'ProbeFailure',
          title: 'BlackBox Probe Failure: https://server.example.org',
          severity: 'critical',
          status: 'firing',
          startsAt: '2023-02-06T13:08:45.828Z',
          at: '2023-02-06T13:08:45.828Z',
          labels: {
            alertname: 'ProbeFailure',
            instance: 'https://server.example.org',
            job: 'http_checks',
            monitor: 'master',
            severity: 'critical',
          },
          links: [
            {
              url: 'http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1',
              title: 'Source',
            },
            {
              url: 'http://prometheus.example.org:9093',
              title: 'Alertmanager',
            },
          ],
        },
        {
          source: 'alertmanager',
          // The +01:00 start is normalised to UTC, in the key as well.
          sourceKey: '6f2b0c55b1e3d4a7@2023-02-06T12:09:15.828Z',
          monitor: 'ProbeFailure',
          title:
            'Instance https://shop.example.org has been down for over 5m. Job: http_checks',
          severity: 'critical',
          status: 'firing',
          startsAt: '2023-02-06T12:09:15.828Z',
          at: '2023-02-06T12:09:15.828Z',
          labels: {
            alertname: 'ProbeFailure',
            instance: 'https://shop.example.org',
            job: 'http_checks',
            monitor: 'master',
            severity: 'critical',
          },
          links: [
            {
              url: 'http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1',
              title: 'Source',
            },
            {
              url: 'http://prometheus.example.org:9093',
              title: 'Alertmanager',
            },
          ],
          runbookUrl: 'https://runbooks.example.org/probe-failure',
        },
      ],
    });
  });

  it('omits the zero endsAt of firing alerts, and any other endsAt of a firing alert', () => {
    const payload = firing();
    payload.alerts[1].endsAt = '2023-02-06T13:30:00Z';
    const { events } = parse(payload);
    expect(firingFixture.alerts[0].endsAt).toBe('0001-01-01T00:00:00Z');
    expect(events[0]).not.toHaveProperty('endsAt');
    expect(events[1]).not.toHaveProperty('endsAt');
    expect(events[0]).not.toHaveProperty('resolvedBy');
  });

  it('maps a resolved alert to the same key, ended by the source at endsAt', () => {
    const { events } = parse(resolved());
    expect(events).toEqual([
      {
        source: 'alertmanager',
        sourceKey: '1a30ba71cca2921f@2023-02-06T13:08:45.828Z',
        monitor: 'ProbeFailure',
        title: 'BlackBox Probe Failure: https://server.example.org',
        severity: 'critical',
        status: 'resolved',
        startsAt: '2023-02-06T13:08:45.828Z',
        endsAt: '2023-02-06T13:21:45.828Z',
        at: '2023-02-06T13:21:45.828Z',
        resolvedBy: 'source',
        labels: {
          alertname: 'ProbeFailure',
          instance: 'https://server.example.org',
          job: 'http_checks',
          monitor: 'master',
          severity: 'critical',
        },
        links: [
          {
            url: 'http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1',
            title: 'Source',
          },
          { url: 'http://prometheus.example.org:9093', title: 'Alertmanager' },
        ],
      },
    ]);
    expect(events[0].sourceKey).toBe(parse(firing()).events[0].sourceKey);
  });

  it.each([
    ['critical', 'critical'],
    ['page', 'critical'],
    ['error', 'critical'],
    ['Critical', 'critical'],
    ['warning', 'warning'],
    ['warn', 'warning'],
    ['info', 'info'],
    ['informational', 'info'],
    ['none', 'info'],
    ['high', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('maps severity label %j to %s', (label, severity) => {
    const payload = firing();
    if (label === undefined) {
      delete payload.alerts[0].labels.severity;
    } else {
      payload.alerts[0].labels.severity = label;
    }
    expect(parse(payload).events[0].severity).toBe(severity);
  });

  it('titles by summary, then description, then alertname', () => {
    const payload = firing();
    payload.alerts[0].annotations = { summary: '', description: 'Described' };
    payload.alerts[1].annotations = {};
    const [first, second] = parse(payload).events;
    expect(first.title).toBe('Described');
    expect(second.title).toBe('ProbeFailure');

    delete payload.alerts[1].annotations;
    expect(parse(payload).events[1].title).toBe('ProbeFailure');
  });

  it('takes runbook_url from the annotations, else the labels, and only http(s)', () => {
    const payload = firing();
    payload.alerts[0].labels.runbook_url = 'https://runbooks.example.org/label';
    payload.alerts[1].annotations.runbook_url =
      'file:///srv/runbooks/probe-failure.md';
    const [first, second] = parse(payload).events;
    expect(first.runbookUrl).toBe('https://runbooks.example.org/label');
    expect(second).not.toHaveProperty('runbookUrl');
  });

  it('keeps only string labels and only http(s) links', () => {
    const payload = firing();
    payload.alerts[0].labels.replicas = 3;
    payload.alerts[0].generatorURL = '';
    delete payload.externalURL;
    const [event] = parse(payload).events;
    expect(event.labels).not.toHaveProperty('replicas');
    expect(event.links).toEqual([]);
  });

  // eslint-disable-next-line no-script-url -- the link this test keeps out
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'takes a severity label %s for unknown, not for a property of every object',
    severity => {
      const payload = firing();
      payload.alerts[0].labels.severity = severity;
      expect(parse(payload).events[0].severity).toBe('unknown');
    },
  );

  it('drops a javascript: runbook or link rather than the alert', () => {
    const payload = firing();
    payload.alerts[0].annotations.runbook_url =
      // eslint-disable-next-line no-script-url -- the link this test keeps out
      'javascript:alert(document.domain)';
    // eslint-disable-next-line no-script-url -- the link this test keeps out
    payload.alerts[0].generatorURL = 'javascript:alert(1)';
    payload.externalURL = 'data:text/html,<script>alert(1)</script>';
    const [event] = parse(payload).events;
    expect(event).not.toHaveProperty('runbookUrl');
    expect(event.links).toEqual([]);
    expect(event.monitor).toBe('ProbeFailure');
  });

  it('parses what came when max_alerts truncated the group', () => {
    const payload = firing();
    payload.truncatedAlerts = 7;
    payload.alerts = payload.alerts.slice(0, 1);
    expect(parse(payload).events).toHaveLength(1);
  });

  it('accepts a group with no alerts', () => {
    const payload = firing();
    payload.alerts = [];
    expect(parse(payload)).toEqual({ events: [] });
  });

  it.each([
    ['not JSON', undefined],
    ['a JSON array', []],
    ['JSON null', null],
    ['a JSON string', 'firing'],
  ])('refuses a body that is %s', (_, body) => {
    expect(inputError(body).message).toBe('the body must be a JSON object');
  });

  it.each<[string, (payload: Payload) => void, RegExp]>([
    ['no version', p => delete p.version, /^version must be "4"/],
    ['version 3', p => (p.version = '3'), /^version must be "4"/],
    ['a numeric version', p => (p.version = 4), /^version must be "4"/],
    ['no alerts', p => delete p.alerts, /^alerts must be an array/],
    ['alerts as an object', p => (p.alerts = {}), /^alerts must be an array/],
    [
      'an alert that is not an object',
      p => (p.alerts[1] = 'x'),
      /^alerts\[1\] must be an object/,
    ],
    [
      'no status',
      p => delete p.alerts[1].status,
      /^alerts\[1\]\.status must be "firing" or "resolved"/,
    ],
    [
      'status pending',
      p => (p.alerts[0].status = 'pending'),
      /^alerts\[0\]\.status must be/,
    ],
    [
      'no labels',
      p => delete p.alerts[1].labels,
      /^alerts\[1\]\.labels must be an object/,
    ],
    [
      'no alertname',
      p => delete p.alerts[1].labels.alertname,
      /^alerts\[1\]\.labels\.alertname is required/,
    ],
    [
      'an empty alertname',
      p => (p.alerts[0].labels.alertname = ''),
      /^alerts\[0\]\.labels\.alertname is required/,
    ],
    [
      'annotations as a list',
      p => (p.alerts[0].annotations = []),
      /^alerts\[0\]\.annotations must be an object/,
    ],
    [
      'no startsAt',
      p => delete p.alerts[1].startsAt,
      /^alerts\[1\]\.startsAt is required/,
    ],
    [
      'a startsAt that is no time',
      p => (p.alerts[1].startsAt = 'yesterday'),
      /^alerts\[1\]\.startsAt must be an RFC 3339 time/,
    ],
    [
      'a startsAt without a zone',
      p => (p.alerts[1].startsAt = '2023-02-06T13:08:45'),
      /^alerts\[1\]\.startsAt must be an RFC 3339 time/,
    ],
    [
      'a startsAt that is a date only',
      p => (p.alerts[1].startsAt = '2023-02-06'),
      /^alerts\[1\]\.startsAt must be an RFC 3339 time/,
    ],
    [
      'an impossible startsAt',
      p => (p.alerts[1].startsAt = '2023-13-45T99:00:00Z'),
      /^alerts\[1\]\.startsAt must be an RFC 3339 time/,
    ],
    [
      'a startsAt before 1970',
      p => (p.alerts[1].startsAt = '1969-12-31T23:59:59Z'),
      /^alerts\[1\]\.startsAt must be an RFC 3339 time between 1970 and 9999/,
    ],
    [
      'the zero time as startsAt',
      p => (p.alerts[1].startsAt = '0001-01-01T00:00:00Z'),
      /^alerts\[1\]\.startsAt must be an RFC 3339 time between 1970 and 9999/,
    ],
    [
      'an alertname of 10,000 characters',
      p => (p.alerts[0].labels.alertname = 'a'.repeat(10_000)),
      /^alerts\[0\]\.labels\.alertname must be at most 256 characters/,
    ],
    [
      'a fingerprint of 10,000 characters',
      p => (p.alerts[0].fingerprint = 'f'.repeat(10_000)),
      /^alerts\[0\]\.fingerprint must be at most 256 characters/,
    ],
    [
      'no fingerprint',
      p => delete p.alerts[1].fingerprint,
      /^alerts\[1\]\.fingerprint is required/,
    ],
    [
      'an empty fingerprint',
      p => (p.alerts[0].fingerprint = ''),
      /^alerts\[0\]\.fingerprint is required/,
    ],
  ])('refuses a firing delivery with %s', (_, bend, message) => {
    const payload = firing();
    bend(payload);
    expect(inputError(payload).message).toMatch(message);
  });

  it.each<[string, unknown]>([
    ['the zero time', '0001-01-01T00:00:00Z'],
    ['no time', undefined],
    ['garbage', 'soon'],
  ])('refuses a resolved alert whose endsAt is %s', (_, endsAt) => {
    const payload = resolved();
    payload.alerts[0].endsAt = endsAt;
    expect(inputError(payload).message).toMatch(
      /^alerts\[0\]\.endsAt must be an RFC 3339 time for a resolved alert/,
    );
  });
});
