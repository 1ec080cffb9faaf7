import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { SliMetricSource } from '@baton/plugin-sre-node';
import { PrometheusSliSource } from './PrometheusSliSource';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A query_range success envelope, as the Prometheus HTTP API documents it. */
const matrix = (
  result: Array<{
    metric: Record<string, string>;
    values: Array<[number, string]>;
  }>,
) => ({ status: 'success', data: { resultType: 'matrix', result } });

/** The HTTP API docs' own query_range example (`up`, 15 s step). */
const documentedUpMatrix = matrix([
  {
    metric: { __name__: 'up', job: 'prometheus', instance: 'localhost:9090' },
    values: [
      [1435781430.781, '1'],
      [1435781445.781, '1'],
      [1435781460.781, '1'],
    ],
  },
  {
    metric: { __name__: 'up', job: 'node', instance: 'localhost:9091' },
    values: [
      [1435781430.781, '0'],
      [1435781445.781, '0'],
      [1435781460.781, '1'],
    ],
  },
]);

const upSource: SliMetricSource = {
  type: 'Prometheus',
  spec: { query: 'up' },
};
// Three 15 s steps from the docs' start: 20:10:30.781, :45.781, 20:11:00.781.
const upRange = {
  start: new Date(1435781430781),
  end: new Date(1435781430781 + 3 * 15_000),
};

/** Answers every query_range on a host and records the requests. */
function recordQueries(
  baseUrl: string,
  answer: (url: URL) => object = () => documentedUpMatrix,
) {
  const requests: Request[] = [];
  server.use(
    http.get(`${baseUrl}/api/v1/query_range`, ({ request }) => {
      requests.push(request);
      return HttpResponse.json(answer(new URL(request.url)));
    }),
  );
  return requests;
}

const paramsOf = (request: Request) =>
  Object.fromEntries(new URL(request.url).searchParams);

