import { costReport, type CostReportInput, type DailyCost } from './analysis';
import { parseDecimal } from './decimal';

function dec(text: string): bigint {
  const scaled = parseDecimal(text);
  if (scaled === undefined) throw new Error(`not a decimal: ${text}`);
  return scaled;
}

function row(
  date: string,
  driver: string,
  amount: string,
  estimated?: boolean,
): DailyCost {
  return { date, driver, amount: dec(amount), estimated };
}

/** `count` consecutive YYYY-MM-DD days from `first`. */
function days(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

function input(overrides: Partial<CostReportInput>): CostReportInput {
  return {
    currency: 'USD',
    currencies: ['USD'],
    sources: ['aws'],
    allocation: 'service=checkout-api',
    metric: 'effective',
    from: '2026-03-10',
    to: '2026-03-13',
    granularity: 'day',
    rows: [],
    // Far away, so no forecast unless a test asks for one.
    today: '2030-01-01',
    ...overrides,
  };
}

describe('costReport totals, series and drivers', () => {
  const rows = [
    row('2026-03-06', 'ec2', '500'), // before the previous period
    row('2026-03-07', 'ec2', '10'),
    row('2026-03-08', 'ec2', '10'),
    row('2026-03-09', 's3', '10'),
    row('2026-03-10', 'ec2', '12.5'),
    row('2026-03-11', 'ec2', '7.25'),
    row('2026-03-11', '', '2.75'),
    row('2026-03-13', 'ec2', '1000'), // on `to`: outside
  ];

  it('compares the range with the same number of days before it', () => {
    const report = costReport(input({ rows }));
    expect(report.previousFrom).toBe('2026-03-07');
    expect(report.previousTo).toBe('2026-03-10');
    expect(report.total).toEqual({ amount: 22.5, currency: 'USD' });
    expect(report.previousTotal).toEqual({ amount: 30, currency: 'USD' });
    // (22.5 − 30) / 30
    expect(report.change).toBe(-0.25);
    expect(report.changeAmount).toEqual({ amount: -7.5, currency: 'USD' });
  });

  it('has a point for every day, zero where there were no rows', () => {
    expect(costReport(input({ rows })).series).toEqual([
      { date: '2026-03-10', amount: 12.5, estimated: false },
      { date: '2026-03-11', amount: 10, estimated: false },
      { date: '2026-03-12', amount: 0, estimated: false },
    ]);
  });

  it('lists drivers by spend, keeping one that disappeared', () => {
    expect(costReport(input({ rows })).drivers).toEqual([
      // 19.75 vs 20: −0.25 / 20
      {
        name: 'ec2',
        amount: 19.75,
        previousAmount: 20,
        change: -0.0125,
        changeAmount: -0.25,
      },
      {
        name: '',
        amount: 2.75,
        previousAmount: 0,
        change: null,
        changeAmount: 2.75,
      },
      {
        name: 's3',
        amount: 0,
        previousAmount: 10,
        change: -1,
        changeAmount: -10,
      },
    ]);
  });

  it('orders equal spend by name and leaves out drivers with no spend', () => {
    const report = costReport(
      input({
        rows: [
          row('2026-03-10', 'b', '5'),
          row('2026-03-10', 'a', '5'),
          row('2026-03-10', 'free-tier', '0'),
          row('2026-03-01', 'old', '9'), // only before the previous period
        ],
      }),
    );
    expect(report.drivers.map(d => d.name)).toEqual(['a', 'b']);
  });

  it('has no change without previous spend, and a sign that follows a net credit', () => {
    expect(
      costReport(input({ rows: [row('2026-03-10', 'ec2', '5')] })).change,
    ).toBeNull();
    const credit = costReport(
      input({
        rows: [row('2026-03-08', 'ec2', '-10'), row('2026-03-10', 'ec2', '10')],
      }),
    );
    // From −10 to +10 is up by 20, i.e. +200% of |−10|.
    expect(credit.change).toBe(2);
    expect(credit.changeAmount.amount).toBe(20);
  });

  it('sums 10,000 rows of 0.1 to exactly 1000', () => {
    const rangeDays = days('2026-01-01', 10);
    const tenths = Array.from({ length: 10_000 }, (_, i) =>
      row(rangeDays[i % 10], `svc-${i % 7}`, '0.1'),
    );
    const report = costReport(
      input({ from: '2026-01-01', to: '2026-01-11', rows: tenths }),
    );
    expect(report.total.amount).toBe(1000);
    expect(report.series.map(p => p.amount)).toEqual(Array(10).fill(100));
  });

  it('sums 1,000 rows to the same total as integer cents', () => {
    const rangeDays = days('2026-01-01', 20);
    let cents = 0;
    const many: DailyCost[] = [];
    for (let i = 1; i <= 1000; i++) {
      const c = (i * 104_729) % 1_000_000; // 0.00 … 9999.99
      cents += c;
      many.push(
        row(
          rangeDays[i % 20],
          `svc-${i % 5}`,
          `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`,
        ),
      );
    }
    const report = costReport(
      input({ from: '2026-01-01', to: '2026-01-21', rows: many }),
    );
    // Integer cents are exact in a number; one division gives the nearest double.
    expect(report.total.amount).toBe(cents / 100);
  });

  it('passes the currency through and never adds another', () => {
    const report = costReport(
      input({
        currency: 'EUR',
        currencies: ['EUR', 'USD'],
        rows: [row('2026-03-08', 'ec2', '4'), row('2026-03-10', 'ec2', '5')],
      }),
    );
    expect(report.currency).toBe('EUR');
    expect(report.currencies).toEqual(['EUR', 'USD']);
    expect(
      [report.total, report.previousTotal, report.changeAmount].map(
        m => m.currency,
      ),
    ).toEqual(['EUR', 'EUR', 'EUR']);
    expect(report.metric).toBe('effective');
    expect(report.sources).toEqual(['aws']);
    expect(report.allocation).toBe('service=checkout-api');
  });

  it('flags estimated days in range only', () => {
    const report = costReport(
      input({
        rows: [
          row('2026-03-09', 'ec2', '1', true), // previous period
          row('2026-03-12', 'ec2', '1', true),
        ],
      }),
    );
    expect(report.estimated).toBe(true);
    expect(report.series.map(p => p.estimated)).toEqual([false, false, true]);
    expect(
      costReport(input({ rows: [row('2026-03-09', 'ec2', '1', true)] }))
        .estimated,
    ).toBe(false);
  });
});

describe('costReport by month', () => {
  it('has one point per calendar month, covering only days in range', () => {
    const report = costReport(
      input({
        from: '2026-01-15',
        to: '2026-03-05',
        granularity: 'month',
        rows: [
          row('2026-01-14', 'ec2', '100'),
          row('2026-01-15', 'ec2', '1'),
          row('2026-01-31', 'ec2', '2'),
          row('2026-02-01', 'ec2', '3'),
          row('2026-02-28', 'ec2', '4', true),
          row('2026-03-04', 'ec2', '5'),
          row('2026-03-05', 'ec2', '1000'),
        ],
      }),
    );
    expect(report.series).toEqual([
      { date: '2026-01', amount: 3, estimated: false },
      { date: '2026-02', amount: 7, estimated: true },
      { date: '2026-03', amount: 5, estimated: false },
    ]);
    expect(report.total.amount).toBe(15);
    // 17 + 28 + 4 = 49 days before 2026-01-15
    expect(report.previousFrom).toBe('2025-11-27');
    expect(report.previousTotal.amount).toBe(100);
    expect(report.change).toBe(-0.85);
  });
});

describe('costReport forecast', () => {
  const march = { from: '2026-03-01', to: '2026-04-01' };

  it('adds the last 7 days mean for the rest of the month', () => {
    const report = costReport(
      input({
        ...march,
        today: '2026-03-20',
        rows: [
          ...days('2026-03-01', 12).map(d => row(d, 'ec2', '10')),
          ...days('2026-03-13', 7).map(d => row(d, 'ec2', '20')),
          row('2026-03-20', 'ec2', '5', true), // today: not complete
        ],
      }),
    );
    // 12×10 + 7×20 = 260 so far; 20/day for 20…31 March (12 days) = 240.
    expect(report.forecast).toEqual({
      month: '2026-03',
      amount: 500,
      actual: 260,
      dailyRate: 20,
      basisDays: 7,
      remainingDays: 12,
    });
  });

  it('counts missing days as zero only after the first row', () => {
    const report = costReport(
      input({
        ...march,
        today: '2026-03-20',
        rows: [row('2026-03-17', 'ec2', '30'), row('2026-03-19', 'ec2', '15')],
      }),
    );
    // Basis 17, 18 (0), 19 March: 45 / 3 = 15; 45 + 12 × 15 = 225.
    expect(report.forecast).toEqual({
      month: '2026-03',
      amount: 225,
      actual: 45,
      dailyRate: 15,
      basisDays: 3,
      remainingDays: 12,
    });
  });

  it('does not multiply the rounding of the daily rate', () => {
    const report = costReport(
      input({
        ...march,
        today: '2026-03-20',
        rows: [row('2026-03-17', 'ec2', '10')],
      }),
    );
    // 10 / 3 a day shows rounded, but 12 days of it are exactly 40.
    expect(report.forecast?.dailyRate).toBe(3.333333);
    expect(report.forecast?.amount).toBe(50);
  });

  it('reaches into the previous month for the daily rate', () => {
    const report = costReport(
      input({
        from: '2026-02-15',
        to: '2026-03-04',
        today: '2026-03-03',
        rows: [
          ...days('2026-02-20', 9).map(d => row(d, 'ec2', '7')),
          row('2026-03-01', 'ec2', '14'),
          row('2026-03-02', 'ec2', '14'),
        ],
      }),
    );
    // Basis 24 Feb … 2 Mar: 5×7 + 2×14 = 63, 9/day; 3…31 March is 29 days.
    expect(report.forecast).toEqual({
      month: '2026-03',
      amount: 28 + 29 * 9,
      actual: 28,
      dailyRate: 9,
      basisDays: 7,
      remainingDays: 29,
    });
  });

  it('forecasts from the end of a range that stops before today', () => {
    const report = costReport(
      input({
        from: '2026-03-01',
        to: '2026-03-10',
        today: '2026-03-20',
        rows: days('2026-03-01', 9).map(d => row(d, 'ec2', '10')),
      }),
    );
    // No rows after 9 March: 90 so far, 10/day for 10…31 March (22 days).
    expect(report.forecast).toEqual({
      month: '2026-03',
      amount: 310,
      actual: 90,
      dailyRate: 10,
      basisDays: 7,
      remainingDays: 22,
    });
  });

  it('is zero-based without any rows', () => {
    expect(
      costReport(input({ ...march, today: '2026-03-20' })).forecast,
    ).toEqual({
      month: '2026-03',
      amount: 0,
      actual: 0,
      dailyRate: 0,
      basisDays: 0,
      remainingDays: 12,
    });
  });

  it.each(['2026-04-05', '2026-02-20'])(
    'is null when today (%s) is not in the range’s last month',
    today => {
      expect(
        costReport(
          input({ ...march, today, rows: [row('2026-03-05', 'ec2', '1')] }),
        ).forecast,
      ).toBeNull();
    },
  );
});

describe('costReport anomalies', () => {
  it('finds the one spike in a weekly pattern', () => {
    // Weekdays 100 (two services), weekends 20, from Monday 2 February; a 400 on Wednesday 18 March.
    const rows = days('2026-02-02', 56).flatMap((date, i) => {
      if (date === '2026-03-18') return [row(date, 'ec2', '400')];
      return i % 7 < 5
        ? [row(date, 'ec2', '60'), row(date, 's3', '40')]
        : [row(date, 'ec2', '20')];
    });
    const report = costReport(
      input({ from: '2026-03-02', to: '2026-03-30', rows }),
    );
    // Every 28-day window: 20 × 100 + 8 × 20 = 2160, mean 540/7.
    // n·Σx² − (Σx)² = 28 × 203,200 − 2160² = 1,024,000, so stddev = 320√10 / 28
    // and the threshold is 540/7 + 3 × 320√10 / 28 = 185.5638054…
    expect(report.anomalies).toEqual([
      {
        date: '2026-03-18',
        amount: 400,
        expected: 77.142857,
        threshold: 185.563805,
        rule: 'sigma',
      },
    ]);
  });

  // 28 days at 100, then 200 every day from 29 January.
  const step = [
    ...days('2026-01-01', 28).map(d => row(d, 'ec2', '100')),
    ...days('2026-01-29', 12).map(d => row(d, 'ec2', '200')),
  ];
  const stepRange = { from: '2026-01-29', to: '2026-02-10' };

  it('flags a step change until the stddev catches up', () => {
    const report = costReport(input({ ...stepRange, rows: step }));
    // k days of 200 in the window: threshold (2800 + 100k + 3·√(28·Σx² − (Σx)²)) / 28
    // k=0: 100 (flat) · k=1: (2900 + 3√270000)/28 = 159.24449…
    // k=2: (3000 + 3√520000)/28 = 184.40467… · k=3: (3100 + 3√750000)/28 = 203.50… > 200
    expect(report.anomalies).toEqual([
      {
        date: '2026-01-29',
        amount: 200,
        expected: 100,
        threshold: 100,
        rule: 'sigma',
      },
      {
        date: '2026-01-30',
        amount: 200,
        expected: 103.571429,
        threshold: 159.24449,
        rule: 'sigma',
      },
      {
        date: '2026-01-31',
        amount: 200,
        expected: 107.142857,
        threshold: 184.40467,
        rule: 'sigma',
      },
    ]);
  });

  it('prefers sigma, then flags a step by jump until the mean catches up', () => {
    const report = costReport(
      input({ ...stepRange, rows: step, policy: { jump: 0.5 } }),
    );
    // Jump: 200 > 1.5 × (2800 + 100k)/28 while k ≤ 9 (k=10: 203.57…).
    expect(report.anomalies.map(a => [a.date, a.rule])).toEqual([
      ['2026-01-29', 'sigma'],
      ['2026-01-30', 'sigma'],
      ['2026-01-31', 'sigma'],
      ...days('2026-02-01', 7).map(d => [d, 'jump']),
    ]);
    // k=3: 1.5 × 3100 / 28
    expect(report.anomalies[3]).toEqual({
      date: '2026-02-01',
      amount: 200,
      expected: 110.714286,
      threshold: 166.071429,
      rule: 'jump',
    });
  });

  it('flags any rise above a perfectly flat history', () => {
    const report = costReport(
      input({
        from: '2026-03-11',
        to: '2026-03-12',
        rows: [
          ...days('2026-03-01', 10).map(d => row(d, 'ec2', '50')),
          row('2026-03-11', 'ec2', '50.000001'),
        ],
      }),
    );
    expect(report.anomalies).toEqual([
      {
        date: '2026-03-11',
        amount: 50.000001,
        expected: 50,
        threshold: 50,
        rule: 'sigma',
      },
    ]);
  });

  it('counts missing days after the first row as zero, not days before it', () => {
    const report = costReport(
      input({
        from: '2026-03-08',
        to: '2026-03-09',
        rows: [row('2026-03-01', 'ec2', '10'), row('2026-03-08', 'ec2', '30')],
      }),
    );
    // History is 1–7 March only: [10, 0, 0, 0, 0, 0, 0], mean 10/7;
    // n·Σx² − (Σx)² = 700 − 100, threshold (10 + 3√600) / 7 = 11.9263846…
    expect(report.anomalies).toEqual([
      {
        date: '2026-03-08',
        amount: 30,
        expected: 1.428571,
        threshold: 11.926385,
        rule: 'sigma',
      },
    ]);
  });

  it('needs minHistoryDays for the sigma rule but not for jump', () => {
    const rows = [
      ...days('2026-03-01', 5).map(d => row(d, 'ec2', '100')),
      row('2026-03-06', 'ec2', '400'),
    ];
    const range = { from: '2026-03-06', to: '2026-03-07' };
    expect(costReport(input({ ...range, rows })).anomalies).toEqual([]);
    expect(
      costReport(input({ ...range, rows, policy: { jump: 0.5 } })).anomalies,
    ).toEqual([
      {
        date: '2026-03-06',
        amount: 400,
        expected: 100,
        threshold: 150,
        rule: 'jump',
      },
    ]);
    expect(
      costReport(input({ ...range, rows, policy: { minHistoryDays: 5 } }))
        .anomalies,
    ).toHaveLength(1);
  });

  it('flags jump only against noisy history sigma lets pass', () => {
    // 100, 300 alternating: mean 200, stddev 100, 3σ threshold 500.
    const rows = [
      ...days('2026-02-01', 28).map((d, i) =>
        row(d, 'ec2', i % 2 ? '300' : '100'),
      ),
      row('2026-03-01', 'ec2', '350'),
    ];
    const range = { from: '2026-03-01', to: '2026-03-02' };
    expect(costReport(input({ ...range, rows })).anomalies).toEqual([]);
    expect(
      costReport(input({ ...range, rows, policy: { jump: 0.5 } })).anomalies,
    ).toEqual([
      {
        date: '2026-03-01',
        amount: 350,
        expected: 200,
        threshold: 300,
        rule: 'jump',
      },
    ]);
    expect(
      costReport(input({ ...range, rows, policy: { sigma: 1.4 } })).anomalies,
    ).toEqual([
      {
        date: '2026-03-01',
        amount: 350,
        expected: 200,
        threshold: 340,
        rule: 'sigma',
      },
    ]);
  });

  it('does not apply jump to a zero mean', () => {
    const rows = [
      ...days('2026-03-01', 3).map(d => row(d, 'ec2', '0')),
      row('2026-03-04', 'ec2', '5'),
    ];
    expect(
      costReport(
        input({
          from: '2026-03-04',
          to: '2026-03-05',
          rows,
          policy: { jump: 0.5 },
        }),
      ).anomalies,
    ).toEqual([]);
  });

  it('honours a shorter trailing window', () => {
    // With 7 days the 100s of late February are out of the window: flat 50 → 60 is a rise.
    const rows = [
      ...days('2026-02-15', 10).map(d => row(d, 'ec2', '100')),
      ...days('2026-02-25', 7).map(d => row(d, 'ec2', '50')),
      row('2026-03-04', 'ec2', '60'),
    ];
    const range = { from: '2026-03-04', to: '2026-03-05' };
    expect(costReport(input({ ...range, rows })).anomalies).toEqual([]);
    expect(
      costReport(input({ ...range, rows, policy: { trailingDays: 7 } }))
        .anomalies,
    ).toEqual([
      {
        date: '2026-03-04',
        amount: 60,
        expected: 50,
        threshold: 50,
        rule: 'sigma',
      },
    ]);
  });
});

describe('costReport input checks', () => {
  it.each<[string, Partial<CostReportInput>]>([
    ['an empty range', { from: '2026-03-10', to: '2026-03-10' }],
    ['a reversed range', { from: '2026-03-10', to: '2026-03-01' }],
    ['an impossible date', { to: '2026-02-30' }],
    ['a bad row date', { rows: [row('10/03/2026', 'ec2', '1')] }],
    ['a negative sigma', { policy: { sigma: -1 } }],
    ['a NaN jump', { policy: { jump: NaN } }],
    ['a zero trailing window', { policy: { trailingDays: 0 } }],
    ['a fractional minHistoryDays', { policy: { minHistoryDays: 2.5 } }],
  ])('rejects %s', (_, overrides) => {
    expect(() => costReport(input(overrides))).toThrow(RangeError);
  });

  it('rejects a number where a bigint amount belongs', () => {
    const rows = [
      { date: '2026-03-10', driver: 'ec2', amount: 1 as unknown as bigint },
    ];
    expect(() => costReport(input({ rows }))).toThrow(TypeError);
  });
});
