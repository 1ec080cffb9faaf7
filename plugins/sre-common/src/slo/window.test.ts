import type { SloWindow } from './types';
import {
  isValidTimeZone,
  parseCalendarDuration,
  parseCalendarStart,
  parseFixedDuration,
  windowAt,
} from './window';

const DAY = 86400;
const HOUR = 3600;

describe('parseFixedDuration', () => {
  it.each([
    ['30s', 30],
    ['5m', 5 * 60],
    ['2h', 2 * 3600],
    ['28d', 28 * 86400],
    ['1w', 7 * 86400],
    ['4w', 4 * 7 * 86400],
  ])('reads %s as %i seconds', (value, seconds) => {
    expect(parseFixedDuration(value)).toBe(seconds);
  });

  it.each(['0d', '1M', '1Q', '1Y', '1.5h', 'd', '', ' 5m', '5 m', '-1d', '5'])(
    'rejects %p',
    value => {
      expect(parseFixedDuration(value)).toBeUndefined();
    },
  );
});

describe('parseCalendarDuration', () => {
  it.each([
    ['1M', { count: 1, unit: 'months' }],
    ['3M', { count: 3, unit: 'months' }],
    ['1Q', { count: 1, unit: 'quarters' }],
    ['2w', { count: 2, unit: 'weeks' }],
    ['7d', { count: 7, unit: 'days' }],
    ['1Y', { count: 1, unit: 'years' }],
  ])('reads %s', (value, expected) => {
    expect(parseCalendarDuration(value)).toEqual(expected);
  });

  it.each(['0M', '1m', '1h', '1s', 'M', '', '1.5M', '1y'])(
    'rejects %p',
    value => {
      expect(parseCalendarDuration(value)).toBeUndefined();
    },
  );
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and rejects others', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('parseCalendarStart', () => {
  it('reads the OpenSLO form in the time zone', () => {
    // Midnight in Tokyo (UTC+9) is 15:00 UTC the day before.
    expect(
      parseCalendarStart('2026-01-01 00:00:00', 'Asia/Tokyo').toMillis(),
    ).toBe(Date.UTC(2025, 11, 31, 15));
  });

  it('reads ISO too', () => {
    expect(
      parseCalendarStart('2026-01-01T00:00:00', 'Asia/Tokyo').toMillis(),
    ).toBe(Date.UTC(2025, 11, 31, 15));
  });

  it('is invalid for text that is not a time', () => {
    expect(parseCalendarStart('soon', 'Asia/Tokyo').isValid).toBe(false);
  });
});

