import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MackerelAlertPoller } from './MackerelAlertPoller';
import { MackerelAlertReceiver } from './MackerelAlertReceiver';
// Pages of `GET /api/v0/alerts?withClosed=true` in the shape of Mackerel's
// API reference, https://mackerel.io/api-docs/entry/alerts#list
// (`{ "alerts": [<alert>…], "nextId": … }`, newest first; an alert has id,
// status in capitals, monitorId, type, hostId?, value?, message?, reason?,
// openedAt and closedAt? in Unix seconds). Times are around T0 below.
import alertsPage1 from './__fixtures__/api-alerts-page1.json';
import alertsPage2 from './__fixtures__/api-alerts-page2.json';
// The response example of https://mackerel.io/api-docs/entry/monitors#list,
// verbatim (its connectivity monitor has no name).
import monitors from './__fixtures__/api-monitors.json';
// `GET /api/v0/hosts/<hostId>` in the shape of
// https://mackerel.io/api-docs/entry/hosts#get: `roles` maps service names
// to role names.
import hostApp01 from './__fixtures__/api-host-app01.json';
import hostDb01 from './__fixtures__/api-host-db01.json';
// `GET /api/v0/org`, https://mackerel.io/api-docs/entry/organizations#get.
import org from './__fixtures__/api-org.json';
// The webhook delivery of the closed service alert that page 1 also lists.
import serviceAlertClosed from './__fixtures__/webhook-alert-service-closed.json';

const server = setupServer();
registerMswTestHooks(server);

const API = 'https://api.mackerelio.com';
const KCPS = 'https://kcps-mackerel.test';
const KEY = 'mk-main-0123456789abcdef';
const T0 = 1767225600; // 2026-01-01T00:00:00Z
const SINCE = new Date(T0 * 1000);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

interface RecordedRequest {
  path: string;
  query: Record<string, string>;
  apiKey: string | null;
}

type Answer = (url: URL) => Response | Promise<Response>;

/** Answers like a Mackerel organization holding the fixtures; `answers` replace answers by path. */
function mackerel(
  answers: Record<string, Answer> = {},
  origin = API,
): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const defaults: Record<string, Answer> = {
    '/api/v0/alerts': url => {
      const nextId = url.searchParams.get('nextId');
      if (nextId === null) return HttpResponse.json(alertsPage1);
      if (nextId === alertsPage1.nextId) return HttpResponse.json(alertsPage2);
      return HttpResponse.json({ alerts: [] });
    },
    '/api/v0/monitors': () => HttpResponse.json(monitors),
    '/api/v0/org': () => HttpResponse.json(org),
    '/api/v0/hosts/2eQGEaLxiYU': () => HttpResponse.json(hostApp01),
    '/api/v0/hosts/3kRtN8vWq2Z': () => HttpResponse.json(hostDb01),
  };
  server.use(
    http.get(`${origin}/api/v0/*`, ({ request }) => {
      const url = new URL(request.url);
      requests.push({
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        apiKey: request.headers.get('X-Api-Key'),
      });
      const answer = answers[url.pathname] ?? defaults[url.pathname];
      return answer
        ? answer(url)
        : HttpResponse.json(
            { error: { message: 'Not found' } },
            { status: 404 },
          );
    }),
  );
  return requests;
}

const poller = (
  options: {
    lookbackSeconds?: number;
    maxPages?: number;
    baseUrl?: string;
    logger?: ReturnType<typeof mockServices.logger.mock>;
  } = {},
) =>
  new MackerelAlertPoller({
    instance: { name: 'main', apiKey: KEY, baseUrl: options.baseUrl ?? API },
    lookbackSeconds: options.lookbackSeconds ?? 3600,
    maxPages: options.maxPages,
    logger: options.logger,
  });

const paths = (requests: RecordedRequest[]) => requests.map(r => r.path);

