import type {
  CostReport,
  CostSeriesPoint,
  TeamCostReport,
} from '@baton/plugin-sre-common';

/** The 30 days of checkout-api's report: $100 a day, a $420.50 spike on Nov 18, Nov 25 still estimated. */
export function costSeries(): CostSeriesPoint[] {
  return Array.from({ length: 30 }, (_, index) => {
    const date = new Date(Date.UTC(2026, 9, 27 + index))
      .toISOString()
      .slice(0, 10);
    let amount = 100;
    if (date === '2026-11-18') amount = 420.5;
    if (date === '2026-11-25') amount = 60;
    return { date, amount, estimated: date === '2026-11-25' };
  });
}

/**
 * checkout-api's spend from Oct 27 to Nov 25, 2026 in USD: $3,280.50,
 * +20% on the previous 30 days, with an anomaly, a forecast and three
 * drivers (one without a service name); the given fields changed.
 */
export function costReport(overrides: Partial<CostReport> = {}): CostReport {
  return {
    from: '2026-10-27',
    to: '2026-11-26',
    previousFrom: '2026-09-27',
    previousTo: '2026-10-27',
    granularity: 'day',
    metric: 'effective',
    currency: 'USD',
    currencies: ['USD'],
    total: { amount: 3280.5, currency: 'USD' },
    previousTotal: { amount: 2733.75, currency: 'USD' },
    change: 0.2,
    changeAmount: { amount: 546.75, currency: 'USD' },
    coverage: {
      periodDays: 30,
      days: 30,
      previousDays: 30,
      dataFrom: '2026-01-01',
    },
    allCurrencies: {
      totals: [
        {
          currency: 'USD',
          total: { amount: 3280.5, currency: 'USD' },
          previousTotal: { amount: 2733.75, currency: 'USD' },
        },
      ],
      converted: null,
      missingRates: [],
    },
    series: costSeries(),
    drivers: [
      {
        name: 'Amazon Elastic Compute Cloud',
        amount: 2100.25,
        previousAmount: 1700.25,
        change: 400 / 1700.25,
        changeAmount: 400,
      },
      {
        name: 'Amazon Relational Database Service',
        amount: 980.25,
        previousAmount: 1033.5,
        change: -53.25 / 1033.5,
        changeAmount: -53.25,
      },
      {
        name: '',
        amount: 200,
        previousAmount: 0,
        change: null,
        changeAmount: 200,
      },
    ],
    forecast: {
      month: '2026-11',
      amount: 2980.5,
      actual: 2480.5,
      dailyRate: 100,
      basisDays: 7,
      remainingDays: 5,
      excluded: [],
    },
    anomalies: [
      {
        date: '2026-11-18',
        amount: 420.5,
        expected: 100,
        threshold: 160,
        rule: 'sigma',
      },
    ],
    estimated: true,
    sources: ['focus'],
    allocation: 'service=checkout-api',
    ...overrides,
  };
}

/**
 * team-a's spend: checkout-api (titled Checkout API) and orders-db, and a 30% share of $900
 * unallocated spend; the given fields changed.
 */
export function teamCostReport(
  overrides: Partial<TeamCostReport> = {},
): TeamCostReport {
  return {
    ...costReport({
      total: { amount: 4480.5, currency: 'USD' },
      previousTotal: { amount: 4067.08, currency: 'USD' },
      change: 413.42 / 4067.08,
      changeAmount: { amount: 413.42, currency: 'USD' },
    }),
    entities: [
      {
        entityRef: 'component:default/checkout-api',
        title: 'Checkout API',
        total: { amount: 3280.5, currency: 'USD' },
        previousTotal: { amount: 2733.75, currency: 'USD' },
        change: 0.2,
        changeAmount: { amount: 546.75, currency: 'USD' },
        anomalies: [],
      },
      {
        entityRef: 'resource:default/orders-db',
        title: 'orders-db',
        total: { amount: 1200, currency: 'USD' },
        previousTotal: { amount: 1333.33, currency: 'USD' },
        change: -0.1,
        changeAmount: { amount: -133.33, currency: 'USD' },
        anomalies: [],
      },
      {
        entityRef: 'component:default/new-service',
        title: 'new-service',
        total: { amount: 0, currency: 'USD' },
        previousTotal: { amount: 0, currency: 'USD' },
        change: null,
        changeAmount: { amount: 0, currency: 'USD' },
        anomalies: [],
      },
    ],
    unallocated: {
      total: { amount: 900, currency: 'USD' },
      share: { amount: 270, currency: 'USD' },
      fraction: 0.3,
    },
    ...overrides,
  };
}
