import {
  DECIMAL_SCALE,
  decimalToNumber,
  divideHalfEven,
  parseDecimal,
} from './decimal';
import { currencyTotals, type CurrencySpend } from './currency';
import {
  DEFAULT_COST_ANOMALY_POLICY,
  type CostAnomaly,
  type CostAnomalyPolicy,
  type CostCoverage,
  type CostDriver,
  type CostExchangeRates,
  type CostForecast,
  type CostMetric,
  type CostReport,
  type CostSeriesPoint,
  type Money,
} from './types';

/** One service's spend on one UTC day, in one currency. @public */
export interface DailyCost {
  /** YYYY-MM-DD, UTC. */
  date: string;
  /** The service name (FOCUS ServiceName); '' when the source gave none. */
  driver: string;
  /** Scaled units (see `parseDecimal`). */
  amount: bigint;
  /** The source may still revise this row (an unfinished day). */
  estimated?: boolean;
  /** The row's currency; undefined = the report's `currency`. */
  currency?: string;
}

/** What `costReport` needs: daily rows around a range. @public */
export interface CostReportInput {
  /** The currency the report's amounts are in; a report never adds two currencies. */
  currency: string;
  /** Every currency the entity has spend in, passed through for the card. */
  currencies: string[];
  /** Passed through: the cost sources Baton holds data from (empty = cost not set up). */
  sources: string[];
  /** Passed through: the allocation rule for the entity, e.g. `service=checkout-api`. */
  allocation: string;
  metric: CostMetric;
  /** [from, to) as YYYY-MM-DD, UTC days. */
  from: string;
  to: string;
  granularity: 'day' | 'month';
  /**
   * Rows of `currency` (and of other currencies, which count only in
   * `allCurrencies`). Days before `from` feed the previous period, the
   * anomaly history and the forecast; days on or after `to` are ignored.
   */
  rows: DailyCost[];
  /** YYYY-MM-DD, "now" for the forecast. */
  today: string;
  policy?: Partial<CostAnomalyPolicy>;
  /**
   * The days [from, to) the cost sources hold data for (e.g. the periods
   * they imported); default: from the first row's day to the last one's.
   */
  dataSpans?: Array<{ from: string; to: string }>;
  /** Converts `allCurrencies` into one currency; without it they stay side by side. */
  exchangeRates?: CostExchangeRates;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Days of spend the forecast's daily rate is the mean of.
const FORECAST_BASIS_DAYS = 7;

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; days keep the range arithmetic in integers. */
function dayNumber(date: string, what: string): number {
  const match = DATE_PATTERN.exec(date);
  const day = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) /
      DAY_MS
    : NaN;
  // The round trip rejects 2026-02-30 and friends, which Date.UTC rolls over.
  if (!match || dayString(day) !== date) {
    throw new RangeError(`${what} is not a YYYY-MM-DD date: '${date}'`);
  }
  return day;
}

function monthOf(day: number): string {
  return dayString(day).slice(0, 7);
}

/** The first day of the month after the one holding `day`. */
function nextMonthStart(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}

/** A policy number as an exact scaled decimal: `String(0.1)` is `'0.1'`, so no float error gets in. */
function exactPolicyValue(value: number, what: string): bigint {
  const scaled = Number.isFinite(value)
    ? parseDecimal(String(value))
    : undefined;
  if (scaled === undefined || scaled < 0n) {
    throw new RangeError(`${what} must be a number >= 0, got ${value}`);
  }
  return scaled;
}

