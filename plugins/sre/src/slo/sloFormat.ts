import type { SloSummary } from '@baton/plugin-sre-common';

/** Colours shared with the other Baton cards (see readiness/LevelChip). */
export const SLO_COLORS = {
  good: '#2e7d32',
  warning: '#ed6c02',
  bad: '#c62828',
  unknown: '#757575',
};

/** How many decimals a fraction has once written as a percentage: 0.999 → 1. */
export function percentDecimals(fraction: number): number {
  const percent = fraction * 100;
  for (let digits = 0; digits < 6; digits++) {
    const scaled = percent * 10 ** digits;
    if (Math.abs(Math.round(scaled) - scaled) < 1e-6) return digits;
  }
  return 6;
}

/** A fraction as a percentage in the user's locale, e.g. 0.999 → "99.9%". */
export function formatPercent(fraction: number, maximumFractionDigits = 0) {
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    maximumFractionDigits,
  }).format(fraction);
}

/** The objective as written, e.g. "99.9%". */
export function formatObjective(objective: number): string {
  return formatPercent(objective, percentDecimals(objective));
}

/**
 * The SLI with two more decimals than the objective, so the two can be
 * compared. Truncated, not rounded: an SLI just below the objective must
 * never read as equal to it.
 */
export function formatSli(sli: number, objective: number): string {
  const digits = percentDecimals(objective) + 2;
  const factor = 10 ** (digits + 2);
  return formatPercent(Math.floor(sli * factor + 1e-9) / factor, digits);
}

/** A share of the error budget, with a decimal only below 10%. */
export function formatBudgetShare(fraction: number): string {
  return formatPercent(fraction, Math.abs(fraction) < 0.1 ? 1 : 0);
}

/** A burn rate as a multiple, e.g. 14.2 → "×14.2", 0.04 → "×0.04"; thresholds keep two decimals (×13.44). */
export function formatBurnRate(rate: number, precise = false): string {
  const number = new Intl.NumberFormat(undefined, {
    maximumFractionDigits: rate >= 10 && !precise ? 1 : 2,
  }).format(rate);
  return `×${number}`;
}

/** A number of events in the user's locale, with at most one decimal. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(undefined, {
    maximumFractionDigits: 1,
  }).format(count);
}

/** Seconds in minutes, hours or days, e.g. 10800 → "3 h". */
export function formatDuration(seconds: number): string {
  const number = (value: number) =>
    new Intl.NumberFormat(undefined, {
      maximumFractionDigits: value < 10 ? 1 : 0,
    }).format(value);
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 2 * 86400) return `${number(seconds / 3600)} h`;
  return `${number(seconds / 86400)} d`;
}

/** A timestamp in the user's locale and time zone. */
export function formatDateTime(time: string | number): string {
  return new Date(time).toLocaleString();
}

/** The window as written with its kind, e.g. "28d rolling" or "1M calendar". */
export function formatWindow(slo: Pick<SloSummary, 'window' | 'windowType'>) {
  return `${slo.window} ${slo.windowType}`;
}

/** The name an SLO is shown under. */
export function sloTitle(slo: Pick<SloSummary, 'displayName' | 'name'>) {
  return slo.displayName ?? slo.name;
}
