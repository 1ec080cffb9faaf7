import type { SloIndicator, SloObjective } from './types';
import type { SloCounts } from './math';

/** A sample as a source returned it; `timestamp` in epoch milliseconds. @public */
export interface SloSample {
  timestamp: number;
  value: number;
}

/** Counts of one evaluation step `(timestamp - step, timestamp]`. @public */
export interface SloStepCounts extends SloCounts {
  timestamp: number;
}

/** Running totals since the series began, at the end of a step. @public */
export interface SloCumulativePoint extends SloCounts {
  timestamp: number;
}

/** A time interval in epoch milliseconds, start inclusive, end exclusive. @public */
export interface SloInterval {
  start: number;
  end: number;
}

/** The last sample of each step, by step end; samples sorted by time. */
function lastSampleOfEachStep(
  samples: SloSample[],
  stepEnds: number[],
  stepMs: number,
): Array<number | undefined> {
  let index = 0;
  return stepEnds.map(end => {
    let last: number | undefined;
    while (index < samples.length && samples[index].timestamp <= end) {
      if (samples[index].timestamp > end - stepMs) last = samples[index].value;
      index += 1;
    }
    return last;
  });
}

/**
 * Events per step from a query's samples. A counter (OpenSLO `counter: true`)
 * gives the increase since the previous step's last value, a drop being a
 * reset (the new value is the increase); `baseline` is the counter's value at
 * the end of the step before the first. Otherwise a step's events are the sum
 * of its samples.
 * @public
 */
export function eventsPerStep(
  samples: SloSample[],
  stepEnds: number[],
  stepMs: number,
  counter: boolean,
  baseline?: number,
): number[] {
  const sorted = [...samples].sort((a, b) => a.timestamp - b.timestamp);
  if (!counter) {
    let index = 0;
    return stepEnds.map(end => {
      let sum = 0;
      while (index < sorted.length && sorted[index].timestamp <= end) {
        if (sorted[index].timestamp > end - stepMs) sum += sorted[index].value;
        index += 1;
      }
      return sum;
    });
  }
  let previous = baseline;
  return lastSampleOfEachStep(sorted, stepEnds, stepMs).map(value => {
    if (value === undefined) return 0;
    // A counter that appears has no known start: its first value is not an increase.
    let increase = 0;
    if (previous !== undefined) {
      increase = value >= previous ? value - previous : value;
    }
    previous = value;
    return increase;
  });
}

/** The counter's value at the end of a step: its last sample at or before then. @public */
export function counterValueAt(
  samples: SloSample[],
  timestamp: number,
): number | undefined {
  let value: number | undefined;
  for (const sample of samples) {
    if (sample.timestamp <= timestamp) value = sample.value;
  }
  return value;
}

const compare: Record<
  NonNullable<SloObjective['op']>,
  (a: number, b: number) => boolean
> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
};

/** What stepCountsOf counts: one objective's samples per query role, over the step ends. @public */
export interface StepCountsOptions {
  indicator: SloIndicator;
  objective: SloObjective;
  samples: Partial<Record<'good' | 'bad' | 'total' | 'metric', SloSample[]>>;
  baselines?: Partial<Record<'good' | 'bad' | 'total', number>>;
  stepEnds: number[];
  stepMs: number;
}

/**
 * Good and total events per step of one objective, from the samples of its
 * indicator's queries. Good is kept within 0..total, since good and total
 * are read by separate queries that may disagree by a scrape. A threshold
 * indicator counts each step with a value as one event, good when it meets
 * the objective's threshold. With Timeslices (a slice is one step) each step
 * with events becomes one slice, good when `timeSliceTarget` of its events
 * are good.
 * @public
 */
export function stepCountsOf(options: StepCountsOptions): SloStepCounts[] {
  const steps = eventCountsOf(options);
  const sliceTarget = options.objective.timeSliceTarget;
  if (sliceTarget === undefined) return steps;
  return steps.map(step => ({
    timestamp: step.timestamp,
    good: step.total > 0 && step.good / step.total >= sliceTarget ? 1 : 0,
    total: step.total > 0 ? 1 : 0,
  }));
}

