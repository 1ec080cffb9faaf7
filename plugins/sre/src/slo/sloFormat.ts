import type { SloSummary } from '@baton/plugin-sre-common';
import type { Formats } from '../language';
import type { SreTranslate } from '../translation';

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

/** The objective as written, e.g. "99.9%". */
export function formatObjective(format: Formats, objective: number): string {
  return format.percent(objective, percentDecimals(objective));
}

/**
 * The SLI with two more decimals than the objective, so the two can be
 * compared. Truncated, not rounded: an SLI just below the objective must
 * never read as equal to it.
 */
export function formatSli(
  format: Formats,
  sli: number,
  objective: number,
): string {
  const digits = percentDecimals(objective) + 2;
  const factor = 10 ** (digits + 2);
  return format.percent(Math.floor(sli * factor + 1e-9) / factor, digits);
}

/** A share of the error budget, with a decimal only below 10%. */
export function formatBudgetShare(format: Formats, fraction: number): string {
  return format.percent(fraction, Math.abs(fraction) < 0.1 ? 1 : 0);
}

/** A burn rate as a multiple, e.g. 14.2 → "×14.2", 0.04 → "×0.04"; thresholds keep two decimals (×13.44). */
export function formatBurnRate(
  format: Formats,
  rate: number,
  precise = false,
): string {
  return `×${format.number(rate, rate >= 10 && !precise ? 1 : 2)}`;
}

/** The window as written with its kind, e.g. "28d rolling" or "1M calendar". */
export function formatWindow(
  t: SreTranslate,
  slo: Pick<SloSummary, 'window' | 'windowType'>,
) {
  return t(`slo.window.${slo.windowType}`, { window: slo.window });
}

/** The name an SLO is shown under. */
export function sloTitle(slo: Pick<SloSummary, 'displayName' | 'name'>) {
  return slo.displayName ?? slo.name;
}
