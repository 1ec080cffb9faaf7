import type { TeamReport } from '@baton/plugin-sre-common';

const cell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The services table of a team report as CSV, with the simulated columns when people are away. */
export function teamReportCsv(report: TeamReport): string {
  const simulated = report.absent.length > 0 || report.days > 0;
  const header = [
    'service',
    'level',
    'score',
    'truck_factor',
    'checks_failed',
    'checks_unknown',
  ];
  if (simulated)
    header.push(
      'level_during_absence',
      'truck_factor_during_absence',
      'uncovered',
    );
  const rows = report.services.map(service => {
    const row: Array<string | number | null | undefined> = [
      service.entityRef,
      service.readiness.level,
      service.readiness.score,
      service.readiness.truckFactor,
      service.readiness.checks
        .filter(c => c.status === 'fail')
        .map(c => c.id)
        .join(' '),
      service.readiness.checks
        .filter(c => c.status === 'unknown')
        .map(c => c.id)
        .join(' '),
    ];
    if (simulated) {
      row.push(
        service.during?.level,
        service.during?.truckFactor,
        service.during?.uncovered.join(' '),
      );
    }
    return row.map(cell).join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}
