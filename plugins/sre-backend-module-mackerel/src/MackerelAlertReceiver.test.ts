import { InputError } from '@backstage/errors';
import type { AlertWebhookRequest } from '@baton/plugin-sre-node';
import { MackerelAlertReceiver } from './MackerelAlertReceiver';
// The JSON example of Mackerel's "Webhook notifications" page, verbatim,
// https://mackerel.io/docs/entry/howto/alerts/webhook (mackerelio/documents
// content/docs/entry/howto/alerts/webhook.md): a host alert, still open,
// whose example also carries closedAt. Times are epoch seconds (the page's
// "JSON items (alert information)" table; createdAt alone is milliseconds).
import hostAlert from './__fixtures__/webhook-alert-host.json';
// A closed service-metric alert in the same documented shape, with the
// `service` object of the page's "JSON items (service information)" table.
import serviceAlertClosed from './__fixtures__/webhook-alert-service-closed.json';

const receiver = new MackerelAlertReceiver();
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function parse(body: unknown) {
  const request: AlertWebhookRequest = {
    rawBody: Buffer.from(
      body === undefined ? 'not json' : JSON.stringify(body),
    ),
    body,
    headers: { 'content-type': 'application/json' },
  };
  return receiver.parse(request);
}

/** A deep copy of a fixture with `change` applied. */
function variant<T>(fixture: T, change: (copy: any) => void): T {
  const copy = structuredClone(fixture);
  change(copy);
  return copy;
}

