import type { CostQuery } from '../api/SreApi';

/** The ranges the cost cards offer. */
export const COST_RANGES = [
  'last30',
  'last90',
  'thisMonth',
  'previousMonth',
] as const;

/** One of {@link COST_RANGES}. */
export type CostRange = (typeof COST_RANGES)[number];

/** What the user picked on a cost card; no currency = the backend's default, the largest. */
export interface CostSelection {
  range: CostRange;
  granularity: 'day' | 'month';
  currency?: string;
}

/** The backend's defaults: the last 30 days, per day, in the largest currency. */
export const DEFAULT_COST_SELECTION: CostSelection = {
  range: 'last30',
  granularity: 'day',
};

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The query of a selection on `now`'s UTC calendar, as [from, to): ranges
 * up to today include today (to = tomorrow). The last 30 days is the
 * backend's default range, so it sends neither day and the backend's
 * clock decides.
 */
export function costQuery(selection: CostSelection, now: Date): CostQuery {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const tomorrow = Date.UTC(year, month, now.getUTCDate() + 1);
  const ranges: Record<CostRange, { from?: string; to?: string }> = {
    last30: {},
    last90: { from: isoDay(tomorrow - 90 * DAY_MS), to: isoDay(tomorrow) },
    thisMonth: { from: isoDay(Date.UTC(year, month, 1)), to: isoDay(tomorrow) },
    previousMonth: {
      from: isoDay(Date.UTC(year, month - 1, 1)),
      to: isoDay(Date.UTC(year, month, 1)),
    },
  };
  return {
    ...ranges[selection.range],
    granularity: selection.granularity,
    ...(selection.currency ? { currency: selection.currency } : {}),
  };
}