describe('PrometheusSliSource', () => {
  it('sums the series per timestamp and asks for start to end exclusive', async () => {
    const requests = recordQueries('http://prometheus.test');
    const source = new PrometheusSliSource({
      instances: [{ name: 'main', baseUrl: 'http://prometheus.test' }],
    });

    const samples = await source.queryRange({
      metricSource: upSource,
      range: upRange,
      stepSeconds: 15,
    });

    expect(source.type).toBe('Prometheus');
    expect(samples).toEqual([
      { timestamp: new Date(1435781430781), value: 1 },
      { timestamp: new Date(1435781445781), value: 1 },
      { timestamp: new Date(1435781460781), value: 2 },
    ]);
    expect(requests.map(paramsOf)).toEqual([
      {
        query: 'up',
        start: '1435781430.781',
        end: '1435781460.781',
        step: '15',
      },
    ]);
    expect(requests[0].headers.get('authorization')).toBeNull();
  });

  it('skips NaN and infinite values and sorts samples from series that disagree on timestamps', async () => {
    recordQueries('http://prometheus.test', () =>
      matrix([
        {
          metric: { code: '200' },
          values: [
            [1435781445.781, '5'],
            [1435781460.781, 'NaN'],
          ],
        },
        {
          metric: { code: '500' },
          values: [
            [1435781430.781, '2'],
            [1435781445.781, '+Inf'],
            [1435781460.781, '3'],
          ],
        },
      ]),
    );
    const source = new PrometheusSliSource({
      instances: [{ name: 'main', baseUrl: 'http://prometheus.test' }],
    });

    const samples = await source.queryRange({
      metricSource: upSource,
      range: upRange,
      stepSeconds: 15,
    });

    expect(samples).toEqual([
      { timestamp: new Date(1435781430781), value: 2 },
      { timestamp: new Date(1435781445781), value: 5 },
      { timestamp: new Date(1435781460781), value: 3 },
    ]);
  });

  it('sends a bearer token', async () => {
    const requests = recordQueries('http://prometheus.test');
    const source = new PrometheusSliSource({
      instances: [
        {
          name: 'main',
          baseUrl: 'http://prometheus.test',
          token: 's3cr3t-token',
        },
      ],
    });
    await source.queryRange({
      metricSource: upSource,
      range: upRange,
      stepSeconds: 15,
    });
    expect(requests[0].headers.get('authorization')).toBe(
      'Bearer s3cr3t-token',
    );
  });

  it('sends basic authentication', async () => {
    const requests = recordQueries('http://prometheus.test');
    const source = new PrometheusSliSource({
      instances: [
        {
          name: 'main',
          baseUrl: 'http://prometheus.test',
          username: 'baton',
          password: 'pa55',
        },
      ],
    });
    await source.queryRange({
      metricSource: upSource,
      range: upRange,
      stepSeconds: 15,
    });
    expect(requests[0].headers.get('authorization')).toBe(
      `Basic ${Buffer.from('baton:pa55').toString('base64')}`,
    );
  });

  it('asks the instance the metricSourceRef names, and the first without one', async () => {
    const first = recordQueries('http://first.test');
    const second = recordQueries('http://second.test/prometheus');
    const source = new PrometheusSliSource({
      instances: [
        { name: 'first', baseUrl: 'http://first.test' },
        // A path prefix and a trailing slash are kept.
        { name: 'second', baseUrl: 'http://second.test/prometheus/' },
      ],
    });

    await source.queryRange({
      metricSource: { ...upSource, sourceRef: 'second' },
      range: upRange,
      stepSeconds: 15,
    });
    expect(first).toHaveLength(0);
    expect(second).toHaveLength(1);

    await source.queryRange({
      metricSource: upSource,
      range: upRange,
      stepSeconds: 15,
    });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
  });

  it('names an unknown metricSourceRef and the configured instances', async () => {
    const source = new PrometheusSliSource({
      instances: [
        { name: 'first', baseUrl: 'http://first.test' },
        { name: 'second', baseUrl: 'http://second.test' },
      ],
    });
    await expect(
      source.queryRange({
        metricSource: { ...upSource, sourceRef: 'third' },
        range: upRange,
        stepSeconds: 15,
      }),
    ).rejects.toThrow(
      "Unknown Prometheus instance 'third' in metricSourceRef; configured instances: first, second",
    );
  });

  it.each([[{}], [{ query: '' }], [{ query: '  ' }], [{ query: 42 }]])(
    'needs spec.query (%j)',
    async spec => {
      const source = new PrometheusSliSource({
        instances: [{ name: 'main', baseUrl: 'http://prometheus.test' }],
      });
      await expect(
        source.queryRange({
          metricSource: { type: 'Prometheus', spec },
          range: upRange,
          stepSeconds: 15,
        }),
      ).rejects.toThrow(/spec\.query/);
    },
  );

  it('splits a long range into requests of at most 10,000 steps', async () => {
    // One point per requested step, valued by its index from the range start.
    const start = Date.parse('2026-01-01T00:00:00Z') / 1000;
    const requests = recordQueries('http://prometheus.test', url => {
      const from = Number(url.searchParams.get('start'));
      const to = Number(url.searchParams.get('end'));
      const values: Array<[number, string]> = [];
      for (let t = from; t <= to; t += 60) {
        values.push([t, String((t - start) / 60)]);
      }
      return matrix([{ metric: {}, values }]);
    });
    const source = new PrometheusSliSource({
      instances: [{ name: 'main', baseUrl: 'http://prometheus.test' }],
    });

    const samples = await source.queryRange({
      metricSource: upSource,
      range: {
        start: new Date(start * 1000),
        end: new Date((start + 25_000 * 60) * 1000),
      },
      stepSeconds: 60,
    });

    expect(requests.map(paramsOf)).toEqual([
      {
        query: 'up',
        start: String(start),
        end: String(start + 9_999 * 60),
        step: '60',
      },
      {
        query: 'up',
        start: String(start + 10_000 * 60),
        end: String(start + 19_999 * 60),
        step: '60',
      },
      {
        query: 'up',
        start: String(start + 20_000 * 60),
        end: String(start + 24_999 * 60),
        step: '60',
      },
    ]);
    expect(samples).toHaveLength(25_000);
    expect(samples.every((s, i) => s.value === i)).toBe(true);
    expect(samples[24_999].timestamp).toEqual(
      new Date((start + 24_999 * 60) * 1000),
    );
  });

  it("reports Prometheus's error and status without the token", async () => {
    server.use(
      http.get('http://prometheus.test/api/v1/query_range', () =>
        HttpResponse.json(
          {
            status: 'error',
            errorType: 'bad_data',
            error:
              'invalid parameter "query": 1:4: parse error: unclosed left parenthesis',
          },
          { status: 400 },
        ),
      ),
    );
    const source = new PrometheusSliSource({
      instances: [
        {
          name: 'main',
          baseUrl: 'http://prometheus.test',
          token: 's3cr3t-token',
        },
      ],
    });

    const error = await source
      .queryRange({
        metricSource: { type: 'Prometheus', spec: { query: 'sum(' } },
        range: upRange,
        stepSeconds: 15,
      })
      .catch(e => e);

    expect(error.message).toBe(
      'Prometheus instance \'main\' answered HTTP 400: bad_data: invalid parameter "query": 1:4: parse error: unclosed left parenthesis',
    );
    expect(error.message).not.toContain('s3cr3t');
  });

  it('keeps secrets out of an error page that echoes them', async () => {
    server.use(
      http.get(
        'http://prometheus.test/api/v1/query_range',
        ({ request }) =>
          new HttpResponse(
            `rejected ${request.headers.get('authorization')} for baton:pa55`,
            { status: 401 },
          ),
      ),
    );
    const source = new PrometheusSliSource({
      instances: [
        {
          name: 'main',
          baseUrl: 'http://prometheus.test',
          username: 'baton',
          password: 'pa55',
        },
      ],
    });

    const error = await source
      .queryRange({ metricSource: upSource, range: upRange, stepSeconds: 15 })
      .catch(e => e);

    expect(error.message).toMatch(
      /^Prometheus instance 'main' answered HTTP 401: rejected Basic \*\*\* for baton:\*\*\*$/,
    );
    expect(error.message).not.toContain('pa55');
  });

  it('says when an instance is unreachable', async () => {
    server.use(
      http.get('http://prometheus.test/api/v1/query_range', () =>
        HttpResponse.error(),
      ),
    );
    const source = new PrometheusSliSource({
      instances: [
        {
          name: 'main',
          baseUrl: 'http://prometheus.test',
          token: 's3cr3t-token',
        },
      ],
    });
    await expect(
      source.queryRange({
        metricSource: upSource,
        range: upRange,
        stepSeconds: 15,
      }),
    ).rejects.toThrow(
      /^Prometheus instance 'main' is unreachable at http:\/\/prometheus\.test: /,
    );
  });
});