function wholeDays(value: number, min: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${what} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

function money(scaled: bigint, currency: string): Money {
  return { amount: decimalToNumber(scaled), currency };
}

/** Change as a fraction of the previous amount; null without previous spend (no base to compare with). */
function changeOf(amount: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  // Divide by |previous| so a net credit period still gives the sign of changeAmount.
  const base = previous < 0n ? -previous : previous;
  return decimalToNumber(
    divideHalfEven((amount - previous) * DECIMAL_SCALE, base),
  );
}

function compareDescending(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a > b ? -1 : 1;
}

/** Per-day totals of the rows before `to`, and the first day with any row. */
class DailyTotals {
  private readonly totals = new Map<number, bigint>();
  /** Days before this have no data at all, so they are not counted as zero spend. */
  firstDay = Infinity;

  add(day: number, amount: bigint) {
    this.totals.set(day, (this.totals.get(day) ?? 0n) + amount);
    this.firstDay = Math.min(this.firstDay, day);
  }

  on(day: number): bigint {
    return this.totals.get(day) ?? 0n;
  }

  /** Exact sum over the days [from, to). */
  sum(from: number, to: number): bigint {
    let total = 0n;
    for (let day = from; day < to; day++) total += this.on(day);
    return total;
  }
}

/**
 * Month-end forecast for the month holding the range's last day, or null
 * when `today` is not in that month (a past month needs no forecast).
 */
function forecastOf(
  daily: DailyTotals,
  to: number,
  today: number,
  policy: CostAnomalyPolicy,
): CostForecast | null {
  const month = monthOf(to - 1);
  if (monthOf(today) !== month) return null;
  // Spend is known up to yesterday, or up to `to` when the range ends earlier
  // in the month (we were not given rows past it).
  const asOf = Math.min(today, to);
  const monthStart = dayNumber(`${month}-01`, 'month start');
  const monthEnd = nextMonthStart(monthStart);

  // The month's spend so far; days before `from` come from the rows given for them.
  const actual = daily.sum(monthStart, asOf);
  // Daily rate: mean of the last up-to-7 complete days, crossing into the
  // previous month if needed; days before the first row are not data, so a
  // new service is not diluted by zeros it never had.
  const basisFrom = Math.max(asOf - FORECAST_BASIS_DAYS, daily.firstDay);
  const {
    days: basisDays,
    sum: basisSum,
    excluded,
  } = forecastBasis(daily, basisFrom, asOf, policy);
  // Remaining days include the day `asOf` itself: today is not complete yet.
  const remainingDays = monthEnd - asOf;
  // rate × days from the exact sum, so the rounded rate's error is not multiplied.
  const rest =
    basisDays > 0
      ? divideHalfEven(basisSum * BigInt(remainingDays), BigInt(basisDays))
      : 0n;
  return {
    month,
    amount: decimalToNumber(actual + rest),
    actual: decimalToNumber(actual),
    dailyRate: decimalToNumber(
      basisDays > 0 ? divideHalfEven(basisSum, BigInt(basisDays)) : 0n,
    ),
    basisDays,
    remainingDays,
    excluded,
  };
}

/**
 * The days [from, to) the forecast's rate is the mean of: those the anomaly
 * rule does not flag (the card's own rule, so a day it marks is never the
 * month's rate). When it flags every one, spend moved to a new level and
 * all of them count.
 */
function forecastBasis(
  daily: DailyTotals,
  from: number,
  to: number,
  policy: CostAnomalyPolicy,
): { days: number; sum: bigint; excluded: CostForecast['excluded'] } {
  const flagged = new Set(
    anomaliesOf(daily, from, to, policy).map(anomaly => anomaly.date),
  );
  let days = 0;
  let sum = 0n;
  const excluded: CostForecast['excluded'] = [];
  for (let day = from; day < to; day++) {
    const date = dayString(day);
    if (flagged.has(date)) {
      excluded.push({ date, amount: decimalToNumber(daily.on(day)) });
    } else {
      days += 1;
      sum += daily.on(day);
    }
  }
  if (days === 0 && excluded.length) {
    return { days: excluded.length, sum: daily.sum(from, to), excluded: [] };
  }
  return { days, sum, excluded };
}

/** Days of [from, to) inside any of the spans. */
function daysCovered(
  spans: Array<{ from: number; to: number }>,
  from: number,
  to: number,
): number {
  let covered = 0;
  for (let day = from; day < to; day++) {
    if (spans.some(span => span.from <= day && day < span.to)) covered += 1;
  }
  return covered;
}

/**
 * Whether the previous period has fewer days with data than the range: its
 * total then leaves out spend that was never imported, and the change
 * overstates (or understates) any real change.
 * @public
 */
export function isPreviousPeriodPartial(coverage: CostCoverage): boolean {
  return coverage.previousDays < coverage.days;
}

/** Floor of the square root (Newton's method); only the reported threshold uses it. */
function bigintSqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}

