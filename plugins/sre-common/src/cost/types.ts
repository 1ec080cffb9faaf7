/** Money as the API carries it. @public */
export interface Money {
  amount: number;
  currency: string;
}

/** Which FOCUS cost column a report shows. @public */
export type CostMetric = 'effective' | 'billed';

/** Rules for the anomaly flag on a day's spend. @public */
export interface CostAnomalyPolicy {
  /** A day above the trailing mean plus this many standard deviations is an anomaly (default 3). */
  sigma: number;
  /** How many days before a day make its trailing mean (default 28). */
  trailingDays: number;
  /** Fewer days of history than this: no sigma rule for that day (default 7). */
  minHistoryDays: number;
  /** A day more than this fraction above the trailing mean is an anomaly too (0.5 = +50%); undefined = off. */
  jump?: number;
}

/** @public */
export const DEFAULT_COST_ANOMALY_POLICY: CostAnomalyPolicy = {
  sigma: 3,
  trailingDays: 28,
  minHistoryDays: 7,
};

/** One point of a cost series (a day, or a month with `granularity=month`). @public */
export interface CostSeriesPoint {
  /** YYYY-MM-DD (day) or YYYY-MM (month). */
  date: string;
  amount: number;
  /** Some of its days are still estimated by the source (an unfinished day). */
  estimated: boolean;
}

/** A service name's spend and its change vs the previous period. @public */
export interface CostDriver {
  /** The FOCUS ServiceName (AWS: the SERVICE dimension); '' when the source gave none. */
  name: string;
  amount: number;
  previousAmount: number;
  /** Fraction (0.1 = +10%); null when there was no spend in the previous period. */
  change: number | null;
  changeAmount: number;
}

/** A day whose spend broke an anomaly rule, with the numbers behind it. @public */
export interface CostAnomaly {
  date: string;
  amount: number;
  /** The trailing mean the day is compared with. */
  expected: number;
  /** The amount above which the day is an anomaly under `rule`. */
  threshold: number;
  rule: 'sigma' | 'jump';
}

/** Month-end forecast and how it was made. @public */
export interface CostForecast {
  /** YYYY-MM, the month forecast. */
  month: string;
  amount: number;
  /** Spend so far in that month. */
  actual: number;
  /** Mean daily spend the remaining days are assumed to cost. */
  dailyRate: number;
  /** How many days `dailyRate` is the mean of. */
  basisDays: number;
  remainingDays: number;
  /**
   * Days of the last 7 left out of `dailyRate` because the anomaly rule
   * flags them (a one-off spike is not the rest of the month's rate).
   */
  excluded: Array<{ date: string; amount: number }>;
}

/**
 * How many days of each period the cost sources hold data for: a previous
 * period that mostly predates the data makes the change look larger than
 * any real change. @public
 */
export interface CostCoverage {
  /** Days in the range, and so in the previous period. */
  periodDays: number;
  /** Days of [from, to) with data. */
  days: number;
  /** Days of [previousFrom, previousTo) with data. */
  previousDays: number;
  /** The first day with data (YYYY-MM-DD); null without any. */
  dataFrom: string | null;
}

/**
 * Units of `base` that one unit of each currency is worth, e.g.
 * `{ base: 'USD', rates: { JPY: 0.0067, EUR: 1.08 } }` (the config key
 * `sre.cost.exchangeRates`). @public
 */
export interface CostExchangeRates {
  /** ISO 4217 code of the currency totals are converted into. */
  base: string;
  /** ISO 4217 code → units of `base` per unit; `base` itself is 1. */
  rates: Record<string, number>;
}

/** A report's spend in every currency: side by side, and converted into one when rates are configured. @public */
export interface CostCurrencyTotals {
  /** Each currency with spend in the range or the previous period, by currency code. */
  totals: Array<{ currency: string; total: Money; previousTotal: Money }>;
  /**
   * All of `totals` in the rate table's base currency; null without a rate
   * table or when a currency in `totals` has no rate (see `missingRates`).
   */
  converted: {
    total: Money;
    previousTotal: Money;
    /** The rates used: units of the base per unit of each currency. */
    rates: Record<string, number>;
  } | null;
  /** Currencies of `totals` the configured table has no rate for. */
  missingRates: string[];
}

/** An entity's (or a team's) cost over a period as `GET /entities/{ref}/costs` returns it. @public */
export interface CostReport {
  /** [from, to) as YYYY-MM-DD, UTC days. */
  from: string;
  to: string;
  /** The period before, of the same length. */
  previousFrom: string;
  previousTo: string;
  granularity: 'day' | 'month';
  metric: CostMetric;
  currency: string;
  /** Every currency this entity has spend in; a report never adds two currencies. */
  currencies: string[];
  total: Money;
  previousTotal: Money;
  /** Change vs the previous period as a fraction (0.1 = +10%); null when the previous period had no spend. */
  change: number | null;
  changeAmount: Money;
  /** Days with data in the range and in the previous period (see `isPreviousPeriodPartial`). */
  coverage: CostCoverage;
  /** Spend in every currency the range or the previous period has, not only `currency`. */
  allCurrencies: CostCurrencyTotals;
  series: CostSeriesPoint[];
  /** Service names, largest spend first. */
  drivers: CostDriver[];
  forecast: CostForecast | null;
  anomalies: CostAnomaly[];
  /** True when any day of the range is still estimated by its source. */
  estimated: boolean;
  /** The cost sources Baton holds data from or has registered; empty = cost is not set up in this portal. */
  sources: string[];
  /** The allocation rule used for this entity, e.g. `service=checkout-api` (the `baton.dev/cost-tags` annotation or the default). */
  allocation: string;
}

/** A team's spend: the sum over the entities it owns, and its share of untagged spend kept apart. @public */
export interface TeamCostReport extends CostReport {
  /** Each owned entity's total in the range, largest first. */
  entities: Array<{
    entityRef: string;
    /** The catalog's name for it: `metadata.title`, else its name. */
    title: string;
    total: Money;
    previousTotal: Money;
    change: number | null;
    changeAmount: Money;
    anomalies: CostAnomaly[];
  }>;
  /**
   * Spend no entity claims (untagged, or tags no entity selects), in the
   * same currency and range. `share` is the team's part of it, in
   * proportion to the team's part of all allocated spend.
   */
  unallocated: { total: Money; share: Money; fraction: number };
}
