import type { AlertItem } from '@baton/plugin-sre-common';
import { alertsPerDay } from './alertTimeline';

const alert = (startsAt: string, severity: AlertItem['severity']) =>
  ({ startsAt, severity } as AlertItem);

describe('alertsPerDay', () => {
  it('counts alerts per UTC day and severity, empty days included', () => {
    const days = alertsPerDay(
      [
        alert('2026-11-11T23:59:00.000Z', 'critical'),
        alert('2026-11-13T00:00:00.000Z', 'warning'),
        alert('2026-11-13T10:00:00.000Z', 'warning'),
        alert('2026-11-13T11:00:00.000Z', 'info'),
        alert('2026-11-01T00:00:00.000Z', 'critical'),
      ],
      '2026-11-11T12:00:00.000Z',
      '2026-11-13T12:00:00.000Z',
    );
    expect(days).toEqual([
      { day: '2026-11-11', critical: 1, warning: 0, info: 0, unknown: 0 },
      { day: '2026-11-12', critical: 0, warning: 0, info: 0, unknown: 0 },
      { day: '2026-11-13', critical: 0, warning: 2, info: 1, unknown: 0 },
    ]);
  });

  it('draws at most a year of days', () => {
    expect(
      alertsPerDay([], '2020-01-01T00:00:00.000Z', '2026-11-13T00:00:00.000Z'),
    ).toHaveLength(366);
  });
});