describe('windowAt', () => {
  it('ends a rolling window at asOf and starts it its seconds before', () => {
    const window: SloWindow = {
      type: 'rolling',
      duration: '28d',
      seconds: 28 * DAY,
    };
    const asOf = Date.UTC(2026, 10, 20, 12, 34, 56);
    expect(windowAt(window, asOf)).toEqual({
      start: asOf - 28 * DAY * 1000,
      end: asOf,
      seconds: 28 * DAY,
    });
  });

  const calendar = (
    duration: string,
    count: number,
    unit: 'days' | 'weeks' | 'months' | 'quarters' | 'years',
    timeZone = 'Asia/Tokyo',
    startTime = '2026-01-01 00:00:00',
  ): SloWindow => ({
    type: 'calendar',
    duration,
    count,
    unit,
    startTime,
    timeZone,
  });

  it('starts a calendar month at local midnight of the 1st (Asia/Tokyo)', () => {
    const asOf = Date.UTC(2026, 10, 20, 0, 0); // 20 Nov 09:00 in Tokyo
    expect(windowAt(calendar('1M', 1, 'months'), asOf)).toEqual({
      // 1 Nov 00:00 in Tokyo = 31 Oct 15:00Z
      start: Date.UTC(2026, 9, 31, 15),
      end: asOf,
      // November has 30 days
      seconds: 30 * DAY,
    });
  });

  it('uses the local date, not the UTC date, at a month boundary', () => {
    // 31 Oct 16:00Z is already 1 Nov 01:00 in Tokyo.
    const november = windowAt(
      calendar('1M', 1, 'months'),
      Date.UTC(2026, 9, 31, 16),
    );
    expect(november.start).toBe(Date.UTC(2026, 9, 31, 15));
    expect(november.seconds).toBe(30 * DAY);
    // At the very start the new period begins; a millisecond before is October.
    expect(
      windowAt(calendar('1M', 1, 'months'), Date.UTC(2026, 9, 31, 15)).start,
    ).toBe(Date.UTC(2026, 9, 31, 15));
    const october = windowAt(
      calendar('1M', 1, 'months'),
      Date.UTC(2026, 9, 31, 15) - 1,
    );
    // 1 Oct 00:00 in Tokyo = 30 Sep 15:00Z; October has 31 days
    expect(october.start).toBe(Date.UTC(2026, 8, 30, 15));
    expect(october.seconds).toBe(31 * DAY);
  });

  it('gives February its 28 days', () => {
    const result = windowAt(calendar('1M', 1, 'months'), Date.UTC(2026, 1, 14));
    expect(result.start).toBe(Date.UTC(2026, 0, 31, 15));
    expect(result.seconds).toBe(28 * DAY);
  });

  it('counts a calendar week from the start time', () => {
    // 5 Jan 2026 is a Monday; 16 Nov 2026 is 45 weeks later (315 days).
    const window = calendar(
      '1w',
      1,
      'weeks',
      'Asia/Tokyo',
      '2026-01-05 00:00:00',
    );
    const asOf = Date.UTC(2026, 10, 20, 0); // Friday 20 Nov 09:00 JST
    expect(windowAt(window, asOf)).toEqual({
      start: Date.UTC(2026, 10, 15, 15), // Monday 16 Nov 00:00 JST
      end: asOf,
      seconds: 7 * DAY,
    });
  });

  it('counts a calendar quarter', () => {
    const asOf = Date.UTC(2026, 4, 15); // 15 May
    expect(windowAt(calendar('1Q', 1, 'quarters'), asOf)).toEqual({
      start: Date.UTC(2026, 2, 31, 15), // 1 Apr 00:00 JST
      end: asOf,
      seconds: (30 + 31 + 30) * DAY, // April, May, June
    });
  });

  it('counts periods of several months', () => {
    // 2M from 1 Jan: Jan–Feb, Mar–Apr, May–Jun, Jul–Aug, Sep–Oct.
    const result = windowAt(calendar('2M', 2, 'months'), Date.UTC(2026, 9, 20));
    expect(result.start).toBe(Date.UTC(2026, 7, 31, 15)); // 1 Sep JST
    expect(result.seconds).toBe((30 + 31) * DAY);
  });

  it('counts a calendar year in a later year', () => {
    const result = windowAt(calendar('1Y', 1, 'years'), Date.UTC(2027, 2, 1));
    expect(result.start).toBe(Date.UTC(2026, 11, 31, 15)); // 1 Jan 2027 JST
    expect(result.seconds).toBe(365 * DAY);
  });

  it('keeps month periods anchored on the 31st consistent', () => {
    // Periods are start + k months: 31 Jan, 28 Feb (clamped), 31 Mar, 30 Apr.
    const window = calendar('1M', 1, 'months', 'UTC', '2026-01-31 00:00:00');
    for (const day of [27, 29, 30]) {
      // Every day of March before the 31st is in the period from 28 Feb.
      expect(windowAt(window, Date.UTC(2026, 2, day, 12))).toEqual({
        start: Date.UTC(2026, 1, 28),
        end: Date.UTC(2026, 2, day, 12),
        seconds: 31 * DAY, // 28 Feb → 31 Mar
      });
    }
    const april = windowAt(window, Date.UTC(2026, 3, 1, 12));
    expect(april.start).toBe(Date.UTC(2026, 2, 31));
    expect(april.seconds).toBe(30 * DAY); // 31 Mar → 30 Apr
  });

  it('measures the real length of a period with a DST change', () => {
    // New York leaves DST on Sunday 1 Nov 2026: November is 30 days + 1 hour.
    const result = windowAt(
      calendar('1M', 1, 'months', 'America/New_York'),
      Date.UTC(2026, 10, 20),
    );
    expect(result.start).toBe(Date.UTC(2026, 10, 1, 4)); // 00:00 EDT (UTC−4)
    expect(result.seconds).toBe(30 * DAY + HOUR);
  });
});
