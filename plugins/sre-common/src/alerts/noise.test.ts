import {
  alertNoise,
  AlertNoisePolicy,
  DEFAULT_ALERT_NOISE_POLICY,
  isCryingWolf,
  rankMonitorNoise,
  summariseAlerts,
} from './noise';
import type { AlertItem, AlertNoise } from './types';

const T0 = Date.parse('2024-05-01T00:00:00.000Z');
/** The ISO time `minutes` after T0 (fractions allowed). */
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
/** The ISO time `hours` after T0. */
const atHour = (hours: number) => at(hours * 60);

let seq = 0;
function alert(overrides: Partial<AlertItem> = {}): AlertItem {
  seq += 1;
  return {
    id: `alert-${seq}`,
    source: 'alertmanager',
    monitor: 'HighLatency',
    title: 'High latency',
    severity: 'warning',
    status: 'firing',
    startsAt: at(0),
    acknowledgedBy: [],
    labels: {},
    links: [],
    entityRefs: ['component:default/api'],
    noise: [],
    ...overrides,
  };
}

/** A resolved-by-source alert that lasted `minutes`. */
const resolvedAfter = (
  minutes: number,
  overrides: Partial<AlertItem> = {},
): AlertItem =>
  alert({
    status: 'resolved',
    resolvedBy: 'source',
    startsAt: at(0),
    endsAt: at(minutes),
    ...overrides,
  });

const flagsOf = (noise: AlertNoise[]) => noise.map(n => n.flag);
const find = (noise: AlertNoise[], flag: AlertNoise['flag']) =>
  noise.find(n => n.flag === flag);

const noiseOf = (flag: AlertNoise['flag']): AlertNoise => ({
  flag,
  params: {},
  explanation: flag,
});

describe('DEFAULT_ALERT_NOISE_POLICY', () => {
  it('holds the documented defaults', () => {
    expect(DEFAULT_ALERT_NOISE_POLICY).toEqual({
      transientMinutes: 5,
      flapCount: 3,
      flapWindowHours: 24,
    });
  });
});