describe('MackerelAlertPoller', () => {
  it('is named after its instance', () => {
    expect(poller().id).toBe('mackerel:main');
  });

  it('pages with nextId, stops at since, and maps every alert opened or closed since', async () => {
    const requests = mackerel();

    const events = await poller().poll({ since: SINCE });

    const alertRequests = requests.filter(r => r.path === '/api/v0/alerts');
    expect(alertRequests.map(r => r.query)).toEqual([
      { withClosed: 'true' },
      { withClosed: 'true', nextId: '4Tz8wArN1n9' },
    ]);
    // Page 2 reaches an alert opened before since − lookback: no page 3.
    // 3Mx4eXtErNl opened and closed before since; 3Qp7cOnN3ct opened before
    // but closed after.
    expect(events.map(e => e.sourceKey)).toEqual([
      '5aH1cRiT0p1',
      '4Wm2bJ6Ym9A',
      '4Tz8wArN1n9',
      '3Qp7cOnN3ct',
    ]);
    expect(events).toEqual([
      {
        source: 'mackerel',
        sourceKey: '5aH1cRiT0p1',
        monitor: 'disk.aa-00.writes.delta',
        title: 'disk.aa-00.writes.delta (app01)',
        severity: 'critical',
        status: 'firing',
        startsAt: iso(T0 + 600),
        at: iso(T0 + 600),
        labels: {
          monitor: 'disk.aa-00.writes.delta',
          service: 'Hatena-Blog',
          role: 'app',
          host: 'app01',
          org: 'example-org',
        },
        links: [
          {
            url: 'https://mackerel.io/orgs/example-org/alerts/5aH1cRiT0p1',
            title: 'Mackerel alert',
          },
        ],
      },
      {
        source: 'mackerel',
        sourceKey: '4Wm2bJ6Ym9A',
        monitor: 'Hatena-Blog - access_num.4xx_count',
        title: 'Hatena-Blog - access_num.4xx_count (Hatena-Blog)',
        severity: 'unknown',
        status: 'resolved',
        startsAt: iso(T0 + 300),
        endsAt: iso(T0 + 900),
        at: iso(T0 + 900),
        // The service of a service-metric monitor.
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
      expect.objectContaining({
        sourceKey: '4Tz8wArN1n9',
        severity: 'warning',
        status: 'firing',
        title: 'disk.aa-00.writes.delta (app01)',
      }),
      {
        source: 'mackerel',
        sourceKey: '3Qp7cOnN3ct',
        // A connectivity monitor without a name goes by its type, as in Mackerel.
        monitor: 'connectivity',
        title: 'connectivity (db01)',
        severity: 'unknown',
        status: 'resolved',
        startsAt: iso(T0 - 1800),
        endsAt: iso(T0 + 60),
        at: iso(T0 + 60),
        labels: {
          monitor: 'connectivity',
          service: 'Hatena-Bookmark',
          role: 'db-master',
          host: 'db01',
          org: 'example-org',
        },
        links: [
          {
            url: 'https://mackerel.io/orgs/example-org/alerts/3Qp7cOnN3ct',
            title: 'Mackerel alert',
          },
        ],
      },
    ]);
  });

  it('produces the event the webhook produces for the same alert, but for who resolved it', async () => {
    mackerel();
    const polled = (await poller().poll({ since: SINCE })).find(
      e => e.sourceKey === '4Wm2bJ6Ym9A',
    );
    const [received] = new MackerelAlertReceiver().parse({
      rawBody: Buffer.from(JSON.stringify(serviceAlertClosed)),
      body: serviceAlertClosed,
      headers: {},
    }).events;

    // The API does not say what closed an alert; the webhook's trigger does.
    const { resolvedBy, ...withoutResolvedBy } = received;
    expect(resolvedBy).toBe('source');
    expect(polled).toEqual(withoutResolvedBy);
  });

  it('asks for the monitors and the organization once per poll, and each host once', async () => {
    const requests = mackerel();

    await poller().poll({ since: SINCE });

    expect(paths(requests).sort()).toEqual([
      '/api/v0/alerts',
      '/api/v0/alerts',
      '/api/v0/hosts/2eQGEaLxiYU', // two alerts on app01, one request
      '/api/v0/hosts/3kRtN8vWq2Z',
      '/api/v0/monitors',
      '/api/v0/org',
    ]);

    requests.length = 0;
    await poller().poll({ since: SINCE });
    expect(paths(requests).filter(p => p === '/api/v0/monitors')).toHaveLength(
      1,
    );
  });

  it('sends the API key on every request', async () => {
    const requests = mackerel();
    await poller().poll({ since: SINCE });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every(r => r.apiKey === KEY)).toBe(true);
  });

  it('stops after the first page when its oldest alert is older than since − lookback', async () => {
    const requests = mackerel();

    const events = await poller({ lookbackSeconds: 0 }).poll({
      since: new Date((T0 + 250) * 1000),
    });

    expect(requests.filter(r => r.path === '/api/v0/alerts')).toHaveLength(1);
    // Opened at T0+600, and opened at T0+300 but closed at T0+900.
    expect(events.map(e => e.sourceKey)).toEqual([
      '5aH1cRiT0p1',
      '4Wm2bJ6Ym9A',
    ]);
  });

  it('with the default day of lookback, finds an alert opened a day before that closed since', async () => {
    const longAlert = {
      id: '1Lg0nG0pEn0',
      status: 'OK',
      monitorId: '2cSZzK3XfmE',
      type: 'expression',
      openedAt: T0 - 90_000,
      closedAt: T0 + 120,
    };
    const requests = mackerel({
      '/api/v0/alerts': url => {
        const nextId = url.searchParams.get('nextId');
        if (nextId === null) return HttpResponse.json(alertsPage1);
        if (nextId === alertsPage1.nextId) {
          return HttpResponse.json(alertsPage2);
        }
        return HttpResponse.json({ alerts: [longAlert], nextId: 'older' });
      },
    });

    const events = await new MackerelAlertPoller({
      instance: { name: 'main', apiKey: KEY, baseUrl: API },
    }).poll({ since: SINCE });

    expect(
      requests.filter(r => r.path === '/api/v0/alerts').map(r => r.query),
    ).toEqual([
      { withClosed: 'true' },
      { withClosed: 'true', nextId: '4Tz8wArN1n9' },
      { withClosed: 'true', nextId: '2Ld0oLdEr01' },
    ]);
    expect(events.find(e => e.sourceKey === '1Lg0nG0pEn0')).toMatchObject({
      monitor: 'role average',
      status: 'resolved',
      startsAt: iso(T0 - 90_000),
      endsAt: iso(T0 + 120),
    });
  });

  it('asks nothing more when no alert changed since', async () => {
    const requests = mackerel();
    const events = await poller({ lookbackSeconds: 0 }).poll({
      since: new Date((T0 + 3600) * 1000),
    });
    expect(events).toEqual([]);
    expect(paths(requests)).toEqual(['/api/v0/alerts']);
  });

  it('reads at most maxPages pages and says so', async () => {
    const logger = mockServices.logger.mock();
    let page = 0;
    const requests = mackerel({
      '/api/v0/alerts': () => {
        page++;
        return HttpResponse.json({
          alerts: [{ ...alertsPage1.alerts[0], id: `alert-${page}` }],
          nextId: `alert-${page}`,
        });
      },
    });

    const events = await poller({ maxPages: 3, logger }).poll({ since: SINCE });

    expect(requests.filter(r => r.path === '/api/v0/alerts')).toHaveLength(3);
    expect(events).toHaveLength(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/'main': stopped after 3 pages of alerts/),
    );
  });

  it('skips alerts it cannot key or time, and says how many', async () => {
    const logger = mockServices.logger.mock();
    mackerel({
      '/api/v0/alerts': () =>
        HttpResponse.json({
          alerts: [
            alertsPage1.alerts[0],
            { status: 'CRITICAL', openedAt: T0 + 10 },
            { id: 'x', status: 'CRITICAL', openedAt: '2026-01-01' },
            { id: 'y', status: 'SOMETIMES', openedAt: T0 + 10 },
          ],
        }),
    });

    const events = await poller({ logger }).poll({ since: SINCE });

    expect(events.map(e => e.sourceKey)).toEqual(['5aH1cRiT0p1']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/skipped 3 alert\(s\)/),
    );
  });

  it('keeps the alerts of a host Mackerel no longer knows, without host labels', async () => {
    mackerel({
      '/api/v0/hosts/2eQGEaLxiYU': () =>
        HttpResponse.json(
          { error: { message: 'Host not found' } },
          { status: 404 },
        ),
    });

    const events = await poller().poll({ since: SINCE });

    expect(events[0]).toMatchObject({
      sourceKey: '5aH1cRiT0p1',
      title: 'disk.aa-00.writes.delta',
      labels: { monitor: 'disk.aa-00.writes.delta', org: 'example-org' },
    });
  });

  it('groups the alerts of a deleted monitor by its id', async () => {
    mackerel({
      '/api/v0/monitors': () => HttpResponse.json({ monitors: [] }),
    });
    const events = await poller().poll({ since: SINCE });
    expect(events[1].monitor).toBe('2cSZzK3XfmC');
  });

  it('reads another API origin, without links when it does not know where its web pages are', async () => {
    const requests = mackerel({}, KCPS);

    const events = await poller({ baseUrl: KCPS }).poll({ since: SINCE });

    expect(requests.length).toBeGreaterThan(0);
    expect(events).toHaveLength(4);
    expect(events.every(e => e.links?.length === 0)).toBe(true);
  });

  describe('errors name the instance and never hold the key', () => {
    const failing = async (answers: Record<string, Answer>) => {
      const logger = mockServices.logger.mock();
      mackerel(answers);
      const error = await poller({ logger })
        .poll({ since: SINCE })
        .catch(e => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).not.toContain(KEY);
      const logged = JSON.stringify(
        [logger.debug, logger.info, logger.warn, logger.error].flatMap(
          fn => (fn as jest.Mock).mock.calls,
        ),
      );
      expect(logged).not.toContain(KEY);
      return error.message as string;
    };

    it('on a refused key, even when the server echoes it', async () => {
      const message = await failing({
        '/api/v0/alerts': () =>
          HttpResponse.json(
            { error: { message: `invalid api key: ${KEY}` } },
            { status: 401 },
          ),
      });
      expect(message).toBe(
        "Cannot read the alerts from Mackerel instance 'main': Mackerel answered 401: invalid api key: ***",
      );
    });

    it('on a failing monitors list', async () => {
      const message = await failing({
        '/api/v0/monitors': () =>
          new HttpResponse('oops', {
            status: 500,
            statusText: 'Internal Server Error',
          }),
      });
      expect(message).toBe(
        "Cannot read the monitors from Mackerel instance 'main': Mackerel answered 500: Internal Server Error",
      );
    });

    it('on a failing host lookup', async () => {
      const message = await failing({
        '/api/v0/hosts/2eQGEaLxiYU': () =>
          HttpResponse.json({ error: 'Service Unavailable' }, { status: 503 }),
      });
      expect(message).toBe(
        "Cannot read host '2eQGEaLxiYU' from Mackerel instance 'main': Mackerel answered 503: Service Unavailable",
      );
    });

    it('on an unreachable API', async () => {
      const message = await failing({
        '/api/v0/alerts': () => HttpResponse.error(),
      });
      expect(message).toMatch(
        /^Cannot read the alerts from Mackerel instance 'main': https:\/\/api\.mackerelio\.com is unreachable/,
      );
    });

    it('on an answer without an alerts list', async () => {
      const message = await failing({
        '/api/v0/alerts': () => HttpResponse.json({ monitors: [] }),
      });
      expect(message).toBe(
        "Cannot read the alerts from Mackerel instance 'main': the answer has no alerts list",
      );
    });

    it('on an answer that is not JSON', async () => {
      const message = await failing({
        '/api/v0/org': () => new HttpResponse('<html></html>'),
      });
      expect(message).toBe(
        "Cannot read the organization from Mackerel instance 'main': the answer is not JSON",
      );
    });
  });
});