describe('MackerelAlertReceiver', () => {
  it('is the mackerel source, which can only call a URL', () => {
    expect(receiver.source).toBe('mackerel');
    // Mackerel's webhook channel has a URL and nothing else: no header to carry a secret.
    expect(receiver.acceptsQueryToken).toBe(true);
  });

  it('drops an alert url that is not http(s), keeping the alert', () => {
    const [event] = parse(
      variant(
        hostAlert,
        // eslint-disable-next-line no-script-url -- the link this test keeps out
        c => (c.alert.url = 'javascript:alert(document.domain)'),
      ),
    ).events;
    expect(event.links).toEqual([]);
    expect(event.sourceKey).toBe('2bj...');
  });

  it("maps the documented host alert to a firing alert keyed by the alert id, labelled with the host's first role", () => {
    expect(parse(hostAlert)).toEqual({
      events: [
        {
          source: 'mackerel',
          sourceKey: '2bj...',
          monitor: 'MonitorName',
          title: 'MonitorName (app01)',
          severity: 'critical',
          status: 'firing',
          startsAt: iso(1473129912),
          // statusChangedAt; the open alert's closedAt is not used.
          at: iso(1473130092),
          labels: {
            monitor: 'MonitorName',
            service: 'Service',
            role: 'Role',
            host: 'app01',
            org: 'Macker...',
          },
          links: [
            {
              url: 'https://mackerel.io/orgs/.../alerts/2bj...',
              title: 'Mackerel alert',
            },
          ],
        },
      ],
    });
  });

  it('maps a closed service alert to a resolved alert that the source resolved', () => {
    expect(parse(serviceAlertClosed)).toEqual({
      events: [
        {
          source: 'mackerel',
          sourceKey: '4Wm2bJ6Ym9A',
          monitor: 'Hatena-Blog - access_num.4xx_count',
          title: 'Hatena-Blog - access_num.4xx_count (Hatena-Blog)',
          // OK says nothing of how bad it was; the stored severity stays.
          severity: 'unknown',
          status: 'resolved',
          startsAt: '2026-01-01T00:05:00.000Z',
          endsAt: '2026-01-01T00:15:00.000Z',
          at: '2026-01-01T00:15:00.000Z',
          resolvedBy: 'source',
          labels: {
            monitor: 'Hatena-Blog - access_num.4xx_count',
            service: 'Hatena-Blog',
            org: 'example-org',
          },
          links: [
            {
              url: 'https://mackerel.io/orgs/example-org/alerts/4Wm2bJ6Ym9A',
              title: 'Mackerel alert',
            },
          ],
        },
      ],
    });
  });

  it.each([
    ['monitoring', 'source'],
    ['monitor', 'source'],
    ['manual', 'person'],
    ['monitorDelete', 'person'],
    ['hostRetire', 'person'],
  ])('a close triggered by %s was resolved by the %s', (trigger, by) => {
    const closed = variant(serviceAlertClosed, copy => {
      copy.alert.trigger = trigger;
    });
    expect(parse(closed).events[0].resolvedBy).toBe(by);
  });

  it('leaves resolvedBy unset for a trigger it does not know', () => {
    const closed = variant(serviceAlertClosed, copy => {
      copy.alert.trigger = 'somethingNew';
    });
    expect(parse(closed).events[0]).not.toHaveProperty('resolvedBy');
  });

  it('resolves an alert closed while still critical, keeping its severity', () => {
    const closedByHand = variant(hostAlert, copy => {
      copy.alert.isOpen = false;
      copy.alert.trigger = 'manual';
    });
    expect(parse(closedByHand).events[0]).toMatchObject({
      status: 'resolved',
      severity: 'critical',
      endsAt: iso(1473130092),
      resolvedBy: 'person',
    });
  });

  it('resolves an alert whose status is OK even while it is reported open', () => {
    const recovered = variant(hostAlert, copy => {
      copy.alert.status = 'ok';
    });
    expect(parse(recovered).events[0]).toMatchObject({
      status: 'resolved',
      severity: 'unknown',
    });
  });

  it.each([
    ['warning', 'warning'],
    ['WARNING', 'warning'],
    ['critical', 'critical'],
    ['unknown', 'unknown'],
  ])('maps status %s to a firing %s alert', (status, severity) => {
    const alert = variant(hostAlert, copy => {
      copy.alert.status = status;
    });
    expect(parse(alert).events[0]).toMatchObject({
      status: 'firing',
      severity,
    });
  });

  describe('times', () => {
    it('fires at openedAt without statusChangedAt, even when closedAt is set', () => {
      const alert = variant(hostAlert, copy => {
        delete copy.alert.statusChangedAt;
      });
      expect(parse(alert).events[0].at).toBe(iso(1473129912));
    });

    it('resolves at closedAt without statusChangedAt', () => {
      const alert = variant(serviceAlertClosed, copy => {
        delete copy.alert.statusChangedAt;
        copy.alert.closedAt = 1767226800;
      });
      expect(parse(alert).events[0]).toMatchObject({
        at: '2026-01-01T00:20:00.000Z',
        endsAt: '2026-01-01T00:20:00.000Z',
      });
    });

    it('falls back to the deprecated createdAt (milliseconds) without openedAt', () => {
      const alert = variant(hostAlert, copy => {
        delete copy.alert.openedAt;
      });
      expect(parse(alert).events[0].startsAt).toBe(iso(1473129912));
    });
  });

  describe('labels', () => {
    it('takes the service from the service object over host roles', () => {
      const alert = variant(serviceAlertClosed, copy => {
        copy.host = structuredClone(hostAlert.host);
      });
      expect(parse(alert).events[0].labels).toMatchObject({
        service: 'Hatena-Blog',
        role: 'Role',
        host: 'app01',
      });
    });

    it('leaves out labels it has no value for', () => {
      const alert = variant(hostAlert, copy => {
        copy.host.roles = [];
        delete copy.orgName;
        delete copy.alert.url;
      });
      const [event] = parse(alert).events;
      expect(event.labels).toEqual({ monitor: 'MonitorName', host: 'app01' });
      expect(event.links).toEqual([]);
    });

    it('titles an alert with neither host nor service by its monitor', () => {
      const alert = variant(hostAlert, copy => {
        delete copy.host;
      });
      expect(parse(alert).events[0].title).toBe('MonitorName');
    });
  });

  it.each(['hostStatus', 'hostRegister', 'hostRetire', 'alertGroup', 'sample'])(
    'yields no events for the %s event',
    event => {
      expect(
        parse({ orgName: 'example-org', event, host: hostAlert.host }),
      ).toEqual({ events: [] });
    },
  );

  describe('invalid deliveries name the field', () => {
    it.each([
      [
        'a body that is not JSON',
        undefined,
        /^the body must be a JSON object$/,
      ],
      ['a JSON array', [hostAlert], /^the body must be a JSON object$/],
      [
        'no event',
        variant(hostAlert, c => delete c.event),
        /^event must be a non-empty string/,
      ],
      [
        'no alert',
        variant(hostAlert, c => delete c.alert),
        /^alert must be an object$/,
      ],
      [
        'no alert id',
        variant(hostAlert, c => (c.alert.id = '')),
        /^alert\.id must be a non-empty string$/,
      ],
      [
        'a bad status',
        variant(hostAlert, c => (c.alert.status = 'fine')),
        /^alert\.status must be one of ok, warning, critical, unknown$/,
      ],
      [
        'a status that is a property of every object',
        variant(hostAlert, c => (c.alert.status = 'constructor')),
        /^alert\.status must be one of ok, warning, critical, unknown$/,
      ],
      [
        'isOpen as a string',
        variant(hostAlert, c => (c.alert.isOpen = 'true')),
        /^alert\.isOpen must be a boolean$/,
      ],
      [
        'no monitor name',
        variant(hostAlert, c => delete c.alert.monitorName),
        /^alert\.monitorName must be a non-empty string$/,
      ],
      [
        'no opening time',
        variant(hostAlert, c => {
          delete c.alert.openedAt;
          delete c.alert.createdAt;
        }),
        /^alert\.openedAt must be a time in epoch seconds$/,
      ],
      [
        'an ISO openedAt',
        variant(hostAlert, c => (c.alert.openedAt = '2016-09-06T02:45:12Z')),
        /^alert\.openedAt must be a time in epoch seconds between 1970 and 9999$/,
      ],
      [
        'an openedAt past 9999 (milliseconds, or worse)',
        variant(hostAlert, c => (c.alert.openedAt = 1e20)),
        /^alert\.openedAt must be a time in epoch seconds between 1970 and 9999$/,
      ],
      [
        'a createdAt past 9999',
        variant(hostAlert, c => {
          delete c.alert.openedAt;
          c.alert.createdAt = 1e300;
        }),
        /^alert\.createdAt must be a time between 1970 and 9999$/,
      ],
      [
        'an alert id of 10,000 characters',
        variant(hostAlert, c => (c.alert.id = 'x'.repeat(10_000))),
        /^alert\.id must be at most 256 characters$/,
      ],
      [
        'a bad closedAt',
        variant(hostAlert, c => (c.alert.closedAt = 'later')),
        /^alert\.closedAt must be a time in epoch seconds between 1970 and 9999$/,
      ],
      [
        'a bad statusChangedAt',
        variant(hostAlert, c => (c.alert.statusChangedAt = -1)),
        /^alert\.statusChangedAt must be a time in epoch seconds between 1970 and 9999$/,
      ],
      [
        'a host that is not an object',
        variant(hostAlert, c => (c.host = 'app01')),
        /^host must be an object$/,
      ],
      [
        'roles that are not a list',
        variant(hostAlert, c => (c.host.roles = { Service: ['Role'] })),
        /^host\.roles must be a list of roles$/,
      ],
      [
        'a role that is not an object',
        variant(hostAlert, c => (c.host.roles = ['Service:Role'])),
        /^host\.roles\[0\] must be an object$/,
      ],
      [
        'a service name that is not a string',
        variant(serviceAlertClosed, c => (c.service.name = 3)),
        /^service\.name must be a string$/,
      ],
      [
        'an orgName that is not a string',
        variant(hostAlert, c => (c.orgName = {})),
        /^orgName must be a string$/,
      ],
    ])('%s', (_name, body, message) => {
      let error: unknown;
      try {
        parse(body);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
    });
  });
});
