/** Burn-rate windows of the multiwindow alerting rule. @public */
export type BurnRateWindow = '1h' | '6h' | '3d';

/** One SLO of an entity as `GET /entities/{ref}/slos` returns it. @public */
export interface SloSummary {
  name: string;
  displayName?: string;
  /** Target as a fraction in 0..1, e.g. 0.999. */
  objective: number;
  /** e.g. `28d` rolling or `calendar:month`. */
  window: string;
  /** Current SLI over the window, a fraction in 0..1; null before any data. */
  sli: number | null;
  errorBudget: { remaining: number | null; consumed: number | null };
  burnRates: Record<BurnRateWindow, number | null>;
  alerting: 'ok' | 'ticket' | 'page' | 'unknown';
  history: Array<{ timestamp: string; sli: number; budgetRemaining: number }>;
}
