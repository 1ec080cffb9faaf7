import {
  groupAlertsByMonitor,
  isFiringSinceBefore,
  monitorKey,
  monitorName,
  type AlertGroupFacts,
} from './monitors';
import { alertNoise } from './noise';

const ARN =
  'arn:aws:cloudwatch:ap-northeast-1:123456789012:alarm:order-batch-lag';
const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

let seq = 0;
function firing(overrides: Partial<AlertGroupFacts> = {}): AlertGroupFacts {
  seq += 1;
  return {
    id: String(seq),
    source: 'cloudwatch',
    monitor: ARN,
    severity: 'unknown',
    status: 'firing',
    startsAt: at(0),
    ...overrides,
  };
}
const resolved = (start: number, end: number, overrides = {}) =>
  firing({
    status: 'resolved',
    startsAt: at(start),
    endsAt: at(end),
    ...overrides,
  });

describe('monitorName', () => {
  it('names a CloudWatch alarm by its name, whatever its partition', () => {
    expect(monitorName(ARN)).toBe('order-batch-lag');
    expect(
      monitorName(
        'arn:aws-us-gov:cloudwatch:us-gov-west-1:123456789012:alarm:lag:high',
      ),
    ).toBe('lag:high');
  });

  it('leaves every other monitor as sent', () => {
    expect(monitorName('CheckoutErrorBudgetBurn')).toBe(
      'CheckoutErrorBudgetBurn',
    );
    expect(monitorName('arn:aws:sns:us-east-1:123456789012:topic')).toBe(
      'arn:aws:sns:us-east-1:123456789012:topic',
    );
  });

  it('is the name the flapping rule explains itself with', () => {
    const alerts = [0, 1, 2].map(h => ({
      ...resolved(h, h + 0.05),
      resolvedBy: 'source' as const,
      acknowledgedBy: [],
    }));
    const [flags] = alertNoise(alerts, { hasRunbook: true });
    const flapping = flags.find(n => n.flag === 'flapping')!;
    expect(flapping.params.monitor).toBe('order-batch-lag');
    expect(flapping.explanation).toBe(
      'order-batch-lag fired 3 times within 24 h.',
    );
    expect(flapping.explanation).not.toContain('arn:');
  });
});

describe('monitorKey', () => {
  it('tells monitors of the same name from different sources apart', () => {
    expect(monitorKey({ source: 'alertmanager', monitor: 'Disk' })).not.toBe(
      monitorKey({ source: 'mackerel', monitor: 'Disk' }),
    );
    expect(monitorKey({ source: 'mackerel', monitor: 'Disk' })).toBe(
      monitorKey({ source: 'mackerel', monitor: 'Disk' }),
    );
  });
});

describe('isFiringSinceBefore', () => {
  it('holds for an alert that fires still and started before the start', () => {
    expect(isFiringSinceBefore(firing({ startsAt: at(-1) }), at(0))).toBe(true);
    expect(isFiringSinceBefore(firing({ startsAt: at(0) }), at(0))).toBe(false);
    expect(isFiringSinceBefore(resolved(-5, 1), at(0))).toBe(false);
    expect(
      isFiringSinceBefore(firing({ startsAt: at(-1) }), new Date(at(0))),
    ).toBe(true);
  });
});

describe('groupAlertsByMonitor', () => {
  it('puts every firing of one alarm in one group with its count, span and newest firing', () => {
    const lag = [
      resolved(40, 40.1),
      resolved(30, 30.2),
      resolved(10, 10.05),
      resolved(20, 20.3),
    ];
    const burn = firing({
      source: 'alertmanager',
      monitor: 'CheckoutErrorBudgetBurn',
      severity: 'critical',
      startsAt: at(35),
    });
    const groups = groupAlertsByMonitor([lag[0], burn, ...lag.slice(1)]);

    expect(groups.map(g => [g.name, g.alerts.length])).toEqual([
      ['order-batch-lag', 4],
      ['CheckoutErrorBudgetBurn', 1],
    ]);
    const [alarm, burning] = groups;
    expect(alarm).toMatchObject({
      key: monitorKey(lag[0]),
      source: 'cloudwatch',
      monitor: ARN,
      status: 'resolved',
      severity: 'unknown',
      from: at(10),
      until: at(40.1),
    });
    expect(alarm.latest).toBe(lag[0]);
    expect(alarm.alerts.map(a => a.startsAt)).toEqual([
      at(40),
      at(30),
      at(20),
      at(10),
    ]);
    expect(burning).toMatchObject({ status: 'firing', severity: 'critical' });
    expect(burning.until).toBeUndefined();
  });

  it('fires while any firing fires, with the worst severity of those that fire', () => {
    const [group] = groupAlertsByMonitor([
      resolved(9, 9.5, {
        source: 'alertmanager',
        monitor: 'Disk',
        severity: 'info',
      }),
      firing({
        source: 'alertmanager',
        monitor: 'Disk',
        severity: 'warning',
        startsAt: at(5),
      }),
      firing({
        source: 'alertmanager',
        monitor: 'Disk',
        severity: 'critical',
        startsAt: at(1),
      }),
    ]);
    expect(group.status).toBe('firing');
    expect(group.severity).toBe('critical');
    expect(group.latest.severity).toBe('info');
    expect(group.until).toBeUndefined();
  });

  it('keeps monitors of another source apart and returns nothing for nothing', () => {
    const groups = groupAlertsByMonitor([
      firing({ source: 'alertmanager', monitor: 'Disk' }),
      firing({ source: 'mackerel', monitor: 'Disk' }),
    ]);
    expect(groups.map(g => g.source)).toEqual(['alertmanager', 'mackerel']);
    expect(groupAlertsByMonitor([])).toEqual([]);
  });
});
