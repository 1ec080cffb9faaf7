import { registerMswTestHooks } from '@backstage/backend-test-utils';
import type { SliMetricSource } from '@baton/plugin-sre-node';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MackerelSliSource } from './MackerelSliSource';
// Success payloads follow the response examples of Mackerel's API reference,
// https://mackerel.io/api-docs/entry/service-metrics#get and
// https://mackerel.io/api-docs/entry/host-metrics#get:
// `{"metrics":[{"time":<unix time>,"value":<value>},…]}` in chronological order.
import serviceMetrics from './__fixtures__/service-metrics.json';
import hostMetrics from './__fixtures__/host-metrics.json';
// The reference shows no error bodies. Their two shapes are the ones Mackerel's
// official Go client reads (mackerel-client-go error.go: `error.message`, or
// `error` as a string); the message texts are illustrative.
import errorObject from './__fixtures__/error-object.json';
import errorString from './__fixtures__/error-string.json';

const server = setupServer();
registerMswTestHooks(server);

const API = 'https://api.mackerelio.com';
const STAGING = 'https://mackerel.staging.test';
const KEY = 'mk-main-0123456789abcdef';
const STAGING_KEY = 'mk-staging-fedcba9876543210';
const T0 = 1767225600; // 2026-01-01T00:00:00Z, the fixtures' first in-range minute

const source = (
  options: { chunkSeconds?: number; requestTimeoutMs?: number } = {},
) =>
  new MackerelSliSource({
    instances: [
      { name: 'main', apiKey: KEY, baseUrl: API },
      { name: 'staging', apiKey: STAGING_KEY, baseUrl: STAGING },
    ],
    ...options,
  });

const at = (seconds: number) => new Date(seconds * 1000);

const query = (
  spec: Record<string, unknown>,
  options: { sourceRef?: string; from?: number; to?: number } = {},
  mackerel = source(),
) => {
  const metricSource: SliMetricSource = {
    type: 'Mackerel',
    spec,
    ...(options.sourceRef ? { sourceRef: options.sourceRef } : {}),
  };
  return mackerel.queryRange({
    metricSource,
    range: { start: at(options.from ?? T0), end: at(options.to ?? T0 + 240) },
    stepSeconds: 60,
  });
};

/** Records every request to the API and answers each with `answer`. */
function recordRequests(
  origin: string,
  answer: (url: URL) => Response | Promise<Response>,
) {
  const requests: Array<{ url: URL; raw: string; apiKey: string | null }> = [];
  server.use(
    http.get(`${origin}/api/v0/*`, ({ request }) => {
      const url = new URL(request.url);
      requests.push({
        url,
        raw: request.url,
        apiKey: request.headers.get('X-Api-Key'),
      });
      return answer(url);
    }),
  );
  return requests;
}

