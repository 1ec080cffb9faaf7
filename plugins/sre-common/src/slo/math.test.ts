import {
  alertStateOf,
  BURN_RATE_WINDOW_SECONDS,
  burnRateOf,
  burnRatesOf,
  DEFAULT_SLO_POLICY,
  errorBudgetOf,
  isLowTraffic,
  scaledBurnRateThreshold,
  sliOf,
  SloAlertRule,
  timeToExhaustion,
} from './math';
import type { BurnRateWindow } from './types';

const DAY = 86400;
const W30 = 30 * DAY;
const W28 = 28 * DAY;

/** Burn rates of every window, all `value` unless overridden. */
function rates(
  value: number | null,
  overrides: Partial<Record<BurnRateWindow, number | null>> = {},
): Record<BurnRateWindow, number | null> {
  return {
    '5m': value,
    '30m': value,
    '1h': value,
    '2h': value,
    '6h': value,
    '1d': value,
    '3d': value,
    ...overrides,
  };
}

describe('sliOf', () => {
  it('is good / total', () => {
    expect(sliOf({ good: 990, total: 1000 })).toBeCloseTo(990 / 1000, 12);
    expect(sliOf({ good: 1, total: 3 })).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 when every event is bad and 1 when every event is good', () => {
    expect(sliOf({ good: 0, total: 50 })).toBe(0);
    expect(sliOf({ good: 50, total: 50 })).toBe(1);
  });

  it('is null without traffic', () => {
    expect(sliOf({ good: 0, total: 0 })).toBeNull();
  });
});

describe('errorBudgetOf', () => {
  it('consumed = bad / (total × (1 − objective)), remaining = 1 − consumed', () => {
    const budget = errorBudgetOf({ good: 995, total: 1000 }, 0.99);
    // 5 bad of 1000 allowed 1000 × 0.01 = 10 bad.
    expect(budget.allowedBadEvents).toBeCloseTo(1000 * (1 - 0.99), 9);
    expect(budget.consumed).toBeCloseTo(5 / 10, 9);
    expect(budget.remaining).toBeCloseTo(1 - 5 / 10, 9);
  });

  it('goes negative once the budget is overspent', () => {
    // 30 bad of 1000 at 99.9%: allowed 1, consumed 30.
    const budget = errorBudgetOf({ good: 970, total: 1000 }, 0.999);
    expect(budget.allowedBadEvents).toBeCloseTo(1000 * 0.001, 9);
    expect(budget.consumed).toBeCloseTo(30 / 1, 9);
    expect(budget.remaining).toBeCloseTo(1 - 30, 9);
    expect(budget.remaining!).toBeLessThan(0);
  });

  it('consumes 1 / (1 − objective) when every event is bad', () => {
    const budget = errorBudgetOf({ good: 0, total: 400 }, 0.95);
    // 400 bad / (400 × 0.05) = 1 / 0.05 = 20
    expect(budget.consumed).toBeCloseTo(1 / (1 - 0.95), 9);
    expect(budget.remaining).toBeCloseTo(1 - 1 / (1 - 0.95), 9);
  });

  it('keeps the whole budget when every event is good', () => {
    const budget = errorBudgetOf({ good: 200, total: 200 }, 0.99);
    expect(budget.consumed).toBe(0);
    expect(budget.remaining).toBe(1);
  });

  it('is all null without traffic', () => {
    expect(errorBudgetOf({ good: 0, total: 0 }, 0.99)).toEqual({
      consumed: null,
      remaining: null,
      allowedBadEvents: null,
    });
  });
});

describe('burnRateOf', () => {
  it('is (bad / total) / (1 − objective)', () => {
    expect(burnRateOf({ good: 990, total: 1000 }, 0.99)).toBeCloseTo(
      10 / 1000 / (1 - 0.99),
      9,
    );
    // 3 bad in 2000 at 99.9%: 0.0015 / 0.001 = 1.5
    expect(burnRateOf({ good: 1997, total: 2000 }, 0.999)).toBeCloseTo(
      3 / 2000 / 0.001,
      9,
    );
  });

  it('is exactly 1 when the error rate equals the budget', () => {
    expect(burnRateOf({ good: 99, total: 100 }, 0.99)).toBeCloseTo(1, 9);
  });

  it('is 0 without bad events and 1 / (1 − objective) when all are bad', () => {
    expect(burnRateOf({ good: 10, total: 10 }, 0.99)).toBe(0);
    expect(burnRateOf({ good: 0, total: 10 }, 0.99)).toBeCloseTo(100, 9);
  });

  it('is null without traffic', () => {
    expect(burnRateOf({ good: 0, total: 0 }, 0.99)).toBeNull();
  });
});

