import {
  accumulate,
  CumulativeCounts,
  DEFAULT_SLO_POLICY,
  evaluateSloObjective,
  scaledBurnRateThreshold,
  SloIndicator,
  SloMetricSource,
  sloStatus,
  stepCountsOf,
  SloWindow,
} from '@baton/plugin-sre-common';
import { DemoAlertPoller } from '../alerts/DemoAlertPoller';
import { DemoSliSource } from './DemoSliSource';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const STEP_SECONDS = 300;
const STEP = STEP_SECONDS * 1000;

/** The demo's "now": on a step end, days before any clock that runs this test. */
const NOW = Date.parse('2026-11-25T03:00:00Z');

const prometheus = (query: string): SloMetricSource => ({
  type: 'Prometheus',
  spec: { query },
});
const mackerel = (metric: string): SloMetricSource => ({
  type: 'Mackerel',
  spec: { service: 'payments', metric },
});

/** The demo catalog's SLOs as examples/openslo declares them. */
const CHECKOUT_AVAILABILITY = {
  objective: 0.999,
  window: { type: 'rolling', duration: '28d', seconds: 28 * 86400 } as const,
  indicator: {
    type: 'ratio',
    counter: true,
    good: prometheus(
      'sum(http_requests_total{service="checkout",code!~"5.."})',
    ),
    total: prometheus('sum(http_requests_total{service="checkout"})'),
  } as SloIndicator,
};
const PAYMENTS_SUCCESS = {
  objective: 0.9995,
  window: {
    type: 'calendar',
    duration: '1M',
    unit: 'months',
    count: 1,
    startTime: '2026-01-01 00:00:00',
    timeZone: 'Asia/Tokyo',
  } as const,
  indicator: {
    type: 'ratio',
    counter: false,
    bad: mackerel('custom.payments.authorise.failed'),
    total: mackerel('custom.payments.authorise.total'),
  } as SloIndicator,
};

/**
 * Evaluates an SLO on the demo's data as the backend does: the source's
 * samples, counted per step, as of each of `times`.
 */
async function evaluateDemoSlo(
  demoSlo: { objective: number; window: SloWindow; indicator: SloIndicator },
  evaluatedAt: number[],
  now = NOW,
) {
  if (demoSlo.indicator.type !== 'ratio') throw new Error('ratio SLOs only');
  const source = new DemoSliSource('Prometheus', now);
  const from = Math.min(...evaluatedAt) - 32 * DAY;
  const to = Math.max(...evaluatedAt);
  const range = { start: new Date(from), end: new Date(to + 1) };
  const samples = async (metricSource: SloMetricSource | undefined) =>
    metricSource
      ? (
          await source.queryRange({
            metricSource,
            range,
            stepSeconds: STEP_SECONDS,
          })
        ).map(sample => ({
          timestamp: sample.timestamp.getTime(),
          value: sample.value,
        }))
      : undefined;
  const stepEnds: number[] = [];
  for (let t = from + STEP; t <= to; t += STEP) stepEnds.push(t);
  const steps = stepCountsOf({
    indicator: demoSlo.indicator,
    objective: { target: demoSlo.objective },
    samples: {
      good: await samples(demoSlo.indicator.good),
      bad: await samples(demoSlo.indicator.bad),
      total: await samples(demoSlo.indicator.total),
    },
    stepEnds,
    stepMs: STEP,
  });
  const counts = new CumulativeCounts(accumulate(steps));
  return evaluatedAt.map(asOf => {
    const evaluation = evaluateSloObjective({
      window: demoSlo.window,
      objective: demoSlo.objective,
      counts,
      asOf,
      stepSeconds: STEP_SECONDS,
    });
    return {
      asOf,
      ...evaluation,
      status: sloStatus({ ...evaluation, objective: demoSlo.objective }),
    };
  });
}

/** Times from `from` to `to` on step ends, `every` apart. */
function times(from: number, to: number, every: number): number[] {
  const result: number[] = [];
  const first = Math.ceil(from / STEP) * STEP;
  for (let t = first; t <= to; t += every) result.push(t);
  return result;
}

