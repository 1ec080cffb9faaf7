import type { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sreBackendPlugin from '@baton/plugin-sre-backend';
import type { SloSummary } from '@baton/plugin-sre-common';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import {
  counterSeriesOpenMetrics,
  describeWithPrometheus,
  startTestPrometheus,
  type TestPrometheus,
} from './__testUtils__/TestPrometheus';
import { sreModulePrometheus } from './module';

jest.setTimeout(120_000);

/** What mockServices.scheduler() is at runtime (MockSchedulerService), which its declared type hides. */
interface TriggerableScheduler {
  factory(options: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
  triggerTask(id: string): Promise<void>;
}

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MINUTE = 60;
const DAY = 86_400;
// Four days of one sample a minute, up to the last whole minute.
const END = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE;
const START = END - 4 * DAY;
const minutes = (START - END) / -MINUTE + 1;
const timeOf = (i: number) => START + i * MINUTE;

// Per-minute increments: 100–106 requests; 2 server errors every tenth
// minute; a burst of 30 errors a minute in the last 40 minutes.
const requestsAt = (i: number) => 100 + (i % 7);
const errorsAt = (i: number) =>
  (i >= minutes - 40 ? 30 : 0) + (i % 10 === 3 ? 2 : 0);

function counter(increment: (i: number) => number): number[] {
  const values: number[] = [];
  for (let i = 0, total = 0; i < minutes; i++) {
    total += increment(i);
    values.push(total);
  }
  return values;
}

/** Events (requests, errors) of the minutes whose sample time is in (from, to], by hand. */
function eventsBetween(from: number, to: number) {
  let total = 0;
  let bad = 0;
  for (let i = 0; i < minutes; i++) {
    if (timeOf(i) > from && timeOf(i) <= to) {
      total += requestsAt(i);
      bad += errorsAt(i);
    }
  }
  return { total, bad };
}

const OPENSLO = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1d
      isRolling: true
  indicator:
    metadata:
      name: checkout-good
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(http_requests_total{service="checkout",code!~"5.."})
        total:
          metricSource:
            type: Prometheus
            metricSourceRef: main
            spec:
              query: sum(http_requests_total{service="checkout"})
  objectives:
    - target: 0.99
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-today
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 1d
      isRolling: false
      calendar:
        startTime: '2026-01-01 00:00:00'
        timeZone: UTC
  indicator:
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: sum(http_requests_total{service="checkout",code="500"})
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(http_requests_total{service="checkout"})
  objectives:
    - target: 0.995
`;

describeWithPrometheus('SLO API on a real Prometheus', () => {
  let prometheus: TestPrometheus;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-slo-prom-'));

  beforeAll(async () => {
    const errors = counter(errorsAt);
    const requests = counter(requestsAt);
    prometheus = await startTestPrometheus(
      counterSeriesOpenMetrics({
        family: 'http_requests',
        startSeconds: START,
        stepSeconds: MINUTE,
        series: [
          {
            labels: { service: 'checkout', code: '200' },
            values: requests.map((value, i) => value - errors[i]),
          },
          { labels: { service: 'checkout', code: '500' }, values: errors },
          {
            labels: { service: 'search', code: '500' },
            values: counter(() => 1000),
          },
        ],
      }),
    );
    fs.writeFileSync(path.join(dir, 'openslo.yaml'), OPENSLO);
  });
  afterAll(async () => {
    await prometheus?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const checkout: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${path.join(
          dir,
          'catalog-info.yaml',
        )}`,
        'baton.dev/openslo': './openslo.yaml',
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/shop',
      lifecycle: 'production',
    },
  };

  it.each(databases.eachSupportedId())(
    'returns SLI, budget and burn rates equal to a hand computation on %s',
    async id => {
      const knex = await databases.init(id);
      const scheduler =
        mockServices.scheduler() as unknown as TriggerableScheduler;
      const { server } = await startTestBackend({
        features: [
          sreBackendPlugin,
          sreModulePrometheus,
          mockServices.database.factory({ knex }),
          scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              sre: {
                prometheus: {
                  instances: [{ name: 'main', baseUrl: prometheus.baseUrl }],
                },
              },
            },
          }),
          catalogServiceMock.factory({ entities: [checkout] }),
        ],
      });
      await scheduler.triggerTask('sre-slo-evaluation');
      const res = await request(server)
        .get('/api/sre/entities/component/default/checkout/slos')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.problems).toEqual([]);
      const [rolling, calendar] = res.body.items as SloSummary[];
      expect(rolling.lastError).toBeNull();
      expect(calendar.lastError).toBeNull();

      // Rolling day: everything from asOf − 1 day to asOf.
      const asOf = Date.parse(rolling.windowEnd!) / 1000;
      expect(asOf % 300).toBe(0);
      expect(END - asOf).toBeLessThan(600);
      const window = eventsBetween(asOf - DAY, asOf);
      expect(rolling.counts).toEqual({
        total: window.total,
        bad: window.bad,
        good: window.total - window.bad,
      });
      expect(rolling.sli!).toBeCloseTo(1 - window.bad / window.total, 6);
      expect(rolling.errorBudget.remaining!).toBeCloseTo(
        1 - window.bad / (window.total * (1 - 0.99)),
        6,
      );
      for (const [name, seconds] of [
        ['5m', 300],
        ['30m', 1800],
        ['1h', 3600],
        ['6h', 21600],
        ['1d', DAY],
        ['3d', 3 * DAY],
      ] as const) {
        const events = eventsBetween(asOf - seconds, asOf);
        expect(rolling.burnRates[name]!).toBeCloseTo(
          events.bad / events.total / (1 - 0.99),
          6,
        );
      }
      // The burst burns 30/103 / 0.01 ≈ 29 > 14.4 × 1/30 in both page windows.
      expect(rolling.alerting).toBe('page');

      // Calendar day in UTC: from midnight to asOf.
      const midnight = Math.floor(asOf / DAY) * DAY;
      const today = eventsBetween(midnight, asOf);
      expect(Date.parse(calendar.windowStart!) / 1000).toBe(midnight);
      expect(calendar.counts.total).toBe(today.total);
      expect(calendar.counts.bad).toBe(today.bad);
      // Right at midnight the day has no traffic yet, and both are null.
      const rounded = (value: number | null) =>
        value === null ? null : Math.round(value * 1e6) / 1e6;
      expect({
        sli: rounded(calendar.sli),
        remaining: rounded(calendar.errorBudget.remaining),
      }).toEqual({
        sli: today.total ? rounded(1 - today.bad / today.total) : null,
        remaining: today.total
          ? rounded(1 - today.bad / (today.total * (1 - 0.995)))
          : null,
      });
      const hour = eventsBetween(asOf - 3600, asOf);
      expect(calendar.burnRates['1h']!).toBeCloseTo(
        hour.bad / hour.total / (1 - 0.995),
        6,
      );
    },
  );
});