describe('alertNoise', () => {
  it('returns one list per alert, in order, and nothing for no alerts', () => {
    expect(alertNoise([])).toEqual([]);
    const result = alertNoise([
      alert({ runbookUrl: 'https://rb/1', acknowledgedBy: ['user:a'] }),
      alert({ monitor: 'Other' }),
    ]);
    expect(result).toHaveLength(2);
    expect(result[0]).toEqual([]);
    expect(flagsOf(result[1])).toEqual(['no-runbook', 'never-acknowledged']);
  });

  it('orders the flags transient, flapping, no-runbook, never-acknowledged', () => {
    const alerts = [0, 1, 2].map(h =>
      alert({
        status: 'resolved',
        resolvedBy: 'source',
        startsAt: atHour(h),
        endsAt: at(h * 60 + 2),
      }),
    );
    const [first] = alertNoise(alerts);
    expect(flagsOf(first)).toEqual([
      'transient',
      'flapping',
      'no-runbook',
      'never-acknowledged',
    ]);
  });

  describe('transient', () => {
    it('flags an alert resolved by the source within N minutes, never acknowledged', () => {
      const [noise] = alertNoise([resolvedAfter(3)]);
      const transient = find(noise, 'transient');
      expect(transient).toBeDefined();
      expect(transient!.params).toEqual({ minutes: 3, limit: 5 });
      expect(transient!.explanation).toContain('3 min');
      expect(transient!.explanation).toContain('≤ 5 min');
    });

    it('flags an alert resolved after exactly N minutes', () => {
      const [noise] = alertNoise([resolvedAfter(5)]);
      expect(find(noise, 'transient')?.params).toEqual({
        minutes: 5,
        limit: 5,
      });
    });

    it('does not flag an alert resolved after N+1 minutes', () => {
      const [noise] = alertNoise([resolvedAfter(6)]);
      expect(flagsOf(noise)).not.toContain('transient');
    });

    it('compares the exact duration, not the rounded one', () => {
      // 5 min 20 s rounds to 5 but is over the limit.
      const [over] = alertNoise([resolvedAfter(5 + 20 / 60)]);
      expect(flagsOf(over)).not.toContain('transient');
      // 4 min 40 s is within it and reported as 5 min.
      const [within] = alertNoise([resolvedAfter(4 + 40 / 60)]);
      expect(find(within, 'transient')?.params.minutes).toBe(5);
      // 2 min 36 s reports as 3 min.
      const [short] = alertNoise([resolvedAfter(2.6)]);
      expect(find(short, 'transient')?.params.minutes).toBe(3);
    });

    it('reports 0 minutes when the end is before the start', () => {
      const [noise] = alertNoise([resolvedAfter(-2)]);
      expect(find(noise, 'transient')?.params.minutes).toBe(0);
      expect(find(noise, 'transient')?.explanation).toContain('after 0 min');
    });

    it('does not flag an acknowledged alert', () => {
      const [noise] = alertNoise([
        resolvedAfter(3, { acknowledgedBy: ['user:default/ann'] }),
      ]);
      expect(flagsOf(noise)).not.toContain('transient');
    });

    it('does not flag an alert a person resolved', () => {
      const [noise] = alertNoise([resolvedAfter(3, { resolvedBy: 'person' })]);
      expect(flagsOf(noise)).not.toContain('transient');
      // It is still never acknowledged.
      expect(flagsOf(noise)).toContain('never-acknowledged');
    });

    it('does not flag an alert that is still firing', () => {
      const [noEnd] = alertNoise([alert({ status: 'firing' })]);
      expect(flagsOf(noEnd)).not.toContain('transient');
      const [withEnd] = alertNoise([
        alert({ status: 'firing', endsAt: at(1) }),
      ]);
      expect(flagsOf(withEnd)).not.toContain('transient');
    });

    it('does not flag a resolved alert without an end time', () => {
      const [noise] = alertNoise([
        alert({ status: 'resolved', resolvedBy: 'source' }),
      ]);
      expect(flagsOf(noise)).not.toContain('transient');
    });
  });

  describe('flapping', () => {
    it('flags each of K firings of the same monitor within W hours', () => {
      const alerts = [0, 1, 2].map(h => alert({ startsAt: atHour(h) }));
      const result = alertNoise(alerts);
      for (const noise of result) {
        const flapping = find(noise, 'flapping');
        expect(flapping?.params).toEqual({
          count: 3,
          hours: 24,
          monitor: 'HighLatency',
        });
        expect(flapping?.explanation).toBe(
          'HighLatency fired 3 times within 24 h.',
        );
      }
    });

    it('counts firings from history that are not in the flagged list', () => {
      const history = [0, 1, 2].map(h => alert({ startsAt: atHour(h) }));
      const [last] = alertNoise([history[2]], { history });
      expect(find(last, 'flapping')?.params.count).toBe(3);
      // Without the history the lone firing does not flap.
      const [alone] = alertNoise([history[2]]);
      expect(flagsOf(alone)).not.toContain('flapping');
    });

    it('flags the first firing when later ones in history fall in its window', () => {
      const history = [0, 5, 10].map(h => alert({ startsAt: atHour(h) }));
      const [first] = alertNoise([history[0]], { history });
      expect(find(first, 'flapping')?.params.count).toBe(3);
    });

    it('does not flag K−1 firings', () => {
      const alerts = [0, 1].map(h => alert({ startsAt: atHour(h) }));
      for (const noise of alertNoise(alerts)) {
        expect(flagsOf(noise)).not.toContain('flapping');
      }
    });

    it('keeps the same monitor name of another source separate', () => {
      const alerts = [
        alert({ source: 'alertmanager', startsAt: atHour(0) }),
        alert({ source: 'alertmanager', startsAt: atHour(1) }),
        alert({ source: 'mackerel', startsAt: atHour(2) }),
      ];
      for (const noise of alertNoise(alerts)) {
        expect(flagsOf(noise)).not.toContain('flapping');
      }
    });

    it('keeps other monitors of the same source separate', () => {
      const alerts = [
        alert({ monitor: 'A', startsAt: atHour(0) }),
        alert({ monitor: 'A', startsAt: atHour(1) }),
        alert({ monitor: 'B', startsAt: atHour(2) }),
      ];
      for (const noise of alertNoise(alerts)) {
        expect(flagsOf(noise)).not.toContain('flapping');
      }
    });

    it('does not flag firings spread wider than W hours', () => {
      // Three firings within 26 h, but no 24 h window holds all three.
      const alerts = [0, 13, 26].map(h => alert({ startsAt: atHour(h) }));
      for (const noise of alertNoise(alerts)) {
        expect(flagsOf(noise)).not.toContain('flapping');
      }
    });

    it('counts a firing exactly W hours later as within the window', () => {
      const alerts = [0, 12, 24].map(h => alert({ startsAt: atHour(h) }));
      for (const noise of alertNoise(alerts)) {
        expect(find(noise, 'flapping')?.params.count).toBe(3);
      }
    });

    it('uses the windows holding this firing, so a late straggler is not flagged', () => {
      const alerts = [0, 20, 23, 50].map(h => alert({ startsAt: atHour(h) }));
      const result = alertNoise(alerts);
      // The first of the three within 24 h is flagged too.
      expect(find(result[0], 'flapping')?.params.count).toBe(3);
      expect(find(result[1], 'flapping')?.params.count).toBe(3);
      expect(find(result[2], 'flapping')?.params.count).toBe(3);
      // 50 h is more than 24 h after 23 h: alone in its window.
      expect(flagsOf(result[3])).not.toContain('flapping');
    });

    it('reports the largest count of a window holding the firing', () => {
      const alerts = [0, 1, 2, 3].map(h => alert({ startsAt: atHour(h) }));
      for (const noise of alertNoise(alerts)) {
        expect(find(noise, 'flapping')?.params.count).toBe(4);
        expect(find(noise, 'flapping')?.explanation).toContain('4 times');
      }
    });

    it('does not depend on the order of the history', () => {
      const history = [10, 0, 5].map(h => alert({ startsAt: atHour(h) }));
      const result = alertNoise(history, { history });
      for (const noise of result) {
        expect(find(noise, 'flapping')?.params.count).toBe(3);
      }
    });
  });

  describe('no-runbook', () => {
    it('flags an alert without a runbook when the entity has none', () => {
      const [noise] = alertNoise([alert()]);
      expect(find(noise, 'no-runbook')).toEqual({
        flag: 'no-runbook',
        params: {},
        explanation:
          'Neither the alert (runbook_url) nor the service has a runbook.',
      });
      const [explicit] = alertNoise([alert()], { hasRunbook: false });
      expect(flagsOf(explicit)).toContain('no-runbook');
    });

    it('is suppressed by the alert’s runbookUrl', () => {
      const [noise] = alertNoise([alert({ runbookUrl: 'https://rb/x' })]);
      expect(flagsOf(noise)).not.toContain('no-runbook');
    });

    it('is suppressed by hasRunbook', () => {
      const [noise] = alertNoise([alert()], { hasRunbook: true });
      expect(flagsOf(noise)).not.toContain('no-runbook');
    });
  });

  describe('never-acknowledged', () => {
    it('flags an alert no one acknowledged', () => {
      const [noise] = alertNoise([alert()]);
      expect(find(noise, 'never-acknowledged')).toEqual({
        flag: 'never-acknowledged',
        params: {},
        explanation: 'No one acknowledged it.',
      });
    });

    it('does not flag an acknowledged alert', () => {
      const [noise] = alertNoise([alert({ acknowledgedBy: ['user:x'] })]);
      expect(flagsOf(noise)).not.toContain('never-acknowledged');
    });
  });

  describe('a custom policy', () => {
    const policy: AlertNoisePolicy = {
      transientMinutes: 10,
      flapCount: 2,
      flapWindowHours: 1,
    };

    it('uses its transient limit', () => {
      const [eight] = alertNoise([resolvedAfter(8)], { policy });
      const transient = find(eight, 'transient');
      expect(transient?.params).toEqual({ minutes: 8, limit: 10 });
      expect(transient?.explanation).toContain('8 min');
      expect(transient?.explanation).toContain('≤ 10 min');
      const [ten] = alertNoise([resolvedAfter(10)], { policy });
      expect(flagsOf(ten)).toContain('transient');
      const [eleven] = alertNoise([resolvedAfter(11)], { policy });
      expect(flagsOf(eleven)).not.toContain('transient');
      // The default would not call 8 minutes transient.
      const [byDefault] = alertNoise([resolvedAfter(8)]);
      expect(flagsOf(byDefault)).not.toContain('transient');
    });

    it('uses its flap count and window', () => {
      const close = [0, 30].map(m => alert({ monitor: 'Q', startsAt: at(m) }));
      for (const noise of alertNoise(close, { policy })) {
        const flapping = find(noise, 'flapping');
        expect(flapping?.params).toEqual({ count: 2, hours: 1, monitor: 'Q' });
        expect(flapping?.explanation).toBe('Q fired 2 times within 1 h.');
      }
      // The default needs three firings.
      for (const noise of alertNoise(close)) {
        expect(flagsOf(noise)).not.toContain('flapping');
      }
      const apart = [0, 61].map(m => alert({ monitor: 'Q', startsAt: at(m) }));
      for (const noise of alertNoise(apart, { policy })) {
        expect(flagsOf(noise)).not.toContain('flapping');
      }
      const edge = [0, 60].map(m => alert({ monitor: 'Q', startsAt: at(m) }));
      for (const noise of alertNoise(edge, { policy })) {
        expect(flagsOf(noise)).toContain('flapping');
      }
    });
  });
});

