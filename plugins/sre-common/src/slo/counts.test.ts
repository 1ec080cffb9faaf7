import {
  accumulate,
  counterValueAt,
  CumulativeCounts,
  eventsPerStep,
  normaliseIntervals,
  SloStepCounts,
  stepCountsOf,
} from './counts';
import type { SloIndicator, SloMetricSource } from './types';

const STEP = 300_000; // 5 minutes in ms
const at = (step: number) => step * STEP;
const source: SloMetricSource = { type: 'Prometheus', spec: { query: 'q' } };

describe('eventsPerStep (not a counter)', () => {
  const ends = [at(1), at(2), at(3)];

  it('sums the samples of each step (t − step, t]', () => {
    const samples = [
      // Unsorted on purpose.
      { timestamp: at(2), value: 8 }, // end of step 2 is inside step 2
      { timestamp: 100_000, value: 1 },
      { timestamp: at(1), value: 2 }, // end of step 1 is inside step 1
      { timestamp: at(1) + 1, value: 4 }, // just after: step 2
    ];
    expect(eventsPerStep(samples, ends, STEP, false)).toEqual([
      1 + 2,
      4 + 8,
      0,
    ]);
  });

  it('leaves out samples before the first step and after the last', () => {
    const samples = [
      { timestamp: 0, value: 100 }, // the start of step 1 is not in it
      { timestamp: at(2), value: 5 },
      { timestamp: at(3) + 1, value: 100 },
    ];
    expect(eventsPerStep(samples, ends, STEP, false)).toEqual([0, 5, 0]);
  });

  it('returns zero for every step without samples', () => {
    expect(eventsPerStep([], ends, STEP, false)).toEqual([0, 0, 0]);
  });
});

describe('eventsPerStep (counter)', () => {
  const ends = [at(1), at(2), at(3), at(4), at(5)];

  it('takes the increase of the last sample of each step from the baseline', () => {
    const samples = [
      { timestamp: at(1) - 150_000, value: 12 },
      { timestamp: at(1), value: 15 }, // last of step 1
      { timestamp: at(2), value: 21 },
      { timestamp: at(3) - 1, value: 30 },
      { timestamp: at(4), value: 30 },
      { timestamp: at(5), value: 42 },
    ];
    expect(eventsPerStep(samples, ends, STEP, true, 10)).toEqual([
      15 - 10,
      21 - 15,
      30 - 21,
      30 - 30,
      42 - 30,
    ]);
  });

  it('treats a drop as a reset: the new value is the increase', () => {
    const samples = [
      { timestamp: at(1), value: 100 },
      { timestamp: at(2), value: 4 }, // reset from 100 to 4
      { timestamp: at(3), value: 9 },
    ];
    expect(eventsPerStep(samples, ends.slice(0, 3), STEP, true, 90)).toEqual([
      100 - 90,
      4,
      9 - 4,
    ]);
  });

  it('counts nothing for a step without samples and resumes from the last value', () => {
    const samples = [
      { timestamp: at(1), value: 10 },
      // step 2 and 3 missing
      { timestamp: at(4), value: 25 },
      { timestamp: at(5), value: 26 },
    ];
    expect(eventsPerStep(samples, ends, STEP, true, 10)).toEqual([
      0,
      0,
      0,
      25 - 10,
      26 - 25,
    ]);
  });

  it('does not count the first value as an increase without a baseline', () => {
    const samples = [
      { timestamp: at(2), value: 50 },
      { timestamp: at(3), value: 53 },
    ];
    expect(eventsPerStep(samples, ends.slice(0, 3), STEP, true)).toEqual([
      0,
      0,
      53 - 50,
    ]);
  });

  it('sorts the samples first', () => {
    const samples = [
      { timestamp: at(2), value: 7 },
      { timestamp: at(1), value: 5 },
    ];
    expect(eventsPerStep(samples, ends.slice(0, 2), STEP, true, 1)).toEqual([
      5 - 1,
      7 - 5,
    ]);
  });
});

describe('counterValueAt', () => {
  const samples = [
    { timestamp: at(1), value: 3 },
    { timestamp: at(2), value: 8 },
  ];

  it('is the last sample at or before the time', () => {
    expect(counterValueAt(samples, at(2))).toBe(8);
    expect(counterValueAt(samples, at(2) - 1)).toBe(3);
    expect(counterValueAt(samples, at(9))).toBe(8);
  });

  it('is undefined before the first sample', () => {
    expect(counterValueAt(samples, at(1) - 1)).toBeUndefined();
  });
});

