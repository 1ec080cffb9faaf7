import { DEFAULT_SLO_POLICY } from './math';
import { parseMaintenanceWindows, sloPolicy } from './policy';

describe('sloPolicy', () => {
  it('is the default policy without overrides', () => {
    expect(sloPolicy()).toEqual(DEFAULT_SLO_POLICY);
    expect(sloPolicy({})).toEqual(DEFAULT_SLO_POLICY);
    expect(DEFAULT_SLO_POLICY.lowTrafficBudgetShare).toBe(0.01);
    expect(DEFAULT_SLO_POLICY.historyPoints).toBe(60);
  });

  it('lays each override over the defaults', () => {
    const policy = sloPolicy({
      lowTrafficBudgetShare: 0.05,
      historyPoints: 10,
    });
    expect(policy.lowTrafficBudgetShare).toBe(0.05);
    expect(policy.historyPoints).toBe(10);
    expect(policy.alertRules).toEqual(DEFAULT_SLO_POLICY.alertRules);
    // The defaults themselves are untouched.
    expect(DEFAULT_SLO_POLICY.lowTrafficBudgetShare).toBe(0.01);
    expect(DEFAULT_SLO_POLICY.historyPoints).toBe(60);
  });

  it('replaces the alert rules, keeping only the known fields', () => {
    const policy = sloPolicy({
      alertRules: [
        {
          severity: 'ticket',
          longWindow: '2h',
          shortWindow: '5m',
          burnRate: 2.5,
          extra: true,
        },
      ],
    });
    expect(policy.alertRules).toEqual([
      {
        severity: 'ticket',
        longWindow: '2h',
        shortWindow: '5m',
        burnRate: 2.5,
      },
    ]);
    expect(policy.historyPoints).toBe(60);
  });

  it('accepts the bounds of each setting', () => {
    expect(sloPolicy({ lowTrafficBudgetShare: 1 }).lowTrafficBudgetShare).toBe(
      1,
    );
    expect(sloPolicy({ historyPoints: 2 }).historyPoints).toBe(2);
    expect(sloPolicy({ historyPoints: 1000 }).historyPoints).toBe(1000);
    expect(sloPolicy({ alertRules: [] }).alertRules).toEqual([]);
  });

  const rule = {
    severity: 'page',
    longWindow: '1h',
    shortWindow: '5m',
    burnRate: 14.4,
  };

  it.each([
    [{ alertRules: 'page' }, /^sre\.slo\.alertRules must be a list/],
    [{ alertRules: {} }, /^sre\.slo\.alertRules must be a list/],
    [
      { alertRules: [rule, { ...rule, severity: 'warn' }] },
      /^sre\.slo\.alertRules\[1\]\.severity must be page or ticket/,
    ],
    [
      { alertRules: [null] },
      /^sre\.slo\.alertRules\[0\]\.severity must be page or ticket/,
    ],
    [
      { alertRules: [{ ...rule, longWindow: '4h' }] },
      /^sre\.slo\.alertRules\[0\]\.longWindow must be one of 5m, 30m, 1h, 2h, 6h, 1d, 3d$/,
    ],
    [
      { alertRules: [{ ...rule, shortWindow: undefined }] },
      /^sre\.slo\.alertRules\[0\]\.shortWindow must be one of/,
    ],
    [
      { alertRules: [{ ...rule, burnRate: 0 }] },
      /^sre\.slo\.alertRules\[0\]\.burnRate must be a positive number/,
    ],
    [
      { alertRules: [{ ...rule, burnRate: -1 }] },
      /^sre\.slo\.alertRules\[0\]\.burnRate must be a positive number/,
    ],
    [
      { alertRules: [{ ...rule, burnRate: '2' }] },
      /^sre\.slo\.alertRules\[0\]\.burnRate must be a positive number/,
    ],
    [
      { alertRules: [{ ...rule, burnRate: NaN }] },
      /^sre\.slo\.alertRules\[0\]\.burnRate must be a positive number/,
    ],
    [{ lowTrafficBudgetShare: 0 }, /^sre\.slo\.lowTrafficBudgetShare must/],
    [{ lowTrafficBudgetShare: 1.5 }, /^sre\.slo\.lowTrafficBudgetShare must/],
    [{ lowTrafficBudgetShare: '0.1' }, /^sre\.slo\.lowTrafficBudgetShare must/],
    [{ historyPoints: 1 }, /^sre\.slo\.historyPoints must be an integer/],
    [{ historyPoints: 1001 }, /^sre\.slo\.historyPoints must be an integer/],
    [{ historyPoints: 2.5 }, /^sre\.slo\.historyPoints must be an integer/],
    [{ historyPoints: '10' }, /^sre\.slo\.historyPoints must be an integer/],
  ])('throws a TypeError naming the setting for %p', (overrides, message) => {
    expect(() => sloPolicy(overrides)).toThrow(TypeError);
    expect(() => sloPolicy(overrides)).toThrow(message);
  });
});

describe('parseMaintenanceWindows', () => {
  const HOUR = 3_600_000;

  it('reads start/end and start/duration intervals separated by commas', () => {
    expect(
      parseMaintenanceWindows(
        '2026-11-20T01:00Z/2026-11-20T03:00Z, 2026-11-21T00:00Z/PT2H',
      ),
    ).toEqual({
      intervals: [
        { start: Date.UTC(2026, 10, 20, 1), end: Date.UTC(2026, 10, 20, 3) },
        {
          start: Date.UTC(2026, 10, 21, 0),
          end: Date.UTC(2026, 10, 21, 0) + 2 * HOUR,
        },
      ],
      invalid: [],
    });
  });

  it('reads intervals on separate lines, with offsets, skipping blank lines', () => {
    const text = [
      '  2026-11-22T09:00+09:00/PT30M  ',
      '',
      '2026-11-23T00:00:00Z/2026-11-24T00:00:00Z',
      '',
    ].join('\n');
    expect(parseMaintenanceWindows(text)).toEqual({
      intervals: [
        // 09:00 in UTC+9 is 00:00Z
        {
          start: Date.UTC(2026, 10, 22, 0),
          end: Date.UTC(2026, 10, 22, 0, 30),
        },
        { start: Date.UTC(2026, 10, 23), end: Date.UTC(2026, 10, 24) },
      ],
      invalid: [],
    });
  });

  it('takes a list of entries', () => {
    expect(
      parseMaintenanceWindows(['2026-11-20T01:00Z/PT1H', ' ']).intervals,
    ).toEqual([
      { start: Date.UTC(2026, 10, 20, 1), end: Date.UTC(2026, 10, 20, 2) },
    ]);
  });

  it('reports the entries that are not intervals and keeps the rest', () => {
    const result = parseMaintenanceWindows(
      [
        'tomorrow',
        '2026-11-20T01:00Z/2026-11-20T03:00Z',
        '2026-11-20T03:00Z/2026-11-20T01:00Z', // ends before it starts
        '2026-11-20T01:00Z', // no end
      ].join(','),
    );
    expect(result.intervals).toEqual([
      { start: Date.UTC(2026, 10, 20, 1), end: Date.UTC(2026, 10, 20, 3) },
    ]);
    expect(result.invalid).toEqual([
      'tomorrow',
      '2026-11-20T03:00Z/2026-11-20T01:00Z',
      '2026-11-20T01:00Z',
    ]);
  });

  it('is empty for nothing', () => {
    expect(parseMaintenanceWindows(undefined)).toEqual({
      intervals: [],
      invalid: [],
    });
    expect(parseMaintenanceWindows('')).toEqual({ intervals: [], invalid: [] });
  });
});