describe('isCryingWolf', () => {
  it('is true for a transient or flapping flag only', () => {
    expect(isCryingWolf([])).toBe(false);
    expect(
      isCryingWolf([noiseOf('no-runbook'), noiseOf('never-acknowledged')]),
    ).toBe(false);
    expect(isCryingWolf([noiseOf('transient')])).toBe(true);
    expect(isCryingWolf([noiseOf('no-runbook'), noiseOf('flapping')])).toBe(
      true,
    );
  });
});

describe('summariseAlerts', () => {
  it('gives nulls and no responders for no alerts', () => {
    expect(summariseAlerts([])).toEqual({
      count: 0,
      noisy: 0,
      mttaSeconds: null,
      mttrSeconds: null,
      cryWolfScore: null,
      responders: [],
    });
  });

  it('counts only transient or flapping alerts as noisy', () => {
    const summary = summariseAlerts([
      alert({ noise: [noiseOf('transient'), noiseOf('never-acknowledged')] }),
      alert({ noise: [noiseOf('flapping')] }),
      alert({ noise: [noiseOf('no-runbook'), noiseOf('never-acknowledged')] }),
      alert({ noise: [] }),
    ]);
    expect(summary.count).toBe(4);
    expect(summary.noisy).toBe(2);
    expect(summary.cryWolfScore).toBe(0.5);
  });

  it('gives a cry-wolf score of 0 when nothing is noisy', () => {
    const summary = summariseAlerts([
      alert({ noise: [noiseOf('no-runbook')] }),
    ]);
    expect(summary.cryWolfScore).toBe(0);
  });

  it('computes MTTA from acknowledgedAt and MTTR from resolved alerts only', () => {
    const summary = summariseAlerts([
      // TTA 120 s, TTR 600 s.
      alert({
        startsAt: at(0),
        acknowledgedAt: at(2),
        acknowledgedBy: ['user:a'],
        status: 'resolved',
        endsAt: at(10),
      }),
      // TTA 240 s, TTR 1800 s.
      alert({
        startsAt: at(0),
        acknowledgedAt: at(4),
        acknowledgedBy: ['user:a'],
        status: 'resolved',
        endsAt: at(30),
      }),
      // Acknowledged before it started (ignored); still firing though it has an end.
      alert({
        startsAt: at(60),
        acknowledgedAt: at(50),
        acknowledgedBy: ['user:a'],
        status: 'firing',
        endsAt: at(160),
      }),
      // Resolved before it started: ignored.
      alert({ startsAt: at(0), status: 'resolved', endsAt: at(-5) }),
      // Resolved without an end, acknowledged without a time: ignored.
      alert({ status: 'resolved', acknowledgedBy: ['user:a'] }),
    ]);
    expect(summary.mttaSeconds).toBe(180);
    expect(summary.mttrSeconds).toBe(1200);
  });

  it('gives null MTTA and MTTR when nothing was acknowledged or resolved', () => {
    const summary = summariseAlerts([
      alert({ status: 'firing' }),
      alert({ acknowledgedBy: ['user:a'] }),
    ]);
    expect(summary.mttaSeconds).toBeNull();
    expect(summary.mttrSeconds).toBeNull();
  });

  it('sorts responders by count, then name, with shares summing to 1', () => {
    const summary = summariseAlerts([
      alert({ acknowledgedBy: ['user:dan', 'user:cat'] }),
      alert({ acknowledgedBy: ['user:ann', 'user:bob'] }),
      alert({ acknowledgedBy: ['user:bob', 'user:cat'] }),
      alert({ acknowledgedBy: ['user:bob'] }),
      alert({ acknowledgedBy: [] }),
    ]);
    expect(summary.responders.map(r => [r.userRef, r.count])).toEqual([
      ['user:bob', 3],
      ['user:cat', 2],
      ['user:ann', 1],
      ['user:dan', 1],
    ]);
    const shares = summary.responders.map(r => r.share);
    expect(shares[0]).toBeCloseTo(3 / 7);
    expect(shares[1]).toBeCloseTo(2 / 7);
    expect(shares[2]).toBeCloseTo(1 / 7);
    expect(shares[3]).toBeCloseTo(1 / 7);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

describe('rankMonitorNoise', () => {
  it('returns nothing for no alerts', () => {
    expect(rankMonitorNoise([])).toEqual([]);
  });

  it('orders by cry-wolf score, then firings, then monitor name', () => {
    const noisy = [noiseOf('transient')];
    const quiet = [noiseOf('never-acknowledged')];
    const alerts = [
      alert({ monitor: 'Disk', noise: noisy }),
      alert({ monitor: 'Errors', source: 'sentry', noise: quiet }),
      alert({ monitor: 'Latency', noise: noisy }),
      alert({ monitor: 'Apdex', source: 'sentry', noise: quiet }),
      alert({ monitor: 'Latency', noise: quiet }),
      alert({ monitor: 'CPU', noise: [noiseOf('flapping')] }),
      alert({ monitor: 'Disk', noise: quiet }),
      alert({ monitor: 'Latency', noise: [noiseOf('flapping')] }),
      alert({ monitor: 'Errors', source: 'sentry', noise: [] }),
      alert({ monitor: 'Apdex', source: 'sentry', noise: noisy }),
      alert({ monitor: 'Latency', noise: [noiseOf('no-runbook')] }),
    ];
    const ranked = rankMonitorNoise(alerts);
    expect(
      ranked.map(m => [m.monitor, m.firings, m.noisy, m.cryWolfScore]),
    ).toEqual([
      ['CPU', 1, 1, 1],
      ['Latency', 4, 2, 0.5],
      ['Apdex', 2, 1, 0.5],
      ['Disk', 2, 1, 0.5],
      ['Errors', 2, 0, 0],
    ]);
    expect(ranked.find(m => m.monitor === 'Apdex')?.source).toBe('sentry');
  });

  it('keeps the same monitor name of different sources apart', () => {
    const ranked = rankMonitorNoise([
      alert({ source: 'alertmanager', monitor: 'CPU' }),
      alert({ source: 'mackerel', monitor: 'CPU' }),
      alert({ source: 'alertmanager', monitor: 'CPU' }),
    ]);
    expect(ranked.map(m => [m.source, m.firings])).toEqual([
      ['alertmanager', 2],
      ['mackerel', 1],
    ]);
  });

  it('merges and sorts entity refs, counts acknowledgements and times', () => {
    const [row] = rankMonitorNoise([
      alert({
        entityRefs: ['component:default/web', 'component:default/api'],
        acknowledgedBy: ['user:a'],
        startsAt: at(0),
        acknowledgedAt: at(1),
        status: 'resolved',
        endsAt: at(20),
      }),
      alert({
        entityRefs: ['component:default/api'],
        acknowledgedBy: ['user:a', 'user:b'],
        startsAt: at(0),
        acknowledgedAt: at(3),
      }),
      alert({ entityRefs: ['component:default/worker'] }),
      alert({ entityRefs: [] }),
    ]);
    expect(row.entityRefs).toEqual([
      'component:default/api',
      'component:default/web',
      'component:default/worker',
    ]);
    expect(row.firings).toBe(4);
    expect(row.acknowledged).toBe(2);
    expect(row.mttaSeconds).toBe(120);
    expect(row.mttrSeconds).toBe(1200);
    expect(row.noisy).toBe(0);
    expect(row.cryWolfScore).toBe(0);
  });
});

describe('alertNoise with summariseAlerts', () => {
  it('scores only transient and flapping firings as crying wolf', () => {
    const alerts = [
      // Transient.
      resolvedAfter(2, { monitor: 'A' }),
      // Lasted an hour, never acknowledged, no runbook: not crying wolf.
      resolvedAfter(60, { monitor: 'B' }),
      // Acknowledged, with a runbook.
      alert({
        monitor: 'C',
        acknowledgedBy: ['user:a'],
        runbookUrl: 'https://rb/c',
      }),
      // Flapping with the next two.
      alert({ monitor: 'D', startsAt: atHour(0) }),
      alert({ monitor: 'D', startsAt: atHour(1) }),
      alert({ monitor: 'D', startsAt: atHour(2) }),
    ];
    const noise = alertNoise(alerts);
    const summary = summariseAlerts(
      alerts.map((a, i) => ({ ...a, noise: noise[i] })),
    );
    expect(summary.count).toBe(6);
    expect(summary.noisy).toBe(4);
    expect(summary.cryWolfScore).toBeCloseTo(4 / 6);
  });
});