describe('scaledBurnRateThreshold', () => {
  const rule: SloAlertRule = {
    severity: 'page',
    longWindow: '1h',
    shortWindow: '5m',
    burnRate: 14.4,
  };

  it('keeps the workbook threshold for a 30-day window', () => {
    expect(scaledBurnRateThreshold(rule, W30)).toBeCloseTo(14.4, 9);
  });

  it('scales 14.4 to 14.4 × 28 / 30 = 13.44 for a 28-day window', () => {
    expect(scaledBurnRateThreshold(rule, W28)).toBeCloseTo(13.44, 9);
  });

  it('scales to a 7-day window and a 1-day window', () => {
    expect(scaledBurnRateThreshold(rule, 7 * DAY)).toBeCloseTo(
      (14.4 * 7) / 30,
      9,
    );
    expect(scaledBurnRateThreshold({ ...rule, burnRate: 6 }, DAY)).toBeCloseTo(
      6 / 30,
      9,
    );
  });
});

describe('alertStateOf', () => {
  // For a 30-day window the thresholds are the workbook's: 14.4, 6, 3, 1.
  it('pages when both 1h and 5m burn above 14.4', () => {
    const result = alertStateOf(rates(0, { '1h': 15, '5m': 20 }), W30);
    expect(result.state).toBe('page');
    expect(result.rules.map(r => r.firing)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('pages when both 6h and 30m burn above 6', () => {
    const result = alertStateOf(rates(0, { '6h': 7, '30m': 6.5 }), W30);
    expect(result.state).toBe('page');
    expect(result.rules[1]).toMatchObject({
      severity: 'page',
      longWindow: '6h',
      shortWindow: '30m',
      longBurnRate: 7,
      shortBurnRate: 6.5,
      firing: true,
    });
  });

  it('opens a ticket when both 1d and 2h burn above 3', () => {
    const result = alertStateOf(rates(0, { '1d': 3.5, '2h': 4 }), W30);
    expect(result.state).toBe('ticket');
    expect(result.rules[2].firing).toBe(true);
  });

  it('opens a ticket when both 3d and 6h burn above 1', () => {
    const result = alertStateOf(rates(0, { '3d': 1.2, '6h': 1.5 }), W30);
    expect(result.state).toBe('ticket');
    expect(result.rules.map(r => r.firing)).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('does not fire when only the long window is above the threshold', () => {
    const result = alertStateOf(rates(0, { '1h': 20, '5m': 14 }), W30);
    expect(result.rules[0].firing).toBe(false);
    expect(result.state).toBe('ok');
  });

  it('does not fire when only the short window is above the threshold', () => {
    const result = alertStateOf(rates(0, { '1h': 14, '5m': 100 }), W30);
    expect(result.rules[0].firing).toBe(false);
    expect(result.state).toBe('ok');
  });

  it('does not fire at exactly the threshold (strictly above)', () => {
    const result = alertStateOf(rates(0, { '1d': 3, '2h': 3 }), W30);
    expect(result.rules[2].firing).toBe(false);
    expect(result.state).toBe('ok');
  });

  it('lets a page win over a ticket', () => {
    // Everything at 20 fires every rule.
    const result = alertStateOf(rates(20), W30);
    expect(result.rules.every(r => r.firing)).toBe(true);
    expect(result.state).toBe('page');
  });

  it('is unknown when a long window has no traffic', () => {
    const result = alertStateOf(rates(0.5, { '3d': null }), W30);
    expect(result.state).toBe('unknown');
    expect(alertStateOf(rates(null), W30).state).toBe('unknown');
  });

  it('is ok when only a short window has no traffic', () => {
    expect(alertStateOf(rates(0.5, { '5m': null }), W30).state).toBe('ok');
  });

  it('still pages when another long window has no traffic', () => {
    const result = alertStateOf(rates(null, { '1h': 20, '5m': 20 }), W30);
    expect(result.state).toBe('page');
  });

  it('does not fire a rule whose short window has no traffic', () => {
    const result = alertStateOf(rates(0, { '1h': 50, '5m': null }), W30);
    expect(result.rules[0].firing).toBe(false);
    expect(result.state).toBe('ok');
  });

  it('is ok when every window is below its threshold', () => {
    expect(alertStateOf(rates(0.9), W30).state).toBe('ok');
  });

  it('compares with thresholds scaled to the SLO window', () => {
    // 14 is below 14.4 (30d) but above 14.4 × 28 / 30 = 13.44 (28d).
    const burn = rates(0, { '1h': 14, '5m': 14 });
    expect(alertStateOf(burn, W30).state).toBe('ok');
    const scaled = alertStateOf(burn, W28);
    expect(scaled.state).toBe('page');
    expect(scaled.rules.map(r => r.threshold)).toEqual([
      expect.closeTo((14.4 * 28) / 30, 9),
      expect.closeTo((6 * 28) / 30, 9),
      expect.closeTo((3 * 28) / 30, 9),
      expect.closeTo((1 * 28) / 30, 9),
    ]);
  });

  it('uses the given rules', () => {
    const rules: SloAlertRule[] = [
      { severity: 'ticket', longWindow: '2h', shortWindow: '5m', burnRate: 2 },
    ];
    const result = alertStateOf(rates(0, { '2h': 2.5, '5m': 2.5 }), W30, rules);
    expect(result.state).toBe('ticket');
    expect(result.rules).toHaveLength(1);
    // Only the rule's long window (2h) needs traffic for ok.
    expect(alertStateOf(rates(null, { '2h': 0 }), W30, rules).state).toBe('ok');
  });

  it('defaults to the workbook rules', () => {
    expect(DEFAULT_SLO_POLICY.alertRules.map(r => r.burnRate)).toEqual([
      14.4, 6, 3, 1,
    ]);
    expect(alertStateOf(rates(0), W30).rules).toHaveLength(4);
  });
});

describe('timeToExhaustion', () => {
  it('is remaining × windowSeconds / burnRate', () => {
    // Half the budget left at burn rate 2 over 28 days: 0.5 × 28d / 2 = 7 days.
    expect(timeToExhaustion(0.5, 2, W28)).toBeCloseTo((0.5 * W28) / 2, 6);
    expect(timeToExhaustion(0.5, 2, W28)).toBeCloseTo(7 * DAY, 6);
    expect(timeToExhaustion(1, 1, W30)).toBeCloseTo(W30, 6);
  });

  it('is 0 once the budget is spent', () => {
    expect(timeToExhaustion(0, 5, W30)).toBe(0);
    expect(timeToExhaustion(-2, 5, W30)).toBe(0);
    expect(timeToExhaustion(-2, null, W30)).toBe(0);
  });

  it('is null when not burning or without traffic', () => {
    expect(timeToExhaustion(0.5, 0, W30)).toBeNull();
    expect(timeToExhaustion(0.5, null, W30)).toBeNull();
    expect(timeToExhaustion(null, 3, W30)).toBeNull();
  });
});

describe('isLowTraffic', () => {
  it('is true when one bad event spends at least 1% of the budget', () => {
    // Exact in binary: 1 / (400 × 0.25) = 1% → low; 1 / (401 × 0.25) < 1%.
    expect(isLowTraffic(400, 0.75)).toBe(true);
    expect(isLowTraffic(401, 0.75)).toBe(false);
    // 1 / (10000 × 0.001) = 10%
    expect(isLowTraffic(10000, 0.999)).toBe(true);
    // 1 / (1e6 × 0.001) = 0.1%
    expect(isLowTraffic(1_000_000, 0.999)).toBe(false);
  });

  it('is true without traffic', () => {
    expect(isLowTraffic(0, 0.99)).toBe(true);
  });

  it('uses the given budget share', () => {
    // 1 / (1000 × 0.5) = 0.002 (exact objective, so the boundary holds)
    expect(isLowTraffic(1000, 0.5, 0.002)).toBe(true);
    expect(isLowTraffic(1000, 0.5, 0.0021)).toBe(false);
    expect(isLowTraffic(1000, 0.5, 0.5)).toBe(false);
  });
});

describe('burnRatesOf', () => {
  it('asks for each window’s seconds and computes its burn rate', () => {
    const asked: number[] = [];
    const result = burnRatesOf(seconds => {
      asked.push(seconds);
      // One bad event per hour, 100 events per hour; none in the 5m window.
      if (seconds < 3600) return { good: 0, total: 0 };
      const hours = seconds / 3600;
      return { good: 99 * hours, total: 100 * hours };
    }, 0.99);
    expect(asked.sort((a, b) => a - b)).toEqual([
      300, 1800, 3600, 7200, 21600, 86400, 259200,
    ]);
    expect(result['5m']).toBeNull();
    expect(result['30m']).toBeNull();
    for (const window of ['1h', '2h', '6h', '1d', '3d'] as const) {
      // (1 / 100) / 0.01 = 1
      expect(result[window]).toBeCloseTo(1 / 100 / 0.01, 9);
    }
  });

  it('names every burn-rate window with its seconds', () => {
    expect(BURN_RATE_WINDOW_SECONDS).toEqual({
      '5m': 5 * 60,
      '30m': 30 * 60,
      '1h': 3600,
      '2h': 2 * 3600,
      '6h': 6 * 3600,
      '1d': 24 * 3600,
      '3d': 3 * 24 * 3600,
    });
  });
});
