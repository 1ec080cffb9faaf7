import type { TeamReport } from '@baton/plugin-sre-common';
import type { SreTranslate } from '../../translation';
import { uncoveredTexts } from '../readinessText';

const cell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The services table of a team report as CSV, with the simulated columns when
 * people are away. Headers and gaps are in the user's language; levels and
 * check ids stay ids, so that a spreadsheet can filter on them.
 */
export function teamReportCsv(report: TeamReport, t: SreTranslate): string {
  const simulated = report.absent.length > 0 || report.days > 0;
  const header: string[] = [
    t('team.csv.service'),
    t('team.csv.level'),
    t('team.csv.score'),
    t('team.csv.truckFactor'),
    t('team.csv.checksFailed'),
    t('team.csv.checksUnknown'),
  ];
  if (simulated)
    header.push(
      t('team.csv.levelDuring'),
      t('team.csv.truckFactorDuring'),
      t('team.csv.uncovered'),
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
        service.during && uncoveredTexts(t, service.during).join(' '),
      );
    }
    return row.map(cell).join(',');
  });
  return `${[header.map(cell).join(','), ...rows].join('\n')}\n`;
}
