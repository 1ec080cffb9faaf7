import { alertNoise } from '@baton/plugin-sre-common';
import { DemoAlertPoller } from './DemoAlertPoller';

describe('DemoAlertPoller', () => {
  const now = Date.parse('2026-11-25T03:00:00Z');
  const poller = new DemoAlertPoller(now);

  it('tells a fortnight that ends now, with every resolution after its firing', async () => {
    const events = await poller.poll();
    const fired = events.filter(e => e.status === 'firing');
    for (const event of events) {
      expect(Date.parse(event.startsAt)).toBeLessThanOrEqual(now);
      expect(Date.parse(event.startsAt)).toBeGreaterThan(now - 15 * 86_400_000);
    }
    for (const resolved of events.filter(e => e.status === 'resolved')) {
      const firing = fired.find(e => e.sourceKey === resolved.sourceKey)!;
      expect(Date.parse(resolved.endsAt!)).toBeGreaterThan(
        Date.parse(firing.startsAt),
      );
    }
    // Checkout's error-budget burn still fires.
    const burning = events.filter(e => e.monitor === 'CheckoutErrorBudgetBurn');
    expect(burning.map(e => e.status)).toEqual(['firing']);
    // Responders are the demo catalog's people.
    const responders = new Set(
      events.flatMap(e => (e.acknowledgements ?? []).map(a => a.userRef)),
    );
    expect([...responders].every(ref => ref.startsWith('user:default/'))).toBe(
      true,
    );
    expect(responders.size).toBeGreaterThanOrEqual(5);
  });

  it('has a flapping monitor that the cry-wolf rules catch', async () => {
    const events = await poller.poll();
    const lag = events
      .filter(e => e.labels.job === 'order-batch')
      .map(e => ({
        id: e.sourceKey,
        source: e.source,
        monitor: e.monitor,
        title: e.title,
        severity: e.severity,
        status: e.status,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        resolvedBy: e.resolvedBy,
        acknowledgedBy: (e.acknowledgements ?? []).map(a => a.userRef),
        labels: e.labels,
        links: [],
        entityRefs: [],
      }))
      .filter(e => e.status === 'resolved');
    const flags = alertNoise(lag).map(noise => noise.map(n => n.flag));
    expect(flags.filter(f => f.includes('flapping')).length).toBe(3);
    expect(flags.filter(f => f.includes('transient')).length).toBeGreaterThan(
      3,
    );
  });
});
