/** Money as the API carries it. @public */
export interface Money {
  amount: number;
  currency: string;
}

/** An entity's cost over a period as `GET /entities/{ref}/costs` returns it. @public */
export interface CostReport {
  total: Money;
  previousTotal: Money;
  /** Change vs the previous period as a fraction (0.1 = +10%); null when the previous period had no spend. */
  change: number | null;
  currency: string;
  series: Array<{ date: string; amount: number }>;
  drivers: Array<{ name: string; amount: number; change: number | null }>;
  forecast: Money | null;
  anomalies: Array<{ date: string; amount: number; expected: number }>;
}
