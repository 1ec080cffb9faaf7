import { InputError } from '@backstage/errors';
import type { AlertWebhookRequest } from '@baton/plugin-sre-node';
import { createHmac } from 'crypto';
import { SentryReceiver } from './SentryReceiver';
// The payload example of Sentry's "Issues" webhook page,
// https://docs.sentry.io/organizations/integrations/integration-platform/webhooks/issues/
// (getsentry/sentry-docs docs/organization/integrations/integration-platform/webhooks/issues.mdx),
// with `url`, `web_url` and `project_url`, which the page's attribute list
// documents but its example leaves out.
import issueCreated from './__fixtures__/issue-created.json';
// The same example as a person resolving the issue: action `resolved`, issue
// status `resolved`, and a user actor as the "Webhooks" page shows it
// (`{ type: 'user', id, name }`).
import issueResolved from './__fixtures__/issue-resolved.json';
// The payload example of Sentry's "Issue Alerts" webhook page,
// https://docs.sentry.io/organizations/integrations/integration-platform/webhooks/issue-alerts/
// (issue-alerts.mdx), its stack trace shortened to one frame.
import eventAlert from './__fixtures__/event-alert.json';

const SECRET = 'c1ient-secret-of-the-integration';
/** 2019-08-19T21:45:00Z in Unix seconds, as Sentry sends `Sentry-Hook-Timestamp`. */
const HOOK_TIMESTAMP = '1566251100';

const receiver = new SentryReceiver();

function request(
  resource: string | undefined,
  body: unknown,
  headers: Record<string, string | string[] | undefined> = {},
): AlertWebhookRequest {
  const raw = body === undefined ? 'not json' : JSON.stringify(body);
  return {
    rawBody: Buffer.from(raw),
    body,
    headers: {
      'content-type': 'application/json',
      ...(resource ? { 'sentry-hook-resource': resource } : {}),
      ...headers,
    },
  };
}

const parse = (
  resource: string | undefined,
  body: unknown,
  headers?: Record<string, string | string[] | undefined>,
) => receiver.parse(request(resource, body, headers));

/** A deep copy of a fixture with `change` applied. */
function variant<T>(fixture: T, change: (copy: any) => void): T {
  const copy = structuredClone(fixture);
  change(copy);
  return copy;
}

