import { dateTimeFormat, formats, numberFormat } from './language';
import type { SreTranslate } from './translation';

const t = ((key: string, options?: { value?: string }) =>
  `${key}:${options?.value}`) as unknown as SreTranslate;

describe('formats', () => {
  // The day a point in time falls on depends on the zone; noon UTC is the same day everywhere but the date line.
  const noon = '2026-12-03T12:00:00.000Z';

  it('writes a point in time as the medium day with a short time, in one format per language', () => {
    const english = formats('en', t);
    expect(english.dateTime(noon)).toMatch(
      /^Dec 3, 2026, \d{1,2}:\d{2}\s?[AP]M$/,
    );
    expect(english.dateTime(noon).startsWith(english.date(noon))).toBe(true);
    // No seconds: a review page reads minutes, and toLocaleString's "12/3/2026, 12:00:00 PM" was a third format.
    expect(english.dateTime(noon)).not.toMatch(/:\d{2}:\d{2}/);
    const japanese = formats('ja', t);
    expect(japanese.dateTime(noon)).toMatch(/^2026\/12\/0?3 \d{1,2}:\d{2}$/);
  });

  it('reads a YYYY-MM-DD string as that calendar day whatever the zone', () => {
    const english = formats('en', t);
    expect(english.date('2026-12-01')).toBe('Dec 1, 2026');
    expect(english.shortDate('2026-12-01')).toBe('Dec 1');
    expect(english.month('2026-11')).toBe('Nov 2026');
    expect(formats('ja', t).month('2026-11')).toBe('2026年11月');
  });

  it('writes UTC times saying so', () => {
    expect(formats('en', t).dateTimeUtc(noon)).toMatch(
      /^Dec 3, 2026, 12:00:00\sPM UTC$/,
    );
  });

  it('makes each Intl formatter once per language and options', () => {
    const percent = numberFormat('en', { style: 'percent' });
    expect(numberFormat('en', { style: 'percent' })).toBe(percent);
    expect(numberFormat('ja', { style: 'percent' })).not.toBe(percent);
    expect(numberFormat('en', { style: 'decimal' })).not.toBe(percent);
    expect(percent.format(0.5)).toBe('50%');
    const utc = dateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(
      utc,
    );
    expect(dateTimeFormat('en', { dateStyle: 'medium' })).not.toBe(utc);
  });
});
