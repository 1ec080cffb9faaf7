import {
  accumulate,
  CumulativeCounts,
  normaliseIntervals,
  SloInterval,
  SloStepCounts,
} from './counts';
import { evaluateSloObjective, sloEvaluationTimestamps } from './evaluate';
import { DEFAULT_SLO_POLICY } from './math';
import type { SloWindow } from './types';

const STEP_S = 300;
const STEP = STEP_S * 1000;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** asOf: the end of the last stored step, on a 5-minute boundary. */
const T = Date.UTC(2026, 10, 20, 12, 0);
const iso = (t: number) => new Date(t).toISOString();

const rolling = (duration: string, seconds: number): SloWindow => ({
  type: 'rolling',
  duration,
  seconds,
});
const ROLLING_1D = rolling('1d', 86400);
const ROLLING_28D = rolling('28d', 28 * 86400);

/** Steps ending in (from, to], each with `[good, total]` from `at(t)`. */
function series(
  from: number,
  to: number,
  at: (t: number) => [number, number],
): SloStepCounts[] {
  const steps: SloStepCounts[] = [];
  for (let t = from + STEP; t <= to; t += STEP) {
    const [good, total] = at(t);
    steps.push({ timestamp: t, good, total });
  }
  return steps;
}

/** Running totals over ALL steps, as the store would hold them. */
const countsOf = (steps: SloStepCounts[], excluded: SloInterval[] = []) =>
  new CumulativeCounts(accumulate(steps), excluded);

