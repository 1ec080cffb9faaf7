import type { AlertSeverity, AlertSource } from '@baton/plugin-sre-common';
import type { AlertEvent, AlertPoller } from '@baton/plugin-sre-node';
import {
  PAYMENTS_OUTAGE_MINUTES,
  paymentsOutageMinutesAgo,
} from '../slo/DemoSliSource';
import {
  INVENTORY_SYNC_STALL_AFTER_MINUTES,
  inventorySyncLateApply,
} from '../changes/demoChangeTimes';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

/** One scripted alert, its times in minutes before the demo's "now". */
interface DemoAlert {
  key: string;
  source: AlertSource;
  monitor: string;
  title: string;
  severity: AlertSeverity;
  labels: Record<string, string>;
  /** Or a function of the demo's "now", for an alert that must fall where the SLI data has it. */
  startedMinutesAgo: number | ((now: number) => number);
  /** Unset while it still fires. */
  minutes?: number;
  resolvedBy?: 'source' | 'person';
  acks?: Array<[person: string, afterMinutes: number]>;
  runbookUrl?: string;
}

const checkout = { service: 'checkout', env: 'production' };
const orderBatchAlarm =
  'arn:aws:cloudwatch:ap-northeast-1:123456789012:alarm:order-batch-lag';
const daysAgo = (days: number, plusMinutes = 0) =>
  days * DAY_MINUTES - plusMinutes;

/** order-batch's lag alarm: it fires and clears on its own, three times in one night. */
const orderBatchLag = (
  startedMinutesAgo: number,
  minutes: number,
  acks?: DemoAlert['acks'],
): DemoAlert => ({
  key: `${orderBatchAlarm}@${startedMinutesAgo}`,
  source: 'cloudwatch',
  monitor: orderBatchAlarm,
  title: 'order-batch-lag: ApproximateAgeOfOldestMessage > 600 for 1 datapoint',
  severity: 'unknown',
  labels: { job: 'order-batch', alarm: 'order-batch-lag' },
  startedMinutesAgo,
  minutes,
  resolvedBy: 'source',
  acks,
});

/**
 * The demo catalog's last fortnight: checkout's incident six days ago and the
 * error-budget burn still firing, a calm storefront, order-batch's flapping
 * lag alarm that nobody fixes, the payment provider's outage and a Sentry
 * issue on catalog-search.
 */
