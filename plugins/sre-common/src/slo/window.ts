import { DateTime, Duration, IANAZone } from 'luxon';
import type { SloWindow } from './types';

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 7 * 86400,
};

/** The luxon unit of an OpenSLO calendar duration. @public */
export type CalendarDurationUnit =
  | 'days'
  | 'weeks'
  | 'months'
  | 'quarters'
  | 'years';

const CALENDAR_UNITS = {
  d: 'days',
  w: 'weeks',
  M: 'months',
  Q: 'quarters',
  Y: 'years',
} as const satisfies Record<string, CalendarDurationUnit>;

/** Seconds of an OpenSLO fixed duration such as `5m`, `28d`, `1w`; undefined for anything else. @public */
export function parseFixedDuration(value: string): number | undefined {
  const match = /^(\d+)([smhdw])$/.exec(value);
  if (!match || Number(match[1]) === 0) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/** A calendar duration such as `1M`, `1Q`, `1w`; undefined for anything else. @public */
export function parseCalendarDuration(
  value: string,
): { count: number; unit: CalendarDurationUnit } | undefined {
  const match = /^(\d+)([dwMQY])$/.exec(value);
  if (!match || Number(match[1]) === 0) return undefined;
  return {
    count: Number(match[1]),
    unit: CALENDAR_UNITS[match[2] as keyof typeof CALENDAR_UNITS],
  };
}

/** Whether a time zone name is one luxon (and so the IANA database) knows. @public */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** OpenSLO writes calendar start times as `2026-01-01 00:00:00`; ISO works too. @public */
export function parseCalendarStart(
  startTime: string,
  timeZone: string,
): DateTime {
  const options = { zone: timeZone };
  const sql = DateTime.fromSQL(startTime, options);
  return sql.isValid ? sql : DateTime.fromISO(startTime, options);
}

/**
 * The window that holds `asOf`: for a rolling window the `seconds` before it,
 * for a calendar window the period (in its time zone) that contains it.
 * `seconds` is the full length of the window, which scales burn rates.
 * @public
 */
export function windowAt(
  window: SloWindow,
  asOf: number,
): { start: number; end: number; seconds: number } {
  if (window.type === 'rolling') {
    return {
      start: asOf - window.seconds * 1000,
      end: asOf,
      seconds: window.seconds,
    };
  }
  const first = parseCalendarStart(window.startTime, window.timeZone);
  const at = DateTime.fromMillis(asOf, { zone: window.timeZone });
  // Every period bound is the first start plus whole periods, so that a start
  // on the 31st gives 28 Feb then 31 Mar, not 28 Feb then 28 Mar.
  const periodStart = (index: number) =>
    first.plus(Duration.fromObject({ [window.unit]: window.count * index }));
  // Whole periods since the first start, then step to the one holding asOf.
  let index = Math.max(
    0,
    Math.floor(at.diff(first, window.unit).get(window.unit) / window.count),
  );
  while (index > 0 && periodStart(index) > at) index -= 1;
  while (periodStart(index + 1) <= at) index += 1;
  const start = periodStart(index);
  const end = periodStart(index + 1);
  return {
    start: start.toMillis(),
    end: asOf,
    seconds: end.diff(start, 'seconds').seconds,
  };
}
