import {
  formulaSafeCsv,
  type CsvValue,
  type TeamReport,
} from '@baton/plugin-sre-common';
import type { SreTranslate } from '../../translation';
import { uncoveredTexts } from '../readinessText';

/**
 * The services table of a team report as CSV, with the simulated columns when
 * people are away. Headers and gaps are in the user's language; levels and
 * check ids stay ids, so that a spreadsheet can filter on them. Cells are
 * formula-safe: service names and gaps come from the catalog and from people.
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
    const row: CsvValue[] = [
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
    return row;
  });
  return formulaSafeCsv([header, ...rows]);
}
