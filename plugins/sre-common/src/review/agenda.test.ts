import type { AlertItem } from '../alerts/types';
import type { SloSummary } from '../slo/types';
import {
  budgetSpentSince,
  costMovers,
  readinessChanges,
  REVIEW_ALERTS_PER_SERVICE,
  reviewAlertsSection,
  reviewSlosSection,
  sloRiskReasons,
} from './agenda';

const CHECKOUT = 'component:default/checkout';
const SEARCH = 'component:default/search';
const services = [
  { entityRef: CHECKOUT, title: 'Checkout' },
  { entityRef: SEARCH, title: 'Search' },
];

const transient = {
  flag: 'transient' as const,
  params: {},
  explanation: 'Resolved within 5 minutes',
};

function alert(
  id: string,
  startsAt: string,
  entityRefs: string[],
  noisy = false,
): AlertItem {
  return {
    id,
    source: 'generic',
    monitor: id,
    title: `alert ${id}`,
    severity: 'warning',
    status: 'resolved',
    startsAt,
    acknowledgedBy: [],
    labels: {},
    links: [],
    entityRefs,
    noise: noisy ? [transient] : [],
  };
}

describe('reviewAlertsSection', () => {
  it('puts the service with most noisy alerts first, and noisy alerts before newer quiet ones', () => {
    const section = reviewAlertsSection(
      [
        alert('1', '2026-11-20T10:00:00Z', [CHECKOUT]),
        alert('2', '2026-11-21T10:00:00Z', [CHECKOUT]),
        alert('3', '2026-11-18T10:00:00Z', [SEARCH], true),
        alert('4', '2026-11-19T10:00:00Z', [SEARCH]),
        alert('5', '2026-11-17T10:00:00Z', [SEARCH], true),
        // Not a service of the team: not on its agenda.
        alert('6', '2026-11-22T10:00:00Z', ['component:default/other']),
      ],
      services,
    );

    expect(section.total).toBe(5);
    expect(section.noisy).toBe(2);
    expect(section.services.map(s => [s.title, s.count, s.noisy])).toEqual([
      ['Search', 3, 2],
      ['Checkout', 2, 0],
    ]);
    // Noisy first (newest of them first), then the quiet one.
    expect(section.services[0].alerts.map(a => a.id)).toEqual(['3', '5', '4']);
    expect(section.services[1].alerts.map(a => a.id)).toEqual(['2', '1']);
  });

  it('counts an alert of two services under each and once in the total, and lists at most the cap per service', () => {
    const many = Array.from({ length: REVIEW_ALERTS_PER_SERVICE + 3 }, (_, i) =>
      alert(String(i), new Date(Date.UTC(2026, 10, 1, i)).toISOString(), [
        CHECKOUT,
        SEARCH,
      ]),
    );
    const section = reviewAlertsSection(many, services);

    expect(section.total).toBe(REVIEW_ALERTS_PER_SERVICE + 3);
    expect(section.services.map(s => s.count)).toEqual([
      REVIEW_ALERTS_PER_SERVICE + 3,
      REVIEW_ALERTS_PER_SERVICE + 3,
    ]);
    expect(section.services[0].alerts).toHaveLength(REVIEW_ALERTS_PER_SERVICE);
    expect(section.services[0].alerts[0].id).toBe(
      String(REVIEW_ALERTS_PER_SERVICE + 2),
    );
  });
});

function slo(overrides: Partial<SloSummary>): SloSummary {
  return {
    id: 'availability',
    name: 'availability',
    file: './slo.yaml',
    objective: 0.999,
    window: '28d',
    windowType: 'rolling',
    budgetingMethod: 'Occurrences',
    windowStart: null,
    windowEnd: null,
    sli: 0.9995,
    counts: { good: 9995, bad: 5, total: 10000 },
    errorBudget: { remaining: 0.5, consumed: 0.5, allowedBadEvents: 10 },
    burnRates: {
      '5m': 1,
      '30m': 1,
      '1h': 1,
      '2h': 1,
      '6h': 1,
      '1d': 1,
      '3d': 1,
    },
    alerting: 'ok',
    alertRules: [],
    timeToExhaustion: { '1h': null, '6h': null },
    lowTraffic: false,
    maintenance: [],
    queries: [],
    stepSeconds: 300,
    lastEvaluatedAt: null,
    lastError: null,
    history: [],
    ...overrides,
  };
}