function eventCountsOf(options: StepCountsOptions): SloStepCounts[] {
  const { indicator, objective, samples, stepEnds, stepMs } = options;
  if (indicator.type === 'threshold') {
    const op = compare[objective.op ?? 'lte'];
    return lastSampleOfEachStep(
      [...(samples.metric ?? [])].sort((a, b) => a.timestamp - b.timestamp),
      stepEnds,
      stepMs,
    ).map((value, index) => ({
      timestamp: stepEnds[index],
      good: value !== undefined && op(value, objective.value ?? 0) ? 1 : 0,
      total: value === undefined ? 0 : 1,
    }));
  }
  const events = (role: 'good' | 'bad' | 'total') =>
    eventsPerStep(
      samples[role] ?? [],
      stepEnds,
      stepMs,
      indicator.counter,
      options.baselines?.[role],
    );
  const total = events('total');
  const good = indicator.good ? events('good') : undefined;
  const bad = indicator.bad ? events('bad') : undefined;
  return stepEnds.map((timestamp, index) => {
    const stepTotal = Math.max(0, total[index]);
    const stepGood = good ? good[index] : stepTotal - (bad ? bad[index] : 0);
    return {
      timestamp,
      good: Math.min(stepTotal, Math.max(0, stepGood)),
      total: stepTotal,
    };
  });
}

/** Adds step counts to running totals that start at `from`. @public */
export function accumulate(
  steps: SloStepCounts[],
  from: SloCounts = { good: 0, total: 0 },
): SloCumulativePoint[] {
  let good = from.good;
  let total = from.total;
  return steps.map(step => {
    good += step.good;
    total += step.total;
    return { timestamp: step.timestamp, good, total };
  });
}

/** Merges overlapping intervals and widens them to whole steps. @public */
export function normaliseIntervals(
  intervals: SloInterval[],
  stepMs: number,
): SloInterval[] {
  const aligned = intervals
    .filter(interval => interval.end > interval.start)
    .map(interval => ({
      start: Math.floor(interval.start / stepMs) * stepMs,
      end: Math.ceil(interval.end / stepMs) * stepMs,
    }))
    .sort((a, b) => a.start - b.start);
  const merged: SloInterval[] = [];
  for (const interval of aligned) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/**
 * Counts between any two step ends from running totals: the difference of
 * the totals at both ends, less the steps inside excluded (maintenance)
 * intervals. Before the first point the totals are zero.
 * @public
 */
export class CumulativeCounts {
  readonly #points: SloCumulativePoint[];
  readonly #excluded: SloInterval[];

  constructor(points: SloCumulativePoint[], excluded: SloInterval[] = []) {
    this.#points = [...points].sort((a, b) => a.timestamp - b.timestamp);
    this.#excluded = excluded;
  }

  /** Running totals at the last point at or before `timestamp`. */
  at(timestamp: number): SloCounts {
    let low = 0;
    let high = this.#points.length - 1;
    let found: SloCumulativePoint | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.#points[middle].timestamp <= timestamp) {
        found = this.#points[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found
      ? { good: found.good, total: found.total }
      : { good: 0, total: 0 };
  }

  /** Events of the steps ending in `(from, to]`, maintenance left out. */
  between(from: number, to: number): SloCounts {
    const rawBetween = (a: number, b: number) => {
      const end = this.at(b);
      const start = this.at(a);
      return { good: end.good - start.good, total: end.total - start.total };
    };
    const counts = rawBetween(from, to);
    for (const interval of this.#excluded) {
      const start = Math.max(from, interval.start);
      const end = Math.min(to, interval.end);
      if (end > start) {
        const excluded = rawBetween(start, end);
        counts.good -= excluded.good;
        counts.total -= excluded.total;
      }
    }
    return counts;
  }
}