describe('DemoSliSource', () => {
  it('burns checkout’s availability budget faster than the burn alert’s threshold for as long as the demo’s burn alert fires', async () => {
    const events = await new DemoAlertPoller(NOW).poll();
    const burn = events.filter(e => e.monitor === 'CheckoutErrorBudgetBurn');
    const firing = burn.find(e => e.status === 'firing')!;
    const resolved = burn.find(e => e.status === 'resolved');
    const alertStart = Date.parse(firing.startsAt);
    // It still fires: it says so while the demo runs, hours after it began.
    const alertEnd = resolved
      ? Date.parse(resolved.endsAt!)
      : NOW + 6 * 60 * MINUTE;
    // "burns its error budget 14× too fast"
    const claimed = Number(/(\d+(?:\.\d+)?)× too fast/.exec(firing.title)![1]);
    const fastPage = DEFAULT_SLO_POLICY.alertRules[0];
    const threshold = scaledBurnRateThreshold(
      fastPage,
      CHECKOUT_AVAILABILITY.window.seconds,
    );

    const during = await evaluateDemoSlo(
      CHECKOUT_AVAILABILITY,
      times(alertStart, alertEnd, 10 * MINUTE),
    );
    expect(during.length).toBeGreaterThan(30);
    for (const point of during) {
      const at = new Date(point.asOf).toISOString();
      const longRate = point.burnRates[fastPage.longWindow]!;
      const shortRate = point.burnRates[fastPage.shortWindow]!;
      expect({ at, longRate: longRate > threshold }).toEqual({
        at,
        longRate: true,
      });
      expect({ at, shortRate: shortRate > threshold }).toEqual({
        at,
        shortRate: true,
      });
      expect({ at, claimed: longRate >= claimed }).toEqual({
        at,
        claimed: true,
      });
      expect({ at, alerting: point.alerting }).toEqual({
        at,
        alerting: 'page',
      });
      expect(['burning', 'below-objective', 'budget-exhausted']).toContain(
        point.status.status,
      );
    }
  });

  it('does not page for checkout’s availability before the burn alert fires', async () => {
    const events = await new DemoAlertPoller(NOW).poll();
    const firing = events.find(
      e => e.monitor === 'CheckoutErrorBudgetBurn' && e.status === 'firing',
    )!;
    const alertStart = Date.parse(firing.startsAt);
    const before = await evaluateDemoSlo(
      CHECKOUT_AVAILABILITY,
      times(alertStart - 2 * DAY, alertStart - 30 * MINUTE, 30 * MINUTE),
    );
    for (const point of before) {
      const at = new Date(point.asOf).toISOString();
      expect({ at, paging: point.alerting === 'page' }).toEqual({
        at,
        paging: false,
      });
    }
    // The budget was fine then: the story is the incident, not a slow leak.
    expect(before[before.length - 1].status.status).toBe('ok');
  });

  it.each([
    ['late in a month', NOW],
    // Three days before is last month (in Tokyo): the outage moves into this one.
    ['on its second day', Date.parse('2026-12-02T03:00:00Z')],
    ['hours into it', Date.parse('2026-12-01T00:00:00Z')],
  ])(
    'leaves payments-adapter’s month overspent by the provider’s outage %s, where its alert has it',
    async (_, now) => {
      const [evaluation] = await evaluateDemoSlo(PAYMENTS_SUCCESS, [now], now);
      expect(evaluation.status.status).toBe('budget-exhausted');
      expect(evaluation.sli!).toBeLessThan(PAYMENTS_SUCCESS.objective);
      // Spent, but nothing burns now: the outage is over.
      expect(evaluation.status.conditions).not.toContain('burning');

      const outage = (await new DemoAlertPoller(now).poll()).filter(
        e => e.monitor === 'Payment provider errors',
      );
      const started = Date.parse(outage[0].startsAt);
      expect(started).toBeGreaterThanOrEqual(
        Date.parse(evaluation.windowStart!),
      );
      expect(Date.parse(outage[1].endsAt!)).toBeLessThan(now);
      // The SLI is bad while the alert fires, and fine just before it.
      const [beforeIt, duringIt] = await evaluateDemoSlo(
        {
          ...PAYMENTS_SUCCESS,
          window: { type: 'rolling', duration: '30m', seconds: 1800 },
        },
        [
          Math.floor((started - 10 * MINUTE) / STEP) * STEP,
          Math.floor((started + 60 * MINUTE) / STEP) * STEP,
        ],
        now,
      );
      expect(beforeIt.sli!).toBeGreaterThan(PAYMENTS_SUCCESS.objective);
      expect(duringIt.sli!).toBeLessThan(0.9);
    },
  );
});