describe('stepCountsOf', () => {
  const ends = [at(1), at(2), at(3)];

  it('reads good and total per step of a good/total ratio', () => {
    const indicator: SloIndicator = {
      type: 'ratio',
      counter: false,
      good: source,
      total: source,
    };
    const steps = stepCountsOf({
      indicator,
      objective: { target: 0.99 },
      samples: {
        good: [
          { timestamp: at(1), value: 95 },
          { timestamp: at(2), value: 60 },
        ],
        total: [
          { timestamp: at(1), value: 100 },
          { timestamp: at(2), value: 60 },
        ],
      },
      stepEnds: ends,
      stepMs: STEP,
    });
    expect(steps).toEqual([
      { timestamp: at(1), good: 95, total: 100 },
      { timestamp: at(2), good: 60, total: 60 },
      { timestamp: at(3), good: 0, total: 0 },
    ]);
  });

  it('makes each step one time slice with Timeslices, good when its share of good events reaches the slice target', () => {
    const steps = stepCountsOf({
      indicator: { type: 'ratio', counter: false, good: source, total: source },
      objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceSeconds: 300 },
      samples: {
        // 95/100 meets 0.95; 94/100 does not; no events is no slice.
        good: [
          { timestamp: at(1), value: 95 },
          { timestamp: at(2), value: 94 },
        ],
        total: [
          { timestamp: at(1), value: 100 },
          { timestamp: at(2), value: 100 },
        ],
      },
      stepEnds: ends,
      stepMs: STEP,
    });
    expect(steps).toEqual([
      { timestamp: at(1), good: 1, total: 1 },
      { timestamp: at(2), good: 0, total: 1 },
      { timestamp: at(3), good: 0, total: 0 },
    ]);
  });

  it('keeps good within 0..total', () => {
    const indicator: SloIndicator = {
      type: 'ratio',
      counter: false,
      good: source,
      total: source,
    };
    const steps = stepCountsOf({
      indicator,
      objective: { target: 0.99 },
      samples: {
        // good above total (a scrape apart), and negative good
        good: [
          { timestamp: at(1), value: 120 },
          { timestamp: at(2), value: -5 },
        ],
        total: [
          { timestamp: at(1), value: 100 },
          { timestamp: at(2), value: 10 },
          { timestamp: at(3), value: -3 },
        ],
      },
      stepEnds: ends,
      stepMs: STEP,
    });
    expect(steps.map(s => [s.good, s.total])).toEqual([
      [100, 100],
      [0, 10],
      [0, 0], // negative total is none
    ]);
  });

  it('derives good = total − bad of a bad/total ratio, within 0..total', () => {
    const indicator: SloIndicator = {
      type: 'ratio',
      counter: false,
      bad: source,
      total: source,
    };
    const steps = stepCountsOf({
      indicator,
      objective: { target: 0.99 },
      samples: {
        bad: [
          { timestamp: at(1), value: 3 },
          { timestamp: at(2), value: 50 }, // more bad than total
        ],
        total: [
          { timestamp: at(1), value: 100 },
          { timestamp: at(2), value: 20 },
          { timestamp: at(3), value: 7 },
        ],
      },
      stepEnds: ends,
      stepMs: STEP,
    });
    expect(steps.map(s => [s.good, s.total])).toEqual([
      [100 - 3, 100],
      [0, 20],
      [7 - 0, 7],
    ]);
  });

  it('computes counter increases with the baselines of each query', () => {
    const indicator: SloIndicator = {
      type: 'ratio',
      counter: true,
      good: source,
      total: source,
    };
    const steps = stepCountsOf({
      indicator,
      objective: { target: 0.99 },
      samples: {
        good: [
          { timestamp: at(1), value: 1090 },
          { timestamp: at(2), value: 5 }, // reset
          { timestamp: at(3), value: 95 },
        ],
        total: [
          { timestamp: at(1), value: 2100 },
          { timestamp: at(2), value: 2200 },
          { timestamp: at(3), value: 2300 },
        ],
      },
      baselines: { good: 1000, total: 2000 },
      stepEnds: ends,
      stepMs: STEP,
    });
    expect(steps.map(s => [s.good, s.total])).toEqual([
      [1090 - 1000, 2100 - 2000],
      [5, 2200 - 2100],
      [95 - 5, 2300 - 2200],
    ]);
  });

  describe('threshold indicator', () => {
    const indicator: SloIndicator = { type: 'threshold', metric: source };
    const ends4 = [at(1), at(2), at(3), at(4)];
    const metric = [
      { timestamp: at(1), value: 150 },
      { timestamp: at(2) - 1000, value: 999 },
      { timestamp: at(2), value: 200 }, // the last sample of step 2 counts
      { timestamp: at(3), value: 250 },
      // step 4 has no value
    ];
    const run = (op: 'lt' | 'lte' | 'gt' | 'gte') =>
      stepCountsOf({
        indicator,
        objective: { target: 0.9, op, value: 200 },
        samples: { metric },
        stepEnds: ends4,
        stepMs: STEP,
      });

    it.each([
      ['lt', [1, 0, 0, 0]], // 150 < 200
      ['lte', [1, 1, 0, 0]], // 150, 200 ≤ 200
      ['gt', [0, 0, 1, 0]], // 250 > 200
      ['gte', [0, 1, 1, 0]], // 200, 250 ≥ 200
    ] as const)('counts good steps with op %s', (op, good) => {
      const steps = run(op);
      expect(steps.map(s => s.good)).toEqual(good);
      // One event per step with a value, none without.
      expect(steps.map(s => s.total)).toEqual([1, 1, 1, 0]);
      expect(steps.map(s => s.timestamp)).toEqual(ends4);
    });
  });
});

