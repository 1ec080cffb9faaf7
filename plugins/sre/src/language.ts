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

/**
 * Intl formatters by language and options. Making one costs far more than
 * using it (about 0.1 ms against 1 µs), and a card formats hundreds of values
 * on each render: the alert card's dates alone were ~70 ms of its render.
 */
const intlFormatters = new Map<string, unknown>();

function cachedFormatter<T>(key: string, make: () => T): T {
  let formatter = intlFormatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    intlFormatters.set(key, formatter);
  }
  return formatter;
}

/** `new Intl.NumberFormat(language, options)`, made once per language and options. */
export function numberFormat(
  language: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return cachedFormatter(
    `number|${language}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(language, options),
  );
}

/** `new Intl.DateTimeFormat(language, options)`, made once per language and options. */
export function dateTimeFormat(
  language: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cachedFormatter(
    `dateTime|${language}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(language, options),
  );
}

/** `new Intl.RelativeTimeFormat(language, { numeric: 'auto' })`, made once per language. */
export function relativeTimeFormat(language: string): Intl.RelativeTimeFormat {
  return cachedFormatter(
    `relative|${language}`,
    () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
  );
}

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
    numberFormat(language, { maximumFractionDigits }).format(value);
  const isDay = (value: string | number) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return {
    language,
    number,
    percent: (fraction, maximumFractionDigits = 0) =>
      numberFormat(language, {
        style: 'percent',
        maximumFractionDigits,
      }).format(fraction),
    date: value =>
      dateTimeFormat(language, {
        dateStyle: 'medium',
        ...(isDay(value) ? { timeZone: 'UTC' } : {}),
      }).format(new Date(value)),
    shortDate: value =>
      dateTimeFormat(language, {
        month: 'short',
        day: 'numeric',
        ...(isDay(value) ? { timeZone: 'UTC' } : {}),
      }).format(new Date(value)),
    month: value =>
      dateTimeFormat(language, {
        year: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(`${value}-01T00:00:00Z`)),
    dateTime: value =>
      dateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(value)),
    dateTimeUtc: value =>
      dateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(value)),
    daysAgo: days => relativeTimeFormat(language).format(-days, 'day'),
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
      cachedFormatter(
        `list|${language}|${type}`,
        () => new Intl.ListFormat(language, { type }),
      ).format(items),
  };
}

/** The translation function and the formats of the selected language. */
export function useSreText(): { t: SreTranslate; format: Formats } {
  const { t } = useTranslationRef(sreTranslationRef);
  const language = useLanguage();
  const format = useMemo(() => formats(language, t), [language, t]);
  return { t, format };
}
