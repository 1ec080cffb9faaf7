import type { ChangeQuery } from '../api/SreApi';

/** The ranges the changes card and tab offer, in days back from now. */
export const CHANGE_RANGE_DAYS = [14, 30, 90] as const;

/** One of {@link CHANGE_RANGE_DAYS}. */
export type ChangeRangeDays = (typeof CHANGE_RANGE_DAYS)[number];

/** The last `days` days up to `now`, as the API takes them. */
export function changeRange(days: number, now = Date.now()): ChangeQuery {
  return {
    from: new Date(now - days * 86_400_000).toISOString(),
    to: new Date(now).toISOString(),
  };
}