describe('evaluateSloObjective', () => {
  describe('rolling 1d at 99%, four days of 100 events per 5 minutes', () => {
    const bad = new Map<number, number>([
      [T, 10], // in every burn window
      [T - 45 * MIN, 6], // in 1h and longer
      [T - DAY, 30], // the window start: not in the window, in 3d
      [T - 2 * DAY, 50], // before the window, in 3d
      [T - 3 * DAY, 40], // the 3d start: not in 3d
      [T - 3 * DAY - HOUR, 100], // before everything
    ]);
    const steps = series(T - 4 * DAY, T, t => [100 - (bad.get(t) ?? 0), 100]);
    const result = evaluateSloObjective({
      window: ROLLING_1D,
      objective: 0.99,
      counts: countsOf(steps),
      asOf: T,
      stepSeconds: STEP_S,
    });

    it('counts only the steps of the window (T − 1d, T]', () => {
      // 288 steps × 100; bad 10 + 6
      expect(result.counts).toEqual({
        good: 28800 - 16,
        bad: 16,
        total: 28800,
      });
      expect(result.windowStart).toBe(iso(T - DAY));
      expect(result.windowEnd).toBe(iso(T));
    });

    it('computes SLI and error budget', () => {
      expect(result.sli).toBeCloseTo((28800 - 16) / 28800, 12);
      expect(result.errorBudget.allowedBadEvents).toBeCloseTo(
        28800 * (1 - 0.99),
        9,
      );
      expect(result.errorBudget.consumed).toBeCloseTo(16 / 288, 12);
      expect(result.errorBudget.remaining).toBeCloseTo(1 - 16 / 288, 12);
    });

    it('computes burn rates over each window', () => {
      const r = result.burnRates;
      expect(r['5m']).toBeCloseTo(10 / 100 / 0.01, 9);
      expect(r['30m']).toBeCloseTo(10 / 600 / 0.01, 9);
      expect(r['1h']).toBeCloseTo(16 / 1200 / 0.01, 9);
      expect(r['2h']).toBeCloseTo(16 / 2400 / 0.01, 9);
      expect(r['6h']).toBeCloseTo(16 / 7200 / 0.01, 9);
      expect(r['1d']).toBeCloseTo(16 / 28800 / 0.01, 9);
      // 864 steps; 30 at T − 1d and 50 at T − 2d count, 40 at T − 3d does not.
      expect(r['3d']).toBeCloseTo((16 + 30 + 50) / 86400 / 0.01, 9);
    });

    it('scales the thresholds to one day and pages', () => {
      // Thresholds ×1/30: 0.48, 0.2, 0.1, 1/30.
      expect(result.alertRules.map(rule => rule.threshold)).toEqual([
        expect.closeTo(14.4 / 30, 9),
        expect.closeTo(6 / 30, 9),
        expect.closeTo(3 / 30, 9),
        expect.closeTo(1 / 30, 9),
      ]);
      // 1h 1.33 & 5m 10 > 0.48; 6h 0.22 & 30m 1.67 > 0.2;
      // 1d 0.056 < 0.1; 3d 0.11 & 6h 0.22 > 0.033.
      expect(result.alertRules.map(rule => rule.firing)).toEqual([
        true,
        true,
        false,
        true,
      ]);
      expect(result.alerting).toBe('page');
    });

    it('computes time to exhaustion at the 1h and 6h burn rates', () => {
      const remaining = 1 - 16 / 288;
      expect(result.timeToExhaustion['1h']).toBeCloseTo(
        (remaining * 86400) / (16 / 1200 / 0.01),
        3,
      );
      expect(result.timeToExhaustion['6h']).toBeCloseTo(
        (remaining * 86400) / (16 / 7200 / 0.01),
        3,
      );
    });

    it('is not low traffic: one bad event is 1/288 of the budget', () => {
      expect(1 / 288).toBeLessThan(0.01);
      expect(result.lowTraffic).toBe(false);
    });

    it('draws the burn-down at 25-minute intervals up to asOf', () => {
      // 86400 s / 60 points = 1440 s → rounded up to whole steps: 1500 s.
      // Points T − k × 25 min for k = 57..0 (58 × 25 min > 1 day).
      expect(result.history).toHaveLength(58);
      expect(result.history[0].timestamp).toBe(iso(T - 57 * 25 * MIN));
      expect(result.history[57].timestamp).toBe(iso(T));
      const last = result.history[57];
      expect(last.sli).toBeCloseTo((28800 - 16) / 28800, 12);
      expect(last.budgetRemaining).toBeCloseTo(1 - 16 / 288, 12);
      // T − 50 min: no bad event in the window yet.
      expect(result.history[55]).toEqual({
        timestamp: iso(T - 50 * MIN),
        sli: 1,
        budgetRemaining: 1,
      });
      // T − 25 min: 283 steps so far, 6 bad (at T − 45 min).
      expect(result.history[56].timestamp).toBe(iso(T - 25 * MIN));
      expect(result.history[56].sli).toBeCloseTo(1 - 6 / 28300, 12);
      expect(result.history[56].budgetRemaining).toBeCloseTo(
        1 - 6 / (28300 * 0.01),
        12,
      );
    });
  });

  it('opens a ticket for a 28-day window at 99.9% (thresholds × 28/30)', () => {
    const steps = series(T - 30 * DAY, T, t => {
      let bad = 0;
      if (t > T - 2 * HOUR) bad = 4;
      else if (t > T - DAY) bad = 3;
      else if (t === T - 29 * DAY) bad = 500; // before the window
      return [1000 - bad, 1000];
    });
    const result = evaluateSloObjective({
      window: ROLLING_28D,
      objective: 0.999,
      counts: countsOf(steps),
      asOf: T,
      stepSeconds: STEP_S,
    });
    // 8064 steps of 1000; bad 24 × 4 + 264 × 3 = 888
    const total = 8064 * 1000;
    expect(result.counts).toEqual({ good: total - 888, bad: 888, total });
    expect(result.sli).toBeCloseTo(1 - 888 / total, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(888 / (total * 0.001), 9);
    const remaining = 1 - 888 / 8064;
    expect(result.errorBudget.remaining).toBeCloseTo(remaining, 9);

    const r = result.burnRates;
    expect(r['5m']).toBeCloseTo(4 / 1000 / 0.001, 9);
    expect(r['1h']).toBeCloseTo(4 / 1000 / 0.001, 9);
    expect(r['2h']).toBeCloseTo(96 / 24000 / 0.001, 9);
    // 6h: 96 in the last 2h + 48 steps × 3
    expect(r['6h']).toBeCloseTo((96 + 48 * 3) / 72000 / 0.001, 9);
    expect(r['1d']).toBeCloseTo(888 / 288000 / 0.001, 9);
    expect(r['3d']).toBeCloseTo(888 / 864000 / 0.001, 9);

    // 13.44, 5.6, 2.8, 0.933: 1d 3.08 & 2h 4 > 2.8; 3d 1.03 & 6h 3.33 > 0.933;
    // no page: 1h 4 < 13.44, 6h 3.33 < 5.6.
    expect(result.alertRules.map(rule => rule.threshold)).toEqual([
      expect.closeTo(13.44, 9),
      expect.closeTo(5.6, 9),
      expect.closeTo(2.8, 9),
      expect.closeTo(28 / 30, 9),
    ]);
    expect(result.alertRules.map(rule => rule.firing)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(result.alerting).toBe('ticket');
    expect(result.timeToExhaustion['1h']).toBeCloseTo(
      (remaining * 28 * 86400) / 4,
      3,
    );
    expect(result.timeToExhaustion['6h']).toBeCloseTo(
      (remaining * 28 * 86400) / (240 / 72),
      3,
    );
    expect(result.lowTraffic).toBe(false);
  });

  it('handles data shorter than the window, and flags low traffic', () => {
    // One day of one event per step; the last one bad.
    const steps = series(T - DAY, T, t => [t === T ? 0 : 1, 1]);
    const result = evaluateSloObjective({
      window: ROLLING_28D,
      objective: 0.99,
      counts: countsOf(steps),
      asOf: T,
      stepSeconds: STEP_S,
    });
    expect(result.windowStart).toBe(iso(T - 28 * DAY));
    expect(result.counts).toEqual({ good: 287, bad: 1, total: 288 });
    expect(result.sli).toBeCloseTo(287 / 288, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(1 / (288 * 0.01), 12);
    // 1 / (288 × 0.01) = 35% of the budget per bad event ≥ 1%
    expect(result.lowTraffic).toBe(true);
    // 3d holds the same day: 1 / 288 / 0.01
    expect(result.burnRates['3d']).toBeCloseTo(1 / 288 / 0.01, 9);
    expect(result.burnRates['5m']).toBeCloseTo(1 / 1 / 0.01, 9);
    // 1h 8.3 < 13.44; 6h 1.39 < 5.6; 1d 0.35 < 2.8; 3d 0.35 < 0.93.
    expect(result.burnRates['1h']).toBeCloseTo(1 / 12 / 0.01, 9);
    expect(result.alerting).toBe('ok');
  });

  it('is unknown when the burn windows have no traffic', () => {
    // Traffic only 10 to 5 days ago, half of it bad.
    const steps = series(T - 10 * DAY, T - 5 * DAY, () => [50, 100]);
    const result = evaluateSloObjective({
      window: ROLLING_28D,
      objective: 0.9,
      counts: countsOf(steps),
      asOf: T,
      stepSeconds: STEP_S,
    });
    // 5 days = 1440 steps
    expect(result.counts.total).toBe(1440 * 100);
    expect(result.sli).toBeCloseTo(0.5, 12);
    // 0.5 / 0.1 = 5 budgets
    expect(result.errorBudget.remaining).toBeCloseTo(1 - 0.5 / 0.1, 9);
    expect(Object.values(result.burnRates).every(r => r === null)).toBe(true);
    expect(result.alerting).toBe('unknown');
    // Already spent: 0 regardless of burn rate.
    expect(result.timeToExhaustion).toEqual({ '1h': 0, '6h': 0 });
  });

  it('gives SLI 0 and consumes 1 / (1 − objective) when every event is bad', () => {
    const steps = series(T - 2 * DAY, T, () => [0, 10]);
    const result = evaluateSloObjective({
      window: ROLLING_1D,
      objective: 0.99,
      counts: countsOf(steps),
      asOf: T,
      stepSeconds: STEP_S,
    });
    expect(result.sli).toBe(0);
    expect(result.errorBudget.consumed).toBeCloseTo(1 / (1 - 0.99), 9);
    expect(result.errorBudget.remaining).toBeCloseTo(1 - 1 / (1 - 0.99), 9);
    expect(result.burnRates['1h']).toBeCloseTo(1 / 0.01, 9);
    expect(result.alerting).toBe('page');
    expect(result.timeToExhaustion).toEqual({ '1h': 0, '6h': 0 });
  });

  it('gives nulls without traffic in the window', () => {
    const result = evaluateSloObjective({
      window: ROLLING_1D,
      objective: 0.99,
      counts: countsOf([]),
      asOf: T,
      stepSeconds: STEP_S,
    });
    expect(result.sli).toBeNull();
    expect(result.counts).toEqual({ good: 0, bad: 0, total: 0 });
    expect(result.errorBudget).toEqual({
      remaining: null,
      consumed: null,
      allowedBadEvents: null,
    });
    expect(result.timeToExhaustion).toEqual({ '1h': null, '6h': null });
    expect(result.alerting).toBe('unknown');
    expect(result.lowTraffic).toBe(true);
    expect(result.history.every(p => p.sli === null)).toBe(true);
  });

  it('evaluates a calendar month in Asia/Tokyo from local midnight of the 1st', () => {
    const window: SloWindow = {
      type: 'calendar',
      duration: '1M',
      count: 1,
      unit: 'months',
      startTime: '2026-01-01 00:00:00',
      timeZone: 'Asia/Tokyo',
    };
    const asOf = Date.UTC(2026, 10, 3, 0); // 3 Nov 09:00 JST
    const start = Date.UTC(2026, 9, 31, 15); // 1 Nov 00:00 JST
    // October is all bad and must not count; November is 99% good.
    const steps = series(asOf - 9 * DAY, asOf, t =>
      t <= start ? [0, 100] : [99, 100],
    );
    const result = evaluateSloObjective({
      window,
      objective: 0.98,
      counts: countsOf(steps),
      asOf,
      stepSeconds: STEP_S,
    });
    expect(result.windowStart).toBe('2026-10-31T15:00:00.000Z');
    // 2 days 9 hours = 57 h = 684 steps
    expect(result.counts).toEqual({
      good: 684 * 99,
      bad: 684,
      total: 684 * 100,
    });
    // consumed = 684 / (68400 × 0.02) = 0.5
    expect(result.errorBudget.remaining).toBeCloseTo(0.5, 12);
    expect(result.burnRates['1h']).toBeCloseTo(0.01 / 0.02, 9);
    // 3d reaches back into October: 180 all-bad steps + 684 bad of 86400
    expect(result.burnRates['3d']).toBeCloseTo(
      (180 * 100 + 684) / 86400 / 0.02,
      9,
    );
    // November has 30 days: the workbook thresholds apply unscaled.
    expect(result.alertRules.map(rule => rule.threshold)).toEqual([
      expect.closeTo(14.4, 9),
      expect.closeTo(6, 9),
      expect.closeTo(3, 9),
      expect.closeTo(1, 9),
    ]);
    // 3d 10.8 > 1 but 6h 0.5 < 1: not firing.
    expect(result.alerting).toBe('ok');
    // 0.5 × 30 days / 0.5
    expect(result.timeToExhaustion['1h']).toBeCloseTo(
      (0.5 * 30 * 86400) / 0.5,
      3,
    );
  });

  describe('maintenance', () => {
    const m1 = { start: T - 3 * HOUR + 2 * MIN, end: T - 2 * HOUR - MIN }; // → [T − 3h, T − 2h)
    const m2 = { start: T - 2 * DAY, end: T - 2 * DAY + HOUR }; // before the window
    const m3 = { start: T - DAY - HOUR, end: T - DAY + HOUR }; // across its start
    const inside = (t: number, m: SloInterval) =>
      t > Math.floor(m.start / STEP) * STEP &&
      t <= Math.ceil(m.end / STEP) * STEP;
    const steps = series(T - 4 * DAY, T, t => {
      if (inside(t, m1)) return [50, 100];
      if (inside(t, m2) || inside(t, m3)) return [0, 100];
      return [t === T ? 95 : 100, 100];
    });
    const excluded = normaliseIntervals([m1, m2, m3], STEP);
    const options = {
      window: ROLLING_1D,
      objective: 0.99,
      asOf: T,
      stepSeconds: STEP_S,
      maintenance: [m1, m2, m3],
    };
    const result = evaluateSloObjective({
      ...options,
      counts: countsOf(steps, excluded),
    });

    it('leaves maintenance out of the window and the burn rates', () => {
      // 288 steps less 12 (m1) and the 12 of m3 after T − 1d: 264 steps.
      expect(result.counts).toEqual({ good: 26400 - 5, bad: 5, total: 26400 });
      expect(result.sli).toBeCloseTo(1 - 5 / 26400, 12);
      // 2h: m1 ends at T − 2h, so all 24 steps count.
      expect(result.burnRates['2h']).toBeCloseTo(5 / 2400 / 0.01, 9);
      // 6h: 72 − 12 steps
      expect(result.burnRates['6h']).toBeCloseTo(5 / 6000 / 0.01, 9);
      // 3d: 864 − 12 − 12 − 24 steps
      expect(result.burnRates['3d']).toBeCloseTo(5 / 81600 / 0.01, 9);
    });

    it('lists the maintenance intervals that touch the window', () => {
      expect(result.maintenance).toEqual([
        { start: iso(m1.start), end: iso(m1.end) },
        { start: iso(m3.start), end: iso(m3.end) },
      ]);
    });

    it('needs only the running totals at sloEvaluationTimestamps', () => {
      const wanted = new Set(
        sloEvaluationTimestamps({ ...options, maintenance: excluded }),
      );
      const sparse = accumulate(steps).filter(p => wanted.has(p.timestamp));
      expect(sparse.length).toBeLessThan(steps.length / 10);
      const fromSparse = evaluateSloObjective({
        ...options,
        counts: new CumulativeCounts(sparse, excluded),
      });
      expect(fromSparse).toEqual(result);
    });
  });

  it('is unknown with no stored step (asOf null)', () => {
    const result = evaluateSloObjective({
      window: ROLLING_28D,
      objective: 0.999,
      counts: countsOf([]),
      asOf: null,
      stepSeconds: STEP_S,
    });
    expect(result).toMatchObject({
      windowStart: null,
      windowEnd: null,
      sli: null,
      counts: { good: 0, bad: 0, total: 0 },
      errorBudget: { remaining: null, consumed: null, allowedBadEvents: null },
      alerting: 'unknown',
      timeToExhaustion: { '1h': null, '6h': null },
      lowTraffic: true,
      history: [],
      maintenance: [],
    });
    expect(Object.values(result.burnRates).every(r => r === null)).toBe(true);
    expect(result.alertRules).toHaveLength(4);
    expect(result.alertRules.every(rule => !rule.firing)).toBe(true);
  });
});

describe('sloEvaluationTimestamps', () => {
  it('names the window start, asOf, every burn window, maintenance and history, sorted and unique', () => {
    const times = sloEvaluationTimestamps({
      window: ROLLING_1D,
      asOf: T,
      stepSeconds: STEP_S,
      maintenance: [
        { start: T - 10 * HOUR, end: T - 9 * HOUR },
        { start: T - 5 * DAY, end: T - 4 * DAY },
      ],
      // 1 day / 4 points = 6 h: history at T − 18h, − 12h, − 6h, T
      policy: { ...DEFAULT_SLO_POLICY, historyPoints: 4 },
    });
    expect(times).toEqual([
      T - 5 * DAY, // maintenance
      T - 4 * DAY, // maintenance
      T - 3 * DAY, // 3d
      T - DAY, // window start and 1d
      T - 18 * HOUR, // history
      T - 12 * HOUR, // history
      T - 10 * HOUR, // maintenance
      T - 9 * HOUR, // maintenance
      T - 6 * HOUR, // 6h and history
      T - 2 * HOUR, // 2h
      T - HOUR, // 1h
      T - 30 * MIN, // 30m
      T - 5 * MIN, // 5m
      T, // asOf and history
    ]);
  });

  it('includes the default history points', () => {
    const times = sloEvaluationTimestamps({
      window: ROLLING_1D,
      asOf: T,
      stepSeconds: STEP_S,
    });
    // 58 history points every 25 min (see above) and the burn windows.
    for (let k = 0; k <= 57; k++) expect(times).toContain(T - k * 25 * MIN);
    expect(times).not.toContain(T - 58 * 25 * MIN);
    expect(new Set(times).size).toBe(times.length);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('aligns a calendar window start down to a step end', () => {
    // Asia/Kolkata is UTC+5:30: 1 Nov 00:00 IST = 31 Oct 18:30Z → 18:00Z.
    const window: SloWindow = {
      type: 'calendar',
      duration: '1M',
      count: 1,
      unit: 'months',
      startTime: '2026-01-01 00:00:00',
      timeZone: 'Asia/Kolkata',
    };
    const asOf = Date.UTC(2026, 10, 20);
    const times = sloEvaluationTimestamps({ window, asOf, stepSeconds: 3600 });
    expect(times[0]).toBe(Date.UTC(2026, 9, 31, 18));
    expect(times).not.toContain(Date.UTC(2026, 9, 31, 18, 30));
    expect(times[times.length - 1]).toBe(asOf);
  });
});
