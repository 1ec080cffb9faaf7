import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { SreTranslate, sreTranslationRef } from './translation';

/** The language the user picked in the app (e.g. `en`, `ja`), following changes. */
export function useLanguage(): string {
  const languageApi = useApi(appLanguageApiRef);
  const language$ = useMemo(() => languageApi.language$(), [languageApi]);
  return useObservable(language$, languageApi.getLanguage()).language;
}

const HOUR = 3600;
const DAY = 86_400;

/** Numbers, dates, durations and lists written the way the selected language writes them. */
export interface Formats {
  language: string;
  /** E.g. 999380 → "999,380". */
  number(value: number, maximumFractionDigits?: number): string;
  /** A fraction as a percentage, e.g. 0.72 → "72%". */
  percent(fraction: number, maximumFractionDigits?: number): string;
  /** A calendar day; `YYYY-MM-DD` strings are read as that day, whatever the time zone. */
  date(value: string | number): string;
  /** A calendar day, short, e.g. "Nov 11"; `YYYY-MM-DD` strings are read as that day. */
  shortDate(value: string | number): string;
  /** A calendar month (`YYYY-MM`), e.g. "Nov 2026" or "2026年11月". */
  month(value: string): string;
  /** A point in time in the user's time zone, e.g. "Dec 3, 2026, 9:00 AM": the {@link Formats.date} day with a short time. */
  dateTime(value: string | number): string;
  /** A point in time in UTC, saying so. */
  dateTimeUtc(value: string | number): string;
  /** E.g. 20 → "20 days ago". */
  daysAgo(days: number): string;
  /** Seconds in minutes, hours or days, e.g. 10800 → "3 h". */
  duration(seconds: number): string;
  /** Items joined with "and" (or "or"), e.g. "a, b, and c". */
  list(items: string[], type?: 'conjunction' | 'disjunction'): string;
}

/** The {@link Formats} of a language; the units of durations come from the messages. */
export function formats(language: string, t: SreTranslate): Formats {
  const number = (value: number, maximumFractionDigits = 1) =>
    new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
  const isDay = (value: string | number) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return {
    language,
    number,
    percent: (fraction, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(language, {
        style: 'percent',
        maximumFractionDigits,
      }).format(fraction),
    date: value =>
      new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        ...(isDay(value) ? { timeZone: 'UTC' } : {}),
      }).format(new Date(value)),
    shortDate: value =>
      new Intl.DateTimeFormat(language, {
        month: 'short',
        day: 'numeric',
        ...(isDay(value) ? { timeZone: 'UTC' } : {}),
      }).format(new Date(value)),
    month: value =>
      new Intl.DateTimeFormat(language, {
        year: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(`${value}-01T00:00:00Z`)),
    dateTime: value =>
      new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(value)),
    dateTimeUtc: value =>
      new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(value)),
    daysAgo: days =>
      new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(
        -days,
        'day',
      ),
    duration: seconds => {
      const value = (amount: number) => number(amount, amount < 10 ? 1 : 0);
      if (seconds < HOUR) {
        return t('common.duration.minutes', {
          value: number(Math.max(1, Math.round(seconds / 60))),
        });
      }
      if (seconds < 2 * DAY) {
        return t('common.duration.hours', { value: value(seconds / HOUR) });
      }
      return t('common.duration.days', { value: value(seconds / DAY) });
    },
    list: (items, type = 'conjunction') =>
      new Intl.ListFormat(language, { type }).format(items),
  };
}

/** The translation function and the formats of the selected language. */
export function useSreText(): { t: SreTranslate; format: Formats } {
  const { t } = useTranslationRef(sreTranslationRef);
  const language = useLanguage();
  const format = useMemo(() => formats(language, t), [language, t]);
  return { t, format };
}