const DEMO_ALERTS: DemoAlert[] = [
  {
    key: 'fp-checkout-5xx',
    source: 'alertmanager',
    monitor: 'Checkout5xxRate',
    title: 'Checkout 5xx rate above 2%',
    severity: 'critical',
    labels: { ...checkout, alertname: 'Checkout5xxRate' },
    startedMinutesAgo: daysAgo(6, -200),
    minutes: 45,
    acks: [['aiko.tanaka', 4]],
    runbookUrl:
      'https://github.com/hanamori-market/runbooks/blob/main/checkout-api.md#5xx',
  },
  {
    key: 'fp-checkout-burn',
    source: 'alertmanager',
    monitor: 'CheckoutErrorBudgetBurn',
    title: 'Checkout availability burns its error budget 14× too fast',
    severity: 'critical',
    labels: { ...checkout, alertname: 'CheckoutErrorBudgetBurn' },
    startedMinutesAgo: 78,
    acks: [['chihiro.mori', 6]],
  },
  {
    key: 'fp-checkout-latency',
    source: 'alertmanager',
    monitor: 'CheckoutLatencyP99',
    title: 'Checkout p99 latency above 300 ms',
    severity: 'warning',
    labels: { ...checkout, alertname: 'CheckoutLatencyP99' },
    startedMinutesAgo: daysAgo(12, -500),
    minutes: 180,
    acks: [['gen.ito', 15]],
  },
  {
    key: 'fp-checkout-restart',
    source: 'alertmanager',
    monitor: 'CheckoutPodRestarting',
    title: 'A checkout pod restarted',
    severity: 'warning',
    labels: { ...checkout, alertname: 'CheckoutPodRestarting' },
    startedMinutesAgo: daysAgo(9, 300),
    minutes: 3,
    resolvedBy: 'source',
  },
  {
    key: 'fp-storefront-errors',
    source: 'alertmanager',
    monitor: 'StorefrontErrors',
    title: 'Storefront error rate above 1%',
    severity: 'warning',
    labels: { service: 'storefront', alertname: 'StorefrontErrors' },
    startedMinutesAgo: daysAgo(10, 120),
    minutes: 20,
    acks: [['ben.okafor', 5]],
  },
  {
    key: 'fp-storefront-cdn',
    source: 'alertmanager',
    monitor: 'StorefrontCdn5xx',
    title: 'CDN answers 5xx for product pages',
    severity: 'critical',
    labels: { service: 'storefront', alertname: 'StorefrontCdn5xx' },
    startedMinutesAgo: daysAgo(4, 600),
    minutes: 35,
    acks: [['aiko.tanaka', 3]],
  },
  orderBatchLag(daysAgo(13, 90), 3),
  orderBatchLag(daysAgo(11, 240), 2),
  orderBatchLag(daysAgo(8, 60), 4),
  orderBatchLag(daysAgo(8, 180), 2),
  orderBatchLag(daysAgo(8, 420), 3),
  orderBatchLag(daysAgo(5, 30), 12, [['farid.haddad', 9]]),
  orderBatchLag(daysAgo(2, 200), 2),
  orderBatchLag(daysAgo(1, 100), 8, [['daniel.weiss', 6]]),
  {
    key: 'mackerel-payments-outage',
    source: 'mackerel',
    monitor: 'Payment provider errors',
    title: 'Payment provider errors (payments)',
    severity: 'critical',
    labels: { service: 'payments-adapter', monitor: 'Payment provider errors' },
    // When the demo's payments SLI has the outage: within this month's SLO window.
    startedMinutesAgo: paymentsOutageMinutesAgo,
    minutes: PAYMENTS_OUTAGE_MINUTES,
    resolvedBy: 'person',
    acks: [['emi.sato', 8]],
  },
  {
    key: 'mackerel-payments-latency',
    source: 'mackerel',
    monitor: 'Authorisation latency',
    title: 'Authorisation latency (payments)',
    severity: 'warning',
    labels: { service: 'payments-adapter', monitor: 'Authorisation latency' },
    startedMinutesAgo: daysAgo(7, 30),
    minutes: 30,
    resolvedBy: 'source',
    acks: [['farid.haddad', 10]],
  },
  {
    key: 'mackerel-inventory-stalled',
    source: 'mackerel',
    monitor: 'Inventory sync stalled',
    title: 'Inventory sync stalled (inventory)',
    severity: 'warning',
    labels: { service: 'inventory-sync', monitor: 'Inventory sync stalled' },
    // After Farid's late solo apply (the demo changes' story).
    startedMinutesAgo: now =>
      Math.round(
        (now - inventorySyncLateApply(now)) / MINUTE -
          INVENTORY_SYNC_STALL_AFTER_MINUTES,
      ),
    minutes: 50,
    resolvedBy: 'source',
    acks: [['daniel.weiss', 12]],
  },
  {
    key: 'issue:4711',
    source: 'sentry',
    monitor: 'catalog-search',
    title: 'TypeError: Cannot read properties of undefined (reading "facets")',
    severity: 'critical',
    labels: { service: 'catalog-search', project: 'catalog-search' },
    startedMinutesAgo: daysAgo(2, 45),
    acks: [['ben.okafor', 30]],
  },
];

/**
 * Feeds the demo catalog's alert history through the same path as a real
 * poller: a scripted fortnight relative to when the demo started.
 */
export class DemoAlertPoller implements AlertPoller {
  readonly id = 'demo';

  constructor(private readonly now: number = Date.now()) {}

  async poll(): Promise<AlertEvent[]> {
    const at = (minutesAgo: number) =>
      new Date(this.now - minutesAgo * MINUTE).toISOString();
    return DEMO_ALERTS.flatMap(script => {
      const alert = {
        ...script,
        startedMinutesAgo:
          typeof script.startedMinutesAgo === 'number'
            ? script.startedMinutesAgo
            : script.startedMinutesAgo(this.now),
      };
      const fired = {
        source: alert.source,
        sourceKey: alert.key,
        monitor: alert.monitor,
        title: alert.title,
        severity: alert.severity,
        startsAt: at(alert.startedMinutesAgo),
        labels: alert.labels,
        ...(alert.runbookUrl ? { runbookUrl: alert.runbookUrl } : {}),
        acknowledgements: (alert.acks ?? []).map(([person, after]) => ({
          userRef: `user:default/${person}`,
          at: at(alert.startedMinutesAgo - after),
        })),
      };
      const events: AlertEvent[] = [
        { ...fired, status: 'firing', at: fired.startsAt },
      ];
      if (alert.minutes !== undefined) {
        const endsAt = at(alert.startedMinutesAgo - alert.minutes);
        events.push({
          ...fired,
          status: 'resolved',
          endsAt,
          at: endsAt,
          resolvedBy: alert.resolvedBy ?? 'source',
        });
      }
      return events;
    });
  }
}