describe('accumulate', () => {
  const steps: SloStepCounts[] = [
    { timestamp: at(1), good: 9, total: 10 },
    { timestamp: at(2), good: 5, total: 5 },
    { timestamp: at(3), good: 0, total: 2 },
  ];

  it('keeps running totals', () => {
    expect(accumulate(steps)).toEqual([
      { timestamp: at(1), good: 9, total: 10 },
      { timestamp: at(2), good: 9 + 5, total: 10 + 5 },
      { timestamp: at(3), good: 9 + 5 + 0, total: 10 + 5 + 2 },
    ]);
  });

  it('starts from the given totals', () => {
    expect(accumulate(steps, { good: 100, total: 200 })[2]).toEqual({
      timestamp: at(3),
      good: 100 + 14,
      total: 200 + 17,
    });
  });
});

describe('normaliseIntervals', () => {
  it('widens intervals to whole steps', () => {
    expect(
      normaliseIntervals(
        [{ start: at(1) + 10_000, end: at(2) - 10_000 }],
        STEP,
      ),
    ).toEqual([{ start: at(1), end: at(2) }]);
    // Already aligned intervals stay.
    expect(normaliseIntervals([{ start: at(1), end: at(3) }], STEP)).toEqual([
      { start: at(1), end: at(3) },
    ]);
  });

  it('merges overlapping and touching intervals, sorted', () => {
    expect(
      normaliseIntervals(
        [
          { start: at(10), end: at(12) },
          { start: at(2) + 1, end: at(4) }, // → [2, 4) after widening
          { start: at(1), end: at(3) },
          { start: at(4), end: at(5) }, // touches [1, 4)
        ],
        STEP,
      ),
    ).toEqual([
      { start: at(1), end: at(5) },
      { start: at(10), end: at(12) },
    ]);
  });

  it('drops empty and reversed intervals', () => {
    expect(
      normaliseIntervals(
        [
          { start: at(3), end: at(3) },
          { start: at(5), end: at(4) },
        ],
        STEP,
      ),
    ).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = [
      { start: at(1), end: at(3) },
      { start: at(2), end: at(6) },
    ];
    normaliseIntervals(input, STEP);
    expect(input).toEqual([
      { start: at(1), end: at(3) },
      { start: at(2), end: at(6) },
    ]);
  });
});

