import {
  DECIMAL_SCALE,
  decimalToNumber,
  divideHalfEven,
  parseDecimal,
} from './decimal';
import type { CostCurrencyTotals, CostExchangeRates } from './types';

/** One currency's exact spend in the range and in the previous period, in scaled units. @public */
export interface CurrencySpend {
  currency: string;
  /** Spend in [from, to). */
  total: bigint;
  /** Spend in the period of the same length before `from`. */
  previous: bigint;
}

/** A rate as an exact scaled decimal; `String(0.0067)` is `'0.0067'`, so no float error gets in. */
function scaledRate(rate: number): bigint | undefined {
  const scaled =
    typeof rate === 'number' && Number.isFinite(rate)
      ? parseDecimal(String(rate))
      : undefined;
  return scaled !== undefined && scaled > 0n ? scaled : undefined;
}

/**
 * What is wrong with an exchange-rate table, as `key: problem` lines
 * (keys relative to the table); empty when it is usable.
 * @public
 */
export function exchangeRatesProblems(table: CostExchangeRates): string[] {
  const problems: string[] = [];
  const code = /^[A-Z]{3}$/;
  if (typeof table.base !== 'string' || !code.test(table.base)) {
    problems.push(`base: must be an ISO 4217 code such as USD`);
  }
  for (const [currency, rate] of Object.entries(table.rates ?? {})) {
    if (!code.test(currency)) {
      problems.push(`rates.${currency}: must be keyed by an ISO 4217 code`);
    } else if (scaledRate(rate) === undefined) {
      problems.push(
        `rates.${currency}: must be a number > 0 (units of ${table.base} per ${currency})`,
      );
    } else if (currency === table.base && scaledRate(rate) !== DECIMAL_SCALE) {
      problems.push(`rates.${currency}: the base currency's rate is 1`);
    }
  }
  return problems;
}

/**
 * Spend in several currencies side by side, and converted into the rate
 * table's base when every currency has a rate: each currency's exact total
 * times its rate, rounded half to even once per currency.
 * @public
 */
export function currencyTotals(
  spend: CurrencySpend[],
  exchangeRates?: CostExchangeRates,
): CostCurrencyTotals {
  const sorted = [...spend].sort((a, b) =>
    a.currency < b.currency ? -1 : Number(a.currency > b.currency),
  );
  const totals = sorted.map(s => ({
    currency: s.currency,
    total: { amount: decimalToNumber(s.total), currency: s.currency },
    previousTotal: {
      amount: decimalToNumber(s.previous),
      currency: s.currency,
    },
  }));
  if (!exchangeRates) return { totals, converted: null, missingRates: [] };
  const { base } = exchangeRates;
  const rateOf = (currency: string) =>
    currency === base
      ? DECIMAL_SCALE
      : scaledRate(exchangeRates.rates[currency]);
  const missingRates = sorted
    .map(s => s.currency)
    .filter(currency => rateOf(currency) === undefined);
  if (missingRates.length) return { totals, converted: null, missingRates };
  let total = 0n;
  let previous = 0n;
  const rates: Record<string, number> = {};
  for (const s of sorted) {
    const rate = rateOf(s.currency)!;
    rates[s.currency] = decimalToNumber(rate);
    total += divideHalfEven(s.total * rate, DECIMAL_SCALE);
    previous += divideHalfEven(s.previous * rate, DECIMAL_SCALE);
  }
  return {
    totals,
    converted: {
      total: { amount: decimalToNumber(total), currency: base },
      previousTotal: { amount: decimalToNumber(previous), currency: base },
      rates,
    },
    missingRates: [],
  };
}
