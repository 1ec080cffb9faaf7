/**
 * A fraction to print as a percentage with at most `digits` fraction digits,
 * already rounded (or cut) so that any formatter with that many digits
 * prints what the rules meant, e.g. `Intl.NumberFormat` with
 * `maximumFractionDigits: digits`.
 * @public
 */
export interface PercentToPrint {
  /** The fraction to format, e.g. 0.9933 for "99.33%". */
  value: number;
  /** Fraction digits of the percentage. */
  digits: number;
}

/** More fraction digits than this never help a reader. */
const MAX_DIGITS = 6;

/** `fraction` × 10^power as a whole-ish number without binary noise (0.99325 × 10⁴ is 9932.5, not 9932.4999…). */
const scaled = (fraction: number, power: number) =>
  Number((fraction * 10 ** power).toPrecision(12));

/** How many fraction digits a fraction has once written as a percentage: 0.999 → 1, 0.9995 → 2. @public */
export function percentDecimals(fraction: number): number {
  for (let digits = 0; digits < MAX_DIGITS; digits++) {
    const value = scaled(fraction, digits + 2);
    if (Number.isInteger(value)) return digits;
  }
  return MAX_DIGITS;
}

/** The objective as written, e.g. 0.9995 → 99.95%. @public */
export function objectivePercent(objective: number): PercentToPrint {
  return { value: objective, digits: percentDecimals(objective) };
}

/**
 * An SLI to print beside its objective: with the objective's digits when
 * that tells the two apart, else with as many more as it takes. An SLI below
 * the objective is never printed rounded up to it (99.9499% against 99.95%
 * is "99.9499%", not "99.95%"), one above it never as equal to it, and an SLI
 * short of 100% never as "100%". Past six digits the SLI is cut, not rounded.
 * @public
 */
export function sliPercent(sli: number, objective: number): PercentToPrint {
  const truthful = (value: number) =>
    Math.sign(value - objective) === Math.sign(sli - objective) &&
    (sli >= 1 || value < 1) &&
    (sli <= 0 || value > 0);
  for (let digits = percentDecimals(objective); digits < MAX_DIGITS; digits++) {
    const power = digits + 2;
    const value = Math.round(scaled(sli, power)) / 10 ** power;
    if (truthful(value)) return { value, digits };
  }
  const power = MAX_DIGITS + 2;
  return {
    value: Math.floor(scaled(sli, power)) / 10 ** power,
    digits: MAX_DIGITS,
  };
}

/**
 * A share of the error budget (left, spent, or overspent when negative):
 * whole percents from 10% up, one digit below, and more when that would
 * round a share that is not nothing to "0%".
 * @public
 */
export function budgetPercent(share: number): PercentToPrint {
  let digits = Math.abs(share) < 0.1 ? 1 : 0;
  for (; digits < 4; digits++) {
    const value = Math.round(scaled(share, digits + 2)) / 10 ** (digits + 2);
    if (value !== 0 || share === 0) return { value, digits };
  }
  return { value: share, digits };
}

/** A percentage in English, e.g. for Markdown or logs: "99.33%", "-1,246%". @public */
export function percentText(percent: PercentToPrint): string {
  return new Intl.NumberFormat('en-US', {
    style: 'percent',
    maximumFractionDigits: percent.digits,
  }).format(percent.value);
}