describe('SLO risk', () => {
  it.each([
    [{}, []],
    [{ alerting: 'ticket' as const }, ['burning']],
    [{ sli: 0.998 }, ['below-objective']],
    [
      { errorBudget: { remaining: 0, consumed: 1, allowedBadEvents: 10 } },
      ['budget-exhausted'],
    ],
    [{ alerting: 'unknown' as const, sli: null }, []],
  ])('%j is at risk for %j', (overrides, reasons) => {
    expect(sloRiskReasons(slo(overrides))).toEqual(reasons);
  });

  it('measures the budget spent since the last point at or before the start', () => {
    const history = [
      { timestamp: '2026-11-10T00:00:00Z', sli: 1, budgetRemaining: 0.9 },
      { timestamp: '2026-11-11T00:00:00Z', sli: 1, budgetRemaining: 0.8 },
      { timestamp: '2026-11-12T00:00:00Z', sli: 1, budgetRemaining: 0.6 },
    ];
    expect(budgetSpentSince(history, '2026-11-11T12:00:00Z', 0.5)).toBeCloseTo(
      0.3,
      12,
    );
    // The history does not reach back to the start.
    expect(budgetSpentSince(history, '2026-11-01T00:00:00Z', 0.5)).toBeNull();
    expect(budgetSpentSince(history, '2026-11-12T00:00:00Z', null)).toBeNull();
  });

  it('gives the conditions worst first', () => {
    expect(
      sloRiskReasons(
        slo({
          alerting: 'page',
          sli: 0.99,
          errorBudget: { remaining: -9, consumed: 10, allowedBadEvents: 10 },
        }),
      ),
    ).toEqual(['budget-exhausted', 'below-objective', 'burning']);
  });

  it('lists the SLOs at risk, the worst status first, then paging ones, then the least budget left', () => {
    const section = reviewSlosSection(
      [
        {
          ...services[0],
          slos: [
            slo({ id: 'fine' }),
            slo({
              id: 'low',
              sli: 0.99,
              errorBudget: { remaining: -2, consumed: 3, allowedBadEvents: 1 },
            }),
          ],
        },
        {
          ...services[1],
          slos: [
            slo({ id: 'paging', alerting: 'page', displayName: 'Search up' }),
            slo({ id: 'ticket', alerting: 'ticket' }),
            slo({
              id: 'spent',
              alerting: 'page',
              sli: 0.998,
              errorBudget: { remaining: -1, consumed: 2, allowedBadEvents: 1 },
            }),
          ],
        },
      ],
      '2026-11-11T00:00:00Z',
    );

    expect(section.checked).toBe(5);
    expect(section.atRisk.map(s => [s.sloId, s.name, s.reasons])).toEqual([
      // Both spent: the paging one first, whatever its budget.
      [
        'spent',
        'availability',
        ['budget-exhausted', 'below-objective', 'burning'],
      ],
      ['low', 'availability', ['budget-exhausted', 'below-objective']],
      ['paging', 'Search up', ['burning']],
      ['ticket', 'availability', ['burning']],
    ]);
  });
});

describe('costMovers', () => {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  it('ranks by the amount moved either way and leaves out what did not move', () => {
    const entity = (ref: string, total: number, previous: number) => ({
      entityRef: ref,
      title: ref,
      total: usd(total),
      previousTotal: usd(previous),
      change: previous ? (total - previous) / previous : null,
      changeAmount: usd(total - previous),
    });
    const movers = costMovers(
      [
        entity('a', 100, 90),
        entity('b', 40, 100),
        entity('c', 50, 50),
        entity('d', 300, 250),
      ],
      2,
    );
    expect(movers.map(m => [m.entityRef, m.changeAmount.amount])).toEqual([
      ['b', -60],
      ['d', 50],
    ]);
  });
});

describe('readinessChanges', () => {
  const point = (day: string, level: 'ready' | 'at-risk', score: number) => ({
    day,
    level,
    score,
    truckFactor: 2,
  });
  it('compares the level now with the last snapshot on or before the start, worse ones first', () => {
    const changes = readinessChanges(
      [
        {
          ...services[0],
          level: 'at-risk',
          score: 60,
          trend: [
            point('2026-11-01', 'at-risk', 55),
            point('2026-11-10', 'ready', 85),
            // After the start: not the baseline.
            point('2026-11-12', 'at-risk', 60),
          ],
        },
        {
          ...services[1],
          level: 'ready',
          score: 90,
          trend: [point('2026-11-09', 'at-risk', 70)],
        },
        {
          entityRef: 'component:default/new',
          title: 'New',
          level: 'ready',
          score: 90,
          // No snapshot before the start: nothing to compare.
          trend: [point('2026-11-20', 'at-risk', 70)],
        },
      ],
      '2026-11-10T15:00:00Z',
    );
    expect(changes).toEqual([
      {
        entityRef: CHECKOUT,
        title: 'Checkout',
        before: { day: '2026-11-10', level: 'ready', score: 85 },
        after: { level: 'at-risk', score: 60 },
        direction: 'worse',
      },
      {
        entityRef: SEARCH,
        title: 'Search',
        before: { day: '2026-11-09', level: 'at-risk', score: 70 },
        after: { level: 'ready', score: 90 },
        direction: 'better',
      },
    ]);
  });
});