function parseError(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('SentryReceiver', () => {
  it('is the sentry source', () => {
    expect(receiver.source).toBe('sentry');
  });

  describe('issue', () => {
    it('maps a created issue to a firing alert keyed by the issue, starting at firstSeen', () => {
      const delivery = parse('issue', issueCreated, {
        'sentry-hook-timestamp': HOOK_TIMESTAMP,
      });

      expect(delivery).toEqual({
        events: [
          {
            source: 'sentry',
            sourceKey: 'issue:1170820242',
            monitor: 'front-end',
            title: 'ReferenceError: blooopy is not defined',
            severity: 'critical',
            status: 'firing',
            startsAt: '2019-08-19T20:58:37.391Z',
            at: '2019-08-19T20:58:37.391Z',
            labels: { project: 'front-end' },
            links: [
              {
                url: 'https://sentry.io/organizations/test-org/issues/1170820242/',
                title: 'Sentry issue',
              },
            ],
          },
        ],
      });
    });

    it('maps a resolved issue to a resolved alert at the delivery time, by a person when a user resolved it', () => {
      const { events } = parse('issue', issueResolved, {
        'sentry-hook-timestamp': HOOK_TIMESTAMP,
      });

      expect(events).toEqual([
        {
          source: 'sentry',
          sourceKey: 'issue:1170820242',
          monitor: 'front-end',
          title: 'ReferenceError: blooopy is not defined',
          severity: 'critical',
          status: 'resolved',
          startsAt: '2019-08-19T20:58:37.391Z',
          endsAt: '2019-08-19T21:45:00.000Z',
          at: '2019-08-19T21:45:00.000Z',
          resolvedBy: 'person',
          labels: { project: 'front-end' },
          links: [
            {
              url: 'https://sentry.io/organizations/test-org/issues/1170820242/',
              title: 'Sentry issue',
            },
          ],
        },
      ]);
    });

    it('says the source resolved it when Sentry or an integration did', () => {
      const resolvedBySentry = variant(issueResolved, copy => {
        copy.actor = { id: 'sentry', name: 'Sentry', type: 'application' };
      });
      const [event] = parse('issue', resolvedBySentry).events;
      expect(event.resolvedBy).toBe('source');
    });

    it('falls back to lastSeen without a usable Sentry-Hook-Timestamp', () => {
      for (const timestamp of [undefined, 'yesterday', '']) {
        const [event] = parse(
          'issue',
          issueResolved,
          timestamp === undefined ? {} : { 'sentry-hook-timestamp': timestamp },
        ).events;
        expect(event.at).toBe('2019-08-19T21:40:02.118Z');
        expect(event.endsAt).toBe('2019-08-19T21:40:02.118Z');
      }
    });

    it('fires the alert again when the issue is unresolved, at the delivery time', () => {
      const reopened = variant(issueCreated, copy => {
        copy.action = 'unresolved';
        copy.data.issue.substatus = 'regressed';
        copy.data.issue.lastSeen = '2019-08-20T08:00:00.000000Z';
      });

      const [withTimestamp] = parse('issue', reopened, {
        'sentry-hook-timestamp': HOOK_TIMESTAMP,
      }).events;
      const [withoutTimestamp] = parse('issue', reopened).events;

      expect(withTimestamp).toMatchObject({
        sourceKey: 'issue:1170820242',
        status: 'firing',
        startsAt: '2019-08-19T20:58:37.391Z',
        at: '2019-08-19T21:45:00.000Z',
      });
      expect(withTimestamp).not.toHaveProperty('endsAt');
      expect(withoutTimestamp.at).toBe('2019-08-20T08:00:00.000Z');
    });

    it.each(['assigned', 'archived', 'ignored', 'a-future-action'])(
      '%s changes no alert state and yields no events',
      action => {
        const delivery = parse(
          'issue',
          variant(issueCreated, copy => {
            copy.action = action;
          }),
        );
        expect(delivery).toEqual({ events: [] });
      },
    );

    it('links both the web URL and a distinct permalink, and neither when absent', () => {
      const withPermalink = variant(issueCreated, copy => {
        copy.data.issue.permalink =
          'https://test-org.sentry.io/issues/1170820242/';
      });
      expect(parse('issue', withPermalink).events[0].links).toEqual([
        {
          url: 'https://sentry.io/organizations/test-org/issues/1170820242/',
          title: 'Sentry issue',
        },
        {
          url: 'https://test-org.sentry.io/issues/1170820242/',
          title: 'Sentry issue',
        },
      ]);

      const bare = variant(issueCreated, copy => {
        delete copy.data.issue.web_url;
      });
      expect(parse('issue', bare).events[0].links).toEqual([]);
    });

    it.each([
      ['fatal', 'critical'],
      ['error', 'critical'],
      ['warning', 'warning'],
      ['info', 'info'],
      ['debug', 'info'],
      ['sample', 'unknown'],
      [null, 'unknown'],
    ])('maps level %s to severity %s', (level, expected) => {
      const issue = variant(issueCreated, copy => {
        copy.data.issue.level = level;
      });
      expect(parse('issue', issue).events[0].severity).toBe(expected);
    });
  });

  describe('event_alert', () => {
    it('maps a triggered rule to a firing alert keyed by the issue, with the rule as its monitor', () => {
      const delivery = parse('event_alert', eventAlert, {
        'sentry-hook-timestamp': HOOK_TIMESTAMP,
      });

      expect(delivery).toEqual({
        events: [
          {
            source: 'sentry',
            sourceKey: 'issue:1117540176',
            monitor: 'Very Important Alert Rule!',
            title: 'ReferenceError: heck is not defined',
            severity: 'critical',
            status: 'firing',
            startsAt: '2019-08-19T21:06:17.677Z',
            at: '2019-08-19T21:06:17.677Z',
            // The event names its project by number; the slug is in its API URL.
            labels: { project: 'front-end' },
            links: [
              {
                url: 'https://sentry.io/organizations/test-org/issues/1117540176/events/e4874d664c3540c1a32eab185f12c5ab/',
                title: 'Sentry event',
              },
            ],
          },
        ],
      });
    });

    it('labels the environment, release and service tags', () => {
      const tagged = variant(eventAlert, copy => {
        copy.data.event.tags.push(
          ['environment', 'production'],
          ['release', 'checkout@1.4.2'],
          ['service', 'checkout-api'],
          ['service', 'ignored-second-value'],
        );
      });

      expect(parse('event_alert', tagged).events[0].labels).toEqual({
        project: 'front-end',
        environment: 'production',
        release: 'checkout@1.4.2',
        service: 'checkout-api',
      });
    });

    it('takes environment and release from the event fields when there is no such tag', () => {
      const untagged = variant(eventAlert, copy => {
        copy.data.event.environment = 'staging';
        copy.data.event.release = 'front-end@2.0.0';
        delete copy.data.event.tags;
      });

      expect(parse('event_alert', untagged).events[0].labels).toEqual({
        project: 'front-end',
        environment: 'staging',
        release: 'front-end@2.0.0',
      });
    });

    it('keys repeated triggers of one issue alike', () => {
      const later = variant(eventAlert, copy => {
        copy.data.event.event_id = 'f0000000000000000000000000000001';
        copy.data.event.datetime = '2019-08-19T22:00:00.000000Z';
      });
      const keys = [eventAlert, later].map(
        body => parse('event_alert', body).events[0].sourceKey,
      );
      expect(keys).toEqual(['issue:1117540176', 'issue:1117540176']);
    });
  });

  it.each(['metric_alert', 'installation', 'comment', 'error'])(
    'yields no events for the %s resource',
    resource => {
      expect(parse(resource, { action: 'critical', data: {} })).toEqual({
        events: [],
      });
    },
  );

  describe('invalid deliveries name the field', () => {
    it.each([
      [
        'a body that is not JSON',
        'issue',
        undefined,
        /^the body must be a JSON object$/,
      ],
      [
        'a JSON array',
        'issue',
        [issueCreated],
        /^the body must be a JSON object$/,
      ],
      ['a JSON string', 'issue', 'created', /^the body must be a JSON object$/],
      [
        'no Sentry-Hook-Resource header',
        undefined,
        issueCreated,
        /Sentry-Hook-Resource header is required/,
      ],
      [
        'no action',
        'issue',
        variant(issueCreated, c => delete c.action),
        /^action must be a non-empty string$/,
      ],
      [
        'no data',
        'issue',
        variant(issueCreated, c => delete c.data),
        /^data must be an object$/,
      ],
      [
        'no issue',
        'issue',
        variant(issueCreated, c => (c.data.issue = [])),
        /^data\.issue must be an object$/,
      ],
      [
        'no issue id',
        'issue',
        variant(issueCreated, c => delete c.data.issue.id),
        /^data\.issue\.id must be a non-empty string$/,
      ],
      [
        'no project',
        'issue',
        variant(issueCreated, c => delete c.data.issue.project),
        /^data\.issue\.project must be an object$/,
      ],
      [
        'no project slug',
        'issue',
        variant(issueCreated, c => (c.data.issue.project.slug = '')),
        /^data\.issue\.project\.slug must be a non-empty string$/,
      ],
      [
        'no title',
        'issue',
        variant(issueCreated, c => (c.data.issue.title = 7)),
        /^data\.issue\.title must be a non-empty string$/,
      ],
      [
        'a bad firstSeen',
        'issue',
        variant(issueCreated, c => (c.data.issue.firstSeen = 'soon')),
        /^data\.issue\.firstSeen must be an ISO 8601 time between 1970 and 9999$/,
      ],
      [
        'a bad lastSeen',
        'issue',
        variant(issueResolved, c => (c.data.issue.lastSeen = 1566248777)),
        /^data\.issue\.lastSeen must be an ISO 8601 time between 1970 and 9999$/,
      ],
      [
        'a level that is not a string',
        'issue',
        variant(issueCreated, c => (c.data.issue.level = 40)),
        /^data\.issue\.level must be a string$/,
      ],
      [
        'no event',
        'event_alert',
        variant(eventAlert, c => delete c.data.event),
        /^data\.event must be an object$/,
      ],
      [
        'no triggered rule',
        'event_alert',
        variant(eventAlert, c => delete c.data.triggered_rule),
        /^data\.triggered_rule must be a non-empty string$/,
      ],
      [
        'no issue id on the event',
        'event_alert',
        variant(eventAlert, c => (c.data.event.issue_id = null)),
        /^data\.event\.issue_id must be a non-empty string$/,
      ],
      [
        'a bad event datetime',
        'event_alert',
        variant(eventAlert, c => delete c.data.event.datetime),
        /^data\.event\.datetime must be an ISO 8601 time between 1970 and 9999$/,
      ],
      [
        'an event URL without the project',
        'event_alert',
        variant(
          eventAlert,
          c => (c.data.event.url = 'https://sentry.io/api/0/events/e48/'),
        ),
        /^data\.event\.url must be the event's API URL/,
      ],
      [
        'tags that are not a list',
        'event_alert',
        variant(
          eventAlert,
          c => (c.data.event.tags = { environment: 'production' }),
        ),
        /^data\.event\.tags must be a list of \[key, value\] pairs$/,
      ],
    ])('%s', (_name, resource, body, message) => {
      const error = parseError(() => parse(resource, body));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
    });
  });

  describe('verifySignature', () => {
    const sign = (raw: string | Buffer, secret = SECRET) =>
      createHmac('sha256', secret).update(raw).digest('hex');
    /** The body as Sentry sends it (Python's json.dumps: spaces after separators). */
    const raw =
      '{"action": "created", "data": {"issue": {"id": "1170820242"}}}';
    const signed = (
      signature: string | string[] | undefined,
    ): AlertWebhookRequest => ({
      rawBody: Buffer.from(raw),
      body: JSON.parse(raw),
      headers: {
        'sentry-hook-resource': 'issue',
        'sentry-hook-signature': signature,
      },
    });

    it('accepts the HMAC-SHA256 of the raw body with the client secret', () => {
      expect(receiver.verifySignature(signed(sign(raw)), [SECRET])).toBe(true);
      expect(
        receiver.verifySignature(signed(sign(raw).toUpperCase()), [SECRET]),
      ).toBe(true);
      expect(receiver.verifySignature(signed([sign(raw)]), [SECRET])).toBe(
        true,
      );
    });

    it('accepts a body signed with any of the secrets, for rotation', () => {
      const secrets = ['the-old-client-secret', SECRET];
      expect(receiver.verifySignature(signed(sign(raw)), secrets)).toBe(true);
      expect(
        receiver.verifySignature(
          signed(sign(raw, 'the-old-client-secret')),
          secrets,
        ),
      ).toBe(true);
      expect(
        receiver.verifySignature(signed(sign(raw, 'a-third-secret')), secrets),
      ).toBe(false);
      expect(receiver.verifySignature(signed(sign(raw)), [])).toBe(false);
    });

    it('signs the bytes received, not the body serialised again', () => {
      const reserialised = sign(JSON.stringify(JSON.parse(raw)));
      expect(receiver.verifySignature(signed(reserialised), [SECRET])).toBe(
        false,
      );
    });

    it('rejects a signature made with another secret', () => {
      expect(
        receiver.verifySignature(signed(sign(raw, 'another-secret')), [SECRET]),
      ).toBe(false);
    });

    it('rejects a signature of another body', () => {
      expect(receiver.verifySignature(signed(sign(`${raw} `)), [SECRET])).toBe(
        false,
      );
    });

    it('rejects a missing signature', () => {
      expect(receiver.verifySignature(signed(undefined), [SECRET])).toBe(false);
      expect(receiver.verifySignature(signed([]), [SECRET])).toBe(false);
      expect(receiver.verifySignature(signed(''), [SECRET])).toBe(false);
    });

    it('rejects a signature of the wrong length or not in hex, without throwing', () => {
      const good = sign(raw);
      for (const signature of [
        good.slice(0, 62),
        `${good}00`,
        good.slice(0, 32),
        `sha256=${good}`,
        `${good.slice(0, 63)}g`,
      ]) {
        expect(receiver.verifySignature(signed(signature), [SECRET])).toBe(
          false,
        );
      }
    });
  });

  describe('verifyDelivery: replayed deliveries', () => {
    const SENT = Date.parse('2019-08-19T21:45:00Z');
    const at = (ms: number) => new SentryReceiver({ now: () => new Date(ms) });
    const delivery = (timestamp?: string | string[]) =>
      request(
        'issue',
        issueCreated,
        timestamp === undefined ? {} : { 'sentry-hook-timestamp': timestamp },
      );

    it('accepts a delivery sent within five minutes either way', async () => {
      await expect(
        at(SENT).verifyDelivery(delivery(HOOK_TIMESTAMP)),
      ).resolves.toBeUndefined();
      await expect(
        at(SENT + 299_000).verifyDelivery(delivery(HOOK_TIMESTAMP)),
      ).resolves.toBeUndefined();
      await expect(
        at(SENT - 299_000).verifyDelivery(delivery(HOOK_TIMESTAMP)),
      ).resolves.toBeUndefined();
    });

    it('refuses a delivery older than the window with a 401 naming the header', async () => {
      await expect(
        at(SENT + 301_000).verifyDelivery(delivery(HOOK_TIMESTAMP)),
      ).rejects.toMatchObject({
        name: 'AuthenticationError',
        message: expect.stringMatching(
          /^Sentry-Hook-Timestamp is more than 300 s from now/,
        ),
      });
      await expect(
        at(SENT - 301_000).verifyDelivery(delivery(HOOK_TIMESTAMP)),
      ).rejects.toMatchObject({ name: 'AuthenticationError' });
    });

    it('takes the window from its options', async () => {
      const strict = new SentryReceiver({
        timestampToleranceSeconds: 30,
        now: () => new Date(SENT + 31_000),
      });
      await expect(
        strict.verifyDelivery(delivery(HOOK_TIMESTAMP)),
      ).rejects.toMatchObject({ name: 'AuthenticationError' });
    });

    it.each<[string, string | string[] | undefined]>([
      ['missing', undefined],
      ['empty', ''],
      ['ISO 8601', '2019-08-19T21:45:00Z'],
      ['milliseconds with a fraction', '1566251100000.5'],
      ['negative', '-1566251100'],
      ['absurdly long', '9'.repeat(400)],
      ['repeated empty', []],
    ])(
      'refuses a Sentry-Hook-Timestamp that is %s with a 400 naming it',
      async (_, value) => {
        await expect(at(SENT).verifyDelivery(delivery(value))).rejects.toThrow(
          new InputError(
            'the Sentry-Hook-Timestamp header must be the Unix time in seconds when Sentry sent the delivery',
          ),
        );
      },
    );
  });

  describe('bounds on what a delivery may carry', () => {
    it('answers a project slug that is not valid percent-encoding with a 400, not a URIError', () => {
      const body = variant(eventAlert, c => {
        c.data.event.url = c.data.event.url.replace(
          /\/projects\/([^/]+)\/[^/]+\//,
          '/projects/$1/%E0%A4%A/',
        );
      });
      const error = parseError(() => parse('event_alert', body));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/^data\.event\.url must name the project/);
    });

    it.each([
      ['before 1970', '1969-12-31T23:59:59Z'],
      ['after 9999', '+010000-01-01T00:00:00Z'],
    ])('refuses a firstSeen %s, naming it', (_, firstSeen) => {
      const error = parseError(() =>
        parse(
          'issue',
          variant(issueCreated, c => (c.data.issue.firstSeen = firstSeen)),
        ),
      );
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        'data.issue.firstSeen must be an ISO 8601 time between 1970 and 9999',
      );
    });

    it.each(['constructor', '__proto__', 'valueOf'])(
      'takes a level %s for unknown, not for a property of every object',
      level => {
        const [event] = parse(
          'issue',
          variant(issueCreated, c => (c.data.issue.level = level)),
          { 'sentry-hook-timestamp': HOOK_TIMESTAMP },
        ).events;
        expect(event.severity).toBe('unknown');
      },
    );

    it('drops a web_url that is not http(s), keeping the issue', () => {
      const [event] = parse(
        'issue',
        variant(issueCreated, c => {
          // eslint-disable-next-line no-script-url -- the link this test keeps out
          c.data.issue.web_url = 'javascript:alert(document.domain)';
        }),
        { 'sentry-hook-timestamp': HOOK_TIMESTAMP },
      ).events;
      expect(event.links).toEqual([]);
      expect(event.sourceKey).toBe('issue:1170820242');
    });

    it('refuses an issue id of 10,000 characters, naming it', () => {
      const error = parseError(() =>
        parse(
          'issue',
          variant(issueCreated, c => (c.data.issue.id = '1'.repeat(10_000))),
        ),
      );
      expect(error.message).toBe(
        'data.issue.id must be at most 256 characters',
      );
    });
  });
});
