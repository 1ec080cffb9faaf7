import {
  type CostAnomaly,
  DEFAULT_COST_ANOMALY_POLICY,
} from '@baton/plugin-sre-common';
import { numberFormat, type Formats } from '../language';
import type { SreTranslate } from '../translation';

/** Colours shared with the other Baton cards (see slo/sloFormat): more spend is bad news. */
export const COST_COLORS = {
  up: '#c62828',
  down: '#2e7d32',
  neutral: '#757575',
  spend: '#1976d2',
  anomaly: '#c62828',
};

/** An amount in its currency, e.g. "$1,234.50" or "¥123,456": Intl knows each currency's decimals. */
export function formatMoney(
  format: Formats,
  amount: number,
  currency: string,
): string {
  return numberFormat(format.language, {
    style: 'currency',
    currency,
  }).format(amount);
}

/** A change of an amount with its sign, e.g. "+$546.75", "-¥1,200"; zero has none. */
export function formatMoneyChange(
  format: Formats,
  amount: number,
  currency: string,
): string {
  return numberFormat(format.language, {
    style: 'currency',
    currency,
    signDisplay: 'exceptZero',
  }).format(amount);
}

/** An axis label: short, e.g. "$1.2K" or "¥12万". */
export function formatMoneyCompact(
  format: Formats,
  amount: number,
  currency: string,
): string {
  return numberFormat(format.language, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
}

/** A change as a signed percentage, with a decimal only below 10%: 0.2 → "+20%", -0.042 → "-4.2%". */
export function formatChange(format: Formats, fraction: number): string {
  return numberFormat(format.language, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: Math.abs(fraction) < 0.1 ? 1 : 0,
  }).format(fraction);
}

/** A point of a series: a day (YYYY-MM-DD) or a month (YYYY-MM). */
export function formatPeriodPoint(format: Formats, date: string): string {
  return /^\d{4}-\d{2}$/.test(date) ? format.month(date) : format.date(date);
}

/** The last day of a range the API gives as [from, to): the day before `to`. */
export function lastDay(to: string): string {
  const day = new Date(`${to}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The colour of a change: red when spend went up, green when down, grey when unknown or flat. */
export function changeColor(change: number | null): string {
  if (change === null || change === 0) return COST_COLORS.neutral;
  return change > 0 ? COST_COLORS.up : COST_COLORS.down;
}

/**
 * Why a day is an anomaly, with its numbers. The report carries each
 * day's mean and threshold but not the policy, so the window and σ are the
 * backend's defaults; a jump rule's percentage comes from the numbers.
 */
export function anomalyText(
  t: SreTranslate,
  format: Formats,
  anomaly: CostAnomaly,
  currency: string,
): string {
  const money = (amount: number) => formatMoney(format, amount, currency);
  const params = {
    date: format.date(anomaly.date),
    amount: money(anomaly.amount),
    expected: money(anomaly.expected),
    threshold: money(anomaly.threshold),
    days: format.number(DEFAULT_COST_ANOMALY_POLICY.trailingDays),
  };
  if (anomaly.rule === 'jump' && anomaly.expected > 0) {
    return t('cost.chart.anomalyJump', {
      ...params,
      jump: format.percent(anomaly.threshold / anomaly.expected - 1),
    });
  }
  return t('cost.chart.anomalySigma', {
    ...params,
    sigma: format.number(DEFAULT_COST_ANOMALY_POLICY.sigma),
  });
}