describe('MackerelSliSource', () => {
  it('answers to the OpenSLO type Mackerel', () => {
    expect(source().type).toBe('Mackerel');
  });

  it('reads a service metric with the API key, name, from and to, keeping start <= time < end', async () => {
    const requests = recordRequests(API, () =>
      HttpResponse.json(serviceMetrics),
    );

    const samples = await query({
      service: 'shop',
      metric: 'checkout.errors',
    });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.url.pathname).toBe('/api/v0/services/shop/metrics');
    expect(request.apiKey).toBe(KEY);
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      name: 'checkout.errors',
      from: String(T0),
      to: String(T0 + 240),
    });
    // The fixture holds T0-60 … T0+240; the range is [T0, T0+240).
    expect(samples).toEqual([
      { timestamp: at(T0), value: 3 },
      { timestamp: at(T0 + 60), value: 0 },
      { timestamp: at(T0 + 120), value: 1.5 },
      { timestamp: at(T0 + 180), value: 2 },
    ]);
  });

  it('reads a host metric from the host path', async () => {
    const requests = recordRequests(API, () => HttpResponse.json(hostMetrics));

    const samples = await query({
      host: '2eQGEaLxiYU',
      metric: 'custom.nginx.requests.5xx',
    });

    expect(requests[0].url.pathname).toBe('/api/v0/hosts/2eQGEaLxiYU/metrics');
    expect(requests[0].url.searchParams.get('name')).toBe(
      'custom.nginx.requests.5xx',
    );
    expect(samples.map(s => s.value)).toEqual([12, 8, 10]);
  });

  it('encodes path segments and parameters', async () => {
    const requests = recordRequests(API, () =>
      HttpResponse.json({ metrics: [] }),
    );

    await query({ service: 'shop/eu west', metric: 'a&b=c #1' });
    await query({ host: '../hosts?x', metric: 'm' });

    expect(requests[0].raw).toBe(
      `${API}/api/v0/services/shop%2Feu%20west/metrics?name=a%26b%3Dc+%231&from=${T0}&to=${
        T0 + 240
      }`,
    );
    expect(requests[0].url.searchParams.get('name')).toBe('a&b=c #1');
    expect(requests[1].url.pathname).toBe(
      '/api/v0/hosts/..%2Fhosts%3Fx/metrics',
    );
  });

  it('rounds a range that is not on whole seconds outwards, then filters to it', async () => {
    const requests = recordRequests(API, () =>
      HttpResponse.json(serviceMetrics),
    );

    const samples = await query(
      { service: 'shop', metric: 'm' },
      { from: T0 + 0.5, to: T0 + 120.5 },
    );

    expect(requests[0].url.searchParams.get('from')).toBe(String(T0));
    expect(requests[0].url.searchParams.get('to')).toBe(String(T0 + 121));
    // T0 is before the start; T0+120 is inside [T0+0.5, T0+120.5).
    expect(samples.map(s => s.timestamp)).toEqual([at(T0 + 60), at(T0 + 120)]);
  });

  describe('long ranges', () => {
    /** One point per minute of the asked period, `to` included, as if Mackerel had 1-minute data. */
    const minutely = (url: URL) => {
      const from = Number(url.searchParams.get('from'));
      const to = Number(url.searchParams.get('to'));
      const metrics = [];
      for (let t = Math.ceil(from / 60) * 60; t <= to; t += 60) {
        metrics.push({ time: t, value: 1 });
      }
      return metrics;
    };

    it('asks for at most 6 hours per request, so points keep their 1-minute granularity', async () => {
      const requests = recordRequests(API, url =>
        HttpResponse.json({ metrics: minutely(url) }),
      );

      const samples = await query(
        { service: 'shop', metric: 'm' },
        { from: T0, to: T0 + 86_400 },
      );

      const spans = requests
        .map(r => [
          Number(r.url.searchParams.get('from')),
          Number(r.url.searchParams.get('to')),
        ])
        .sort((a, b) => a[0] - b[0]);
      expect(spans).toEqual([
        [T0, T0 + 21_600],
        [T0 + 21_600, T0 + 43_200],
        [T0 + 43_200, T0 + 64_800],
        [T0 + 64_800, T0 + 86_400],
      ]);
      // Points on the edges between chunks come back twice and count once.
      expect(samples).toHaveLength(1440);
      expect(samples[0].timestamp).toEqual(at(T0));
      expect(samples[1439].timestamp).toEqual(at(T0 + 86_340));
    });

    it('returns the samples in time order whatever order the chunks answer in', async () => {
      recordRequests(API, async url => {
        // The first chunk answers last.
        if (Number(url.searchParams.get('from')) === T0) await delay(30);
        return HttpResponse.json({ metrics: minutely(url).reverse() });
      });

      const samples = await query(
        { service: 'shop', metric: 'm' },
        { from: T0, to: T0 + 600 },
        source({ chunkSeconds: 120 }),
      );

      const times = samples.map(s => s.timestamp.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times).toHaveLength(10);
    });
  });

  describe('spec errors name the field', () => {
    it.each([
      [{ metric: 'm' }, /spec\.service or spec\.host is required/],
      [
        { service: 's', host: 'h', metric: 'm' },
        /spec\.service and spec\.host are both set/,
      ],
      [{ service: 's' }, /spec\.metric is required/],
      [{ host: 'h', metric: '' }, /spec\.metric must be a non-empty string/],
      [
        { service: 42, metric: 'm' },
        /spec\.service must be a non-empty string/,
      ],
      [
        { hostId: 'h', metric: 'm' },
        /spec\.hostId is not a Mackerel metricSource field/,
      ],
    ])('%j', async (spec, message) => {
      const requests = recordRequests(API, () =>
        HttpResponse.json({ metrics: [] }),
      );
      await expect(query(spec)).rejects.toThrow(message);
      expect(requests).toHaveLength(0);
    });
  });

  describe('HTTP errors', () => {
    it.each([
      [401, errorString, /'main'.* answered 401: Authentication failed/],
      [403, errorObject, /'main'.* answered 403: Service not found/],
      [
        404,
        errorObject,
        /service metric 'm' of service 'shop' from Mackerel instance 'main': Mackerel answered 404: Service not found/,
      ],
    ])(
      "%i carries the instance, the status and Mackerel's message, never the key",
      async (status, body, message) => {
        recordRequests(API, () => HttpResponse.json(body, { status }));

        const error = await query({ service: 'shop', metric: 'm' }).catch(
          e => e,
        );

        expect(error).toBeInstanceOf(Error);
        expect(error.message).toMatch(message);
        expect(error.message).not.toContain(KEY);
      },
    );

    it('falls back to the status text when the body is not Mackerel JSON', async () => {
      recordRequests(
        API,
        () =>
          new HttpResponse('<html>bad gateway</html>', {
            status: 502,
            statusText: 'Bad Gateway',
          }),
      );
      await expect(query({ service: 'shop', metric: 'm' })).rejects.toThrow(
        /answered 502: Bad Gateway/,
      );
    });

    it('hides the key even when a server echoes it', async () => {
      recordRequests(API, () =>
        HttpResponse.json(
          { error: { message: `invalid api key: ${KEY}` } },
          { status: 401 },
        ),
      );
      const error = await query({ service: 'shop', metric: 'm' }).catch(e => e);
      expect(error.message).toMatch(/invalid api key: \*\*\*/);
      expect(error.message).not.toContain(KEY);
    });

    it('says the instance is unreachable on a network error', async () => {
      recordRequests(API, () => HttpResponse.error());
      await expect(query({ service: 'shop', metric: 'm' })).rejects.toThrow(
        /Mackerel instance 'main': https:\/\/api\.mackerelio\.com is unreachable/,
      );
    });

    it('gives up on a request that takes too long', async () => {
      server.use(
        http.get(`${API}/api/v0/*`, async () => {
          await delay(300);
          return HttpResponse.json({ metrics: [] });
        }),
      );
      await expect(
        query(
          { service: 'shop', metric: 'm' },
          {},
          source({ requestTimeoutMs: 50 }),
        ),
      ).rejects.toThrow(/is unreachable \(no answer within 0.05s\)/);
    });

    it('rejects an answer without a metrics list', async () => {
      recordRequests(API, () => HttpResponse.json({ names: [] }));
      await expect(query({ service: 'shop', metric: 'm' })).rejects.toThrow(
        /the answer has no metrics list/,
      );
    });
  });

  describe('instances', () => {
    it('uses the instance a metricSourceRef names, with its own key', async () => {
      const main = recordRequests(API, () =>
        HttpResponse.json({ metrics: [] }),
      );
      const staging = recordRequests(STAGING, () =>
        HttpResponse.json(serviceMetrics),
      );

      const samples = await query(
        { service: 'shop', metric: 'm' },
        { sourceRef: 'staging' },
      );

      expect(main).toHaveLength(0);
      expect(staging).toHaveLength(1);
      expect(staging[0].apiKey).toBe(STAGING_KEY);
      expect(samples).toHaveLength(4);
    });

    it('names an unknown metricSourceRef and the configured instances', async () => {
      await expect(
        query({ service: 'shop', metric: 'm' }, { sourceRef: 'prod' }),
      ).rejects.toThrow(
        "No Mackerel instance named 'prod' (metricSourceRef); configured in sre.mackerel.instances: 'main', 'staging'",
      );
    });

    it('needs at least one instance', () => {
      expect(() => new MackerelSliSource({ instances: [] })).toThrow(
        /at least one instance/,
      );
    });
  });
});
