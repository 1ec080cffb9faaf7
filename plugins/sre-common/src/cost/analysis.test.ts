import {
  costReport,
  type CostReportInput,
  type DailyCost,
  isPreviousPeriodPartial,
} from './analysis';
import { exchangeRatesProblems } from './currency';
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
    // The step to 20 on 13 and 14 March breaks the 3σ rule (flat 10s
    // before), so those two days are left out: 5 days of 20 remain.
    expect(report.forecast).toEqual({
      month: '2026-03',
      amount: 500,
      actual: 260,
      dailyRate: 20,
      basisDays: 5,
      remainingDays: 12,
      excluded: [
        { date: '2026-03-13', amount: 20 },
        { date: '2026-03-14', amount: 20 },
      ],
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
      excluded: [],
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
          // 5 and 9 by turns: 11.5 in March is within the 3σ rule.
          ...days('2026-02-20', 9).map((d, n) =>
            row(d, 'ec2', n % 2 ? '9' : '5'),
          ),
          row('2026-03-01', 'ec2', '11.5'),
          row('2026-03-02', 'ec2', '11.5'),
        ],
      }),
    );
    // Basis 24 Feb … 2 Mar: 5 + 9 + 5 + 9 + 5 + 2×11.5 = 56, 8/day; 3…31 March is 29 days.
    expect(report.forecast).toEqual({
      month: '2026-03',
      amount: 23 + 29 * 8,
      actual: 23,
      dailyRate: 8,
      basisDays: 7,
      remainingDays: 29,
      excluded: [],
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
      excluded: [],
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
      excluded: [],
    });
  });

  it('leaves out a day the anomaly rule flags, and says which', () => {
    const report = costReport(
      input({
        ...march,
        today: '2026-03-20',
        rows: [
          ...days('2026-03-01', 19).map(d =>
            row(d, 'cdn', d === '2026-03-16' ? '500' : '10'),
          ),
        ],
      }),
    );
    // The card marks 16 March; the rate is the other 6 days' 10, not (6×10 + 500) / 7.
    expect(report.anomalies.map(a => a.date)).toEqual(['2026-03-16']);
    expect(report.forecast).toEqual({
      month: '2026-03',
      amount: 18 * 10 + 500 + 12 * 10,
      actual: 18 * 10 + 500,
      dailyRate: 10,
      basisDays: 6,
      remainingDays: 12,
      excluded: [{ date: '2026-03-16', amount: 500 }],
    });
  });

  it('flags days before the range by the same rule', () => {
    // The range starts on 19 March; the spike on 15 March is in the basis, not in the range.
    const report = costReport(
      input({
        from: '2026-03-19',
        to: '2026-03-21',
        today: '2026-03-20',
        rows: days('2026-02-01', 47).map(d =>
          row(d, 'cdn', d === '2026-03-15' ? '300' : '10'),
        ),
      }),
    );
    expect(report.anomalies).toEqual([]);
    expect(report.forecast?.excluded).toEqual([
      { date: '2026-03-15', amount: 300 },
    ]);
    expect(report.forecast?.dailyRate).toBe(10);
  });

  it('keeps every day when the rule flags all of them: spend is at a new level', () => {
    // Each day doubles: with only the jump rule, every day is 50% above its trailing mean.
    const rows = days('2026-03-01', 19).map((d, i) =>
      row(d, 'ec2', String(2 ** i)),
    );
    const report = costReport(
      input({
        ...march,
        today: '2026-03-20',
        rows,
        policy: { jump: 0.5, minHistoryDays: 100 },
      }),
    );
    // 13…19 March: 2^12 … 2^18 = 2^19 − 2^12 = 520,192 over 7 days.
    expect(report.forecast).toMatchObject({
      basisDays: 7,
      dailyRate: 74_313.142857,
      excluded: [],
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

describe('costReport coverage of the previous period', () => {
  // A 90-day range whose data starts 30 days before it.
  const range = { from: '2026-04-01', to: '2026-06-30' };
  const rows = days('2026-03-02', 120).map(d => row(d, 'ec2', '10'));

  it('counts the days with data in each period', () => {
    const report = costReport(input({ ...range, rows }));
    expect(report.coverage).toEqual({
      periodDays: 90,
      days: 90,
      previousDays: 30,
      dataFrom: '2026-03-02',
    });
    // 900 vs 300: the +200% that only says the data is younger than the previous period.
    expect(report.change).toBe(2);
    expect(isPreviousPeriodPartial(report.coverage)).toBe(true);
  });

  it('takes the sources’ spans over the rows: a day with no spend is still a day with data', () => {
    // Data since December, up to the range's last day but one.
    const report = costReport(
      input({
        ...range,
        rows,
        dataSpans: [{ from: '2025-12-01', to: '2026-06-29' }],
      }),
    );
    expect(report.coverage).toEqual({
      periodDays: 90,
      days: 89,
      previousDays: 90,
      dataFrom: '2025-12-01',
    });
    expect(isPreviousPeriodPartial(report.coverage)).toBe(false);
  });

  it('counts only the days inside a span when the spans leave a gap', () => {
    const report = costReport(
      input({
        ...range,
        rows,
        dataSpans: [
          { from: '2025-12-01', to: '2026-01-31' },
          { from: '2026-02-15', to: '2026-06-29' },
        ],
      }),
    );
    // 1–30 January and 15 February – 31 March: 30 + 45 days.
    expect(report.coverage.previousDays).toBe(75);
    expect(isPreviousPeriodPartial(report.coverage)).toBe(true);
  });

  it('has none without rows', () => {
    const report = costReport(input({ ...range }));
    expect(report.coverage).toEqual({
      periodDays: 90,
      days: 0,
      previousDays: 0,
      dataFrom: null,
    });
    expect(isPreviousPeriodPartial(report.coverage)).toBe(false);
  });
});

describe('costReport in several currencies', () => {
  const rows: DailyCost[] = [
    row('2026-03-08', 'ec2', '10'),
    row('2026-03-10', 'ec2', '20'),
    { ...row('2026-03-09', 'mackerel', '1200'), currency: 'JPY' },
    { ...row('2026-03-11', 'mackerel', '1500'), currency: 'JPY' },
    { ...row('2026-03-11', 'sap', '3.5'), currency: 'EUR' },
  ];

  it('keeps its amounts in one currency and lists every currency side by side', () => {
    const report = costReport(input({ rows }));
    expect(report.total).toEqual({ amount: 20, currency: 'USD' });
    expect(report.drivers.map(d => d.name)).toEqual(['ec2']);
    expect(report.allCurrencies).toEqual({
      totals: [
        {
          currency: 'EUR',
          total: { amount: 3.5, currency: 'EUR' },
          previousTotal: { amount: 0, currency: 'EUR' },
        },
        {
          currency: 'JPY',
          total: { amount: 1500, currency: 'JPY' },
          previousTotal: { amount: 1200, currency: 'JPY' },
        },
        {
          currency: 'USD',
          total: { amount: 20, currency: 'USD' },
          previousTotal: { amount: 10, currency: 'USD' },
        },
      ],
      converted: null,
      missingRates: [],
    });
  });

  it('converts all of it into the base with a rate table', () => {
    const report = costReport(
      input({
        rows,
        exchangeRates: { base: 'USD', rates: { JPY: 0.0067, EUR: 1.08 } },
      }),
    );
    // 20 + 1500 × 0.0067 + 3.5 × 1.08 = 20 + 10.05 + 3.78; before: 10 + 8.04.
    expect(report.allCurrencies.converted).toEqual({
      total: { amount: 33.83, currency: 'USD' },
      previousTotal: { amount: 18.04, currency: 'USD' },
      rates: { EUR: 1.08, JPY: 0.0067, USD: 1 },
    });
  });

  it('converts into a base none of the spend is in', () => {
    const report = costReport(
      input({
        rows: rows.filter(r => r.currency !== 'EUR'),
        exchangeRates: { base: 'EUR', rates: { JPY: 0.0062, USD: 0.93 } },
      }),
    );
    // 1500 × 0.0062 + 20 × 0.93
    expect(report.allCurrencies.converted?.total).toEqual({
      amount: 27.9,
      currency: 'EUR',
    });
  });

  it('does not convert when a currency has no rate, and names it', () => {
    const report = costReport(
      input({ rows, exchangeRates: { base: 'USD', rates: { EUR: 1.08 } } }),
    );
    expect(report.allCurrencies.converted).toBeNull();
    expect(report.allCurrencies.missingRates).toEqual(['JPY']);
    expect(report.allCurrencies.totals).toHaveLength(3);
  });
});

describe('exchangeRatesProblems', () => {
  it('accepts a table of positive rates keyed by currency codes', () => {
    expect(
      exchangeRatesProblems({
        base: 'USD',
        rates: { JPY: 0.0067, EUR: 1.08, USD: 1 },
      }),
    ).toEqual([]);
  });

  it('names each bad key', () => {
    expect(
      exchangeRatesProblems({
        base: 'dollar',
        rates: { JPY: 0, eur: 1.08, GBP: NaN, CHF: -1 },
      }),
    ).toEqual([
      'base: must be an ISO 4217 code such as USD',
      'rates.JPY: must be a number > 0 (units of dollar per JPY)',
      'rates.eur: must be keyed by an ISO 4217 code',
      'rates.GBP: must be a number > 0 (units of dollar per GBP)',
      'rates.CHF: must be a number > 0 (units of dollar per CHF)',
    ]);
    expect(exchangeRatesProblems({ base: 'USD', rates: { USD: 1.1 } })).toEqual(
      ["rates.USD: the base currency's rate is 1"],
    );
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
