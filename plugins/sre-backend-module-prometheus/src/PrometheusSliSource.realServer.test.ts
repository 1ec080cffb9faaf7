import {
  counterSeriesOpenMetrics,
  describeWithPrometheus,
  startTestPrometheus,
  type TestPrometheus,
} from './__testUtils__/TestPrometheus';
import { PrometheusSliSource } from './PrometheusSliSource';

jest.setTimeout(60_000);

const STEP = 60;
const POINTS = 200;
// Step-aligned and in the recent past, as Baton evaluates up to now.
const START = Math.floor(Date.now() / 1000 / STEP) * STEP - POINTS * STEP;

/** A counter's values from its per-step increments. */
function cumulative(increment: (i: number) => number): number[] {
  const values: number[] = [];
  for (let i = 0, total = 0; i < POINTS; i++) {
    total += increment(i);
    values.push(total);
  }
  return values;
}

const ok = cumulative(i => 10 + (i % 7));
const failed = cumulative(i => (i % 10 === 3 ? 2 : 0));
const otherService = cumulative(() => 1000);

const metrics = counterSeriesOpenMetrics({
  family: 'http_requests',
  startSeconds: START,
  stepSeconds: STEP,
  series: [
    { labels: { service: 'checkout', code: '200' }, values: ok },
    { labels: { service: 'checkout', code: '500' }, values: failed },
    { labels: { service: 'search', code: '200' }, values: otherService },
  ],
});

/** The range of steps `[from, to)` of the backfilled series. */
const steps = (from: number, to: number) => ({
  start: new Date((START + from * STEP) * 1000),
  end: new Date((START + to * STEP) * 1000),
});

describe('counterSeriesOpenMetrics', () => {
  it('renders one sample per step, in seconds, ending with # EOF', () => {
    expect(
      counterSeriesOpenMetrics({
        family: 'http_requests',
        startSeconds: 1_700_000_000,
        stepSeconds: 60,
        series: [{ labels: { code: '200' }, values: [0, 3] }],
      }),
    ).toBe(
      [
        '# TYPE http_requests counter',
        'http_requests_total{code="200"} 0 1700000000',
        'http_requests_total{code="200"} 3 1700000060',
        '# EOF',
        '',
      ].join('\n'),
    );
  });
});

describeWithPrometheus('PrometheusSliSource on a real Prometheus', () => {
  let prometheus: TestPrometheus;
  let source: PrometheusSliSource;

  beforeAll(async () => {
    prometheus = await startTestPrometheus(metrics);
    source = new PrometheusSliSource({
      instances: [{ name: 'test', baseUrl: prometheus.baseUrl }],
    });
  });
  afterAll(() => prometheus?.stop());

  it('returns the summed counter at every step, start inclusive and end exclusive', async () => {
    const samples = await source.queryRange({
      metricSource: {
        type: 'Prometheus',
        spec: { query: 'sum(http_requests_total{service="checkout"})' },
      },
      range: steps(10, 130),
      stepSeconds: STEP,
    });

    expect(samples).toHaveLength(120);
    expect(samples).toEqual(
      Array.from({ length: 120 }, (_, k) => ({
        timestamp: new Date((START + (10 + k) * STEP) * 1000),
        value: ok[10 + k] + failed[10 + k],
      })),
    );
  });

  it('filters by label', async () => {
    const samples = await source.queryRange({
      metricSource: {
        type: 'Prometheus',
        spec: {
          query: 'sum(http_requests_total{service="checkout",code="500"})',
        },
      },
      range: steps(0, POINTS),
      stepSeconds: STEP,
    });

    expect(samples.map(s => s.value)).toEqual(failed);
    expect(samples[0].timestamp).toEqual(new Date(START * 1000));
  });

  it('adds up the series of a query that does not aggregate', async () => {
    const samples = await source.queryRange({
      metricSource: {
        type: 'Prometheus',
        spec: { query: 'http_requests_total{service="checkout"}' },
      },
      range: steps(0, POINTS),
      stepSeconds: STEP,
    });

    expect(samples.map(s => s.value)).toEqual(ok.map((v, i) => v + failed[i]));
  });

  it('reads a range of more than 11,000 points in several requests', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    try {
      // Three hours at a 1 s step: 10,800 points, beyond the 10,000 per request.
      const samples = await source.queryRange({
        metricSource: {
          type: 'Prometheus',
          spec: { query: 'sum(http_requests_total{service="checkout"})' },
        },
        range: {
          start: steps(10, 10).start,
          end: new Date((START + 10 * STEP + 10_800) * 1000),
        },
        stepSeconds: 1,
      });

      expect(fetchSpy).toHaveBeenCalledTimes(2);
      expect(samples).toHaveLength(10_800);
      // Between scrapes, Prometheus answers with the latest sample.
      const mismatches = samples.filter((sample, k) => {
        const i = 10 + Math.floor(k / STEP);
        return (
          sample.timestamp.getTime() !== (START + 10 * STEP + k) * 1000 ||
          sample.value !== ok[i] + failed[i]
        );
      });
      expect(mismatches).toEqual([]);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it("reports Prometheus's parse error", async () => {
    await expect(
      source.queryRange({
        metricSource: { type: 'Prometheus', spec: { query: 'sum(' } },
        range: steps(0, 10),
        stepSeconds: STEP,
      }),
    ).rejects.toThrow(
      /^Prometheus instance 'test' answered HTTP 400: bad_data: .*parse error/,
    );
  });
});