describe('CumulativeCounts', () => {
  // Steps 1..10, 100 events each, k − 1 bad in step k.
  const steps: SloStepCounts[] = Array.from({ length: 10 }, (_, i) => ({
    timestamp: at(i + 1),
    good: 100 - i,
    total: 100,
  }));
  const points = accumulate(steps);
  /** Bad events of steps a..b (inclusive): Σ (k − 1). */
  const badOf = (a: number, b: number) => {
    let sum = 0;
    for (let k = a; k <= b; k++) sum += k - 1;
    return sum;
  };
  const countsOf = (a: number, b: number) => ({
    good: 100 * (b - a + 1) - badOf(a, b),
    total: 100 * (b - a + 1),
  });

  it('reads running totals at or before a time, zero before the first', () => {
    const counts = new CumulativeCounts(points);
    expect(counts.at(at(1) - 1)).toEqual({ good: 0, total: 0 });
    expect(counts.at(at(1))).toEqual({ good: 100, total: 100 });
    expect(counts.at(at(3) + 1000)).toEqual({
      good: 300 - (0 + 1 + 2),
      total: 300,
    });
    expect(counts.at(at(99))).toEqual({ good: 1000 - 45, total: 1000 });
  });

  it('sorts the points it is given', () => {
    const counts = new CumulativeCounts([...points].reverse());
    expect(counts.at(at(2))).toEqual({ good: 100 + 99, total: 200 });
  });

  it('counts the steps ending in (from, to]', () => {
    const counts = new CumulativeCounts(points);
    // Steps 3..7: the step ending at `from` is not in.
    expect(counts.between(at(2), at(7))).toEqual(countsOf(3, 7));
    expect(counts.between(at(2), at(7))).toEqual({
      good: 500 - (2 + 3 + 4 + 5 + 6),
      total: 500,
    });
    // All of it, and before the first point.
    expect(counts.between(0, at(10))).toEqual(countsOf(1, 10));
    expect(counts.between(-at(5), at(2))).toEqual(countsOf(1, 2));
    // Nothing after the last point.
    expect(counts.between(at(10), at(20))).toEqual({ good: 0, total: 0 });
  });

  it('leaves out the steps inside a maintenance interval', () => {
    // [at(4), at(6)) covers steps 5 and 6.
    const counts = new CumulativeCounts(points, [{ start: at(4), end: at(6) }]);
    const all = countsOf(1, 10);
    const maintenance = countsOf(5, 6);
    expect(counts.between(0, at(10))).toEqual({
      good: all.good - maintenance.good,
      total: all.total - maintenance.total,
    });
    // Ranges that do not touch the interval are unchanged.
    expect(counts.between(0, at(4))).toEqual(countsOf(1, 4));
    expect(counts.between(at(6), at(10))).toEqual(countsOf(7, 10));
  });

  it('leaves out only the part of an interval inside the range', () => {
    const counts = new CumulativeCounts(points, [
      { start: at(2), end: at(8) }, // steps 3..8
    ]);
    // (at(5), at(10)]: steps 6..10, of which 6..8 are maintenance → 9..10.
    expect(counts.between(at(5), at(10))).toEqual(countsOf(9, 10));
    // (0, at(4)]: steps 1..4, of which 3..4 are maintenance → 1..2.
    expect(counts.between(0, at(4))).toEqual(countsOf(1, 2));
    // Wholly inside: nothing left.
    expect(counts.between(at(3), at(7))).toEqual({ good: 0, total: 0 });
  });

  it('counts overlapping intervals once after normaliseIntervals', () => {
    const raw = [
      { start: at(3) + 60_000, end: at(5) }, // → [3, 5): steps 4, 5
      { start: at(4), end: at(6) - 60_000 }, // → [4, 6): steps 5, 6
    ];
    const counts = new CumulativeCounts(points, normaliseIntervals(raw, STEP));
    const all = countsOf(1, 10);
    const maintenance = countsOf(4, 6); // steps 4, 5, 6 once each
    expect(counts.between(0, at(10))).toEqual({
      good: all.good - maintenance.good,
      total: all.total - maintenance.total,
    });
  });

  it('leaves out several disjoint intervals', () => {
    const counts = new CumulativeCounts(points, [
      { start: at(1), end: at(2) }, // step 2
      { start: at(8), end: at(9) }, // step 9
    ]);
    const all = countsOf(1, 10);
    expect(counts.between(0, at(10))).toEqual({
      good: all.good - countsOf(2, 2).good - countsOf(9, 9).good,
      total: all.total - 200,
    });
  });
});
