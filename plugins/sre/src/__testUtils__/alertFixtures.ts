import type { AlertItem } from '@baton/plugin-sre-common';

/** A firing Alertmanager alert of checkout-api, with the given fields changed. */
export function alertItem(overrides: Partial<AlertItem> = {}): AlertItem {
  return {
    id: '1',
    source: 'alertmanager',
    monitor: 'CheckoutErrorRate',
    title: 'Checkout 5xx rate high',
    severity: 'critical',
    status: 'firing',
    startsAt: '2026-11-24T10:00:00.000Z',
    acknowledgedBy: [],
    labels: { service: 'checkout-api' },
    links: [],
    entityRefs: ['component:default/checkout-api'],
    noise: [],
    ...overrides,
  };
}