/**
 * Days of [from, to) whose spend breaks a rule against its trailing window.
 * All comparisons are exact integer inequalities; only the reported numbers
 * are rounded.
 */
function anomaliesOf(
  daily: DailyTotals,
  from: number,
  to: number,
  policy: CostAnomalyPolicy,
): CostAnomaly[] {
  const sigma = exactPolicyValue(policy.sigma, 'policy.sigma');
  const jump =
    policy.jump === undefined
      ? undefined
      : exactPolicyValue(policy.jump, 'policy.jump');
  const trailingDays = wholeDays(policy.trailingDays, 1, 'policy.trailingDays');
  const minHistoryDays = wholeDays(
    policy.minHistoryDays,
    0,
    'policy.minHistoryDays',
  );
  const scale2 = DECIMAL_SCALE * DECIMAL_SCALE;

  const anomalies: CostAnomaly[] = [];
  for (let day = from; day < to; day++) {
    // Missing days count as zero spend, but only from the first row on.
    const start = Math.max(day - trailingDays, daily.firstDay);
    const n = day - start;
    if (n <= 0) continue;
    let sum = 0n;
    let sumOfSquares = 0n;
    for (let d = start; d < day; d++) {
      const x = daily.on(d);
      sum += x;
      sumOfSquares += x * x;
    }
    const count = BigInt(n);
    const amount = daily.on(day);
    // n × (amount − mean): both rules need the day above its mean.
    const excess = count * amount - sum;
    if (excess <= 0n) continue;

    let rule: CostAnomaly['rule'] | undefined;
    let threshold = 0n;
    // n² × population variance; ≥ 0 by Cauchy–Schwarz.
    const spread = count * sumOfSquares - sum * sum;
    // amount − mean > σ·stddev, squared on both sides and times n²; with a
    // flat history (stddev 0) any amount above the mean counts.
    if (
      n >= minHistoryDays &&
      excess * excess * scale2 > sigma * sigma * spread
    ) {
      rule = 'sigma';
      threshold = divideHalfEven(
        sum * DECIMAL_SCALE + sigma * bigintSqrt(spread),
        count * DECIMAL_SCALE,
      );
    } else if (
      jump !== undefined &&
      sum > 0n &&
      count * amount * DECIMAL_SCALE > sum * (DECIMAL_SCALE + jump)
    ) {
      // amount > mean × (1 + jump), only with a positive mean to be relative to.
      rule = 'jump';
      threshold = divideHalfEven(
        sum * (DECIMAL_SCALE + jump),
        count * DECIMAL_SCALE,
      );
    }
    if (rule) {
      anomalies.push({
        date: dayString(day),
        amount: decimalToNumber(amount),
        expected: decimalToNumber(divideHalfEven(sum, count)),
        threshold: decimalToNumber(threshold),
        rule,
      });
    }
  }
  return anomalies;
}

/**
 * An entity's cost report from daily rows of one currency: totals, change
 * against the previous period of the same length, a gap-free series, drivers,
 * a month-end forecast and anomalies, all summed exactly in scaled units.
 * @public
 */
