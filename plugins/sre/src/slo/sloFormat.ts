import {
  budgetPercent,
  objectivePercent,
  sliPercent,
  type SloSummary,
} from '@baton/plugin-sre-common';
import type { Formats } from '../language';
import type { SreTranslate } from '../translation';

/** Colours shared with the other Baton cards (see readiness/LevelChip). */
export const SLO_COLORS = {
  good: '#2e7d32',
  warning: '#ed6c02',
  bad: '#c62828',
  unknown: '#757575',
};

/** The objective as written, e.g. "99.9%". */
export function formatObjective(format: Formats, objective: number): string {
  const percent = objectivePercent(objective);
  return format.percent(percent.value, percent.digits);
}

/**
 * The SLI with enough digits to tell it from the objective (the rule of
 * sre-common's sliPercent): never rounded up to an objective it misses.
 */
export function formatSli(
  format: Formats,
  sli: number,
  objective: number,
): string {
  const percent = sliPercent(sli, objective);
  return format.percent(percent.value, percent.digits);
}

/** A share of the error budget: whole percents from 10%, a decimal below, never "0%" for a share that is not nothing. */
export function formatBudgetShare(format: Formats, fraction: number): string {
  const percent = budgetPercent(fraction);
  return format.percent(percent.value, percent.digits);
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