export function costReport(input: CostReportInput): CostReport {
  const { currency } = input;
  const from = dayNumber(input.from, 'from');
  const to = dayNumber(input.to, 'to');
  const today = dayNumber(input.today, 'today');
  if (to <= from) {
    throw new RangeError(`to (${input.to}) must be after from (${input.from})`);
  }
  const policy: CostAnomalyPolicy = {
    sigma: input.policy?.sigma ?? DEFAULT_COST_ANOMALY_POLICY.sigma,
    trailingDays:
      input.policy?.trailingDays ?? DEFAULT_COST_ANOMALY_POLICY.trailingDays,
    minHistoryDays:
      input.policy?.minHistoryDays ??
      DEFAULT_COST_ANOMALY_POLICY.minHistoryDays,
    jump: input.policy?.jump ?? DEFAULT_COST_ANOMALY_POLICY.jump,
  };
  // The previous period is the same number of days immediately before `from`.
  const previousFrom = from - (to - from);

  const daily = new DailyTotals();
  const estimatedDays = new Set<number>();
  const drivers = new Map<string, { amount: bigint; previous: bigint }>();
  const byCurrency = new Map<string, CurrencySpend>();
  // The rows' first and last day, any currency: the default data span.
  let firstRowDay = Infinity;
  let lastRowDay = -Infinity;
  for (const row of input.rows) {
    if (typeof row.amount !== 'bigint') {
      throw new TypeError(`Row amount must be a bigint of scaled units`);
    }
    const day = dayNumber(row.date, 'row date');
    // Days from `to` on are outside every rule (and may be partial).
    if (day >= to) continue;
    firstRowDay = Math.min(firstRowDay, day);
    lastRowDay = Math.max(lastRowDay, day);
    const rowCurrency = row.currency ?? currency;
    if (day >= previousFrom) {
      const spend = byCurrency.get(rowCurrency) ?? {
        currency: rowCurrency,
        total: 0n,
        previous: 0n,
      };
      if (day >= from) spend.total += row.amount;
      else spend.previous += row.amount;
      byCurrency.set(rowCurrency, spend);
    }
    if (rowCurrency !== currency) continue;
    daily.add(day, row.amount);
    if (day >= from && row.estimated) estimatedDays.add(day);
    if (day >= previousFrom) {
      const driver = drivers.get(row.driver) ?? { amount: 0n, previous: 0n };
      if (day >= from) driver.amount += row.amount;
      else driver.previous += row.amount;
      drivers.set(row.driver, driver);
    }
  }

  const total = daily.sum(from, to);
  const previousTotal = daily.sum(previousFrom, from);

  const spans = input.dataSpans
    ? input.dataSpans.map(span => ({
        from: dayNumber(span.from, 'dataSpans.from'),
        to: dayNumber(span.to, 'dataSpans.to'),
      }))
    : [{ from: firstRowDay, to: lastRowDay + 1 }];
  const dataFrom = Math.min(...spans.map(span => span.from));
  const coverage: CostCoverage = {
    periodDays: to - from,
    days: daysCovered(spans, from, to),
    previousDays: daysCovered(spans, previousFrom, from),
    dataFrom: Number.isFinite(dataFrom) ? dayString(dataFrom) : null,
  };

  // One point per day (or calendar month) of the range, zero when there were
  // no rows, so the chart has no gaps; a month point covers only its days in range.
  const points = new Map<string, { amount: bigint; estimated: boolean }>();
  for (let day = from; day < to; day++) {
    const key = input.granularity === 'month' ? monthOf(day) : dayString(day);
    const point = points.get(key) ?? { amount: 0n, estimated: false };
    point.amount += daily.on(day);
    point.estimated ||= estimatedDays.has(day);
    points.set(key, point);
  }
  const series: CostSeriesPoint[] = [...points].map(([date, point]) => ({
    date,
    amount: decimalToNumber(point.amount),
    estimated: point.estimated,
  }));

  // Drivers with spend in either period, so a service that stopped still
  // shows (at 0); largest spend first, then by name for a stable order.
  const driverList: CostDriver[] = [...drivers]
    .filter(([, d]) => d.amount !== 0n || d.previous !== 0n)
    .sort(
      ([nameA, a], [nameB, b]) =>
        compareDescending(a.amount, b.amount) ||
        (nameA < nameB ? -1 : Number(nameA > nameB)),
    )
    .map(([name, d]) => ({
      name,
      amount: decimalToNumber(d.amount),
      previousAmount: decimalToNumber(d.previous),
      change: changeOf(d.amount, d.previous),
      changeAmount: decimalToNumber(d.amount - d.previous),
    }));

  return {
    from: input.from,
    to: input.to,
    previousFrom: dayString(previousFrom),
    previousTo: input.from,
    granularity: input.granularity,
    metric: input.metric,
    currency,
    currencies: [...input.currencies],
    sources: [...input.sources],
    allocation: input.allocation,
    total: money(total, currency),
    previousTotal: money(previousTotal, currency),
    change: changeOf(total, previousTotal),
    changeAmount: money(total - previousTotal, currency),
    coverage,
    allCurrencies: currencyTotals(
      [...byCurrency.values()],
      input.exchangeRates,
    ),
    series,
    drivers: driverList,
    forecast: forecastOf(daily, to, today, policy),
    anomalies: anomaliesOf(daily, from, to, policy),
    estimated: estimatedDays.size > 0,
  };
}
