import { sloStatus, type SloSummary } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { Formats, useSreText } from '../language';
import { SreTranslate } from '../translation';
import {
  formatBudgetShare,
  formatBurnRate,
  formatObjective,
  formatSli,
  formatWindow,
} from './sloFormat';
import { sloStatusExplanation } from './SloStatusChip';
import { WholeWordTable } from '../components/WholeWordTable';

const QUERY_COLUMNS = ['role', 'source', 'query'] as const;
const RULE_COLUMNS = [
  'rule',
  'threshold',
  'longWindow',
  'shortWindow',
  'firing',
] as const;

/** The query's spec as written, one `key: value` per line. */
function querySpecText(spec: Record<string, unknown>): string {
  return Object.entries(spec)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    )
    .join('\n');
}

function rate(
  t: SreTranslate,
  format: Formats,
  window: string,
  value: number | null,
): string {
  return value === null
    ? t('slo.why.noRate', { window })
    : `${window} ${formatBurnRate(format, value)}`;
}

/** A small table under its title: the headings, then the rows given as children. */
function TitledTable(props: {
  title: string;
  label: string;
  headings: string[];
  children: ReactNode;
}) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">{props.title}</Typography>
      <WholeWordTable size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            {props.headings.map(heading => (
              <TableCell key={heading}>{heading}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{props.children}</TableBody>
      </WholeWordTable>
    </Box>
  );
}

/** Everything behind an SLO's numbers: counts, queries, alert rules, maintenance. */
export function SloWhy({ slo }: { slo: SloSummary }) {
  const { t, format } = useSreText();
  const { counts, errorBudget } = slo;
  const unit = t(`slo.units.${slo.budgetingMethod}`);
  const status = sloStatus(slo);
  return (
    <Box>
      <Typography variant="subtitle2">{t('slo.why.title')}</Typography>
      <Typography variant="body2" paragraph>
        {t('slo.why.status', {
          status: t(`slo.status.${status.status}.label`),
          explanation: sloStatusExplanation(t, format, status),
        })}
      </Typography>
      {slo.description && (
        <Typography variant="body2" paragraph>
          {slo.description}
        </Typography>
      )}
      <Typography variant="body2">
        {t('slo.why.definedIn', { name: slo.name, file: slo.file })}
      </Typography>
      {slo.budgetingMethod === 'Timeslices' &&
        slo.timeSliceWindow &&
        slo.timeSliceTarget !== undefined && (
          <Typography variant="body2">
            {t('slo.why.timeSlices', {
              slice: slo.timeSliceWindow,
              target: formatObjective(format, slo.timeSliceTarget),
            })}
          </Typography>
        )}
      <Typography variant="body2">
        {slo.windowStart && slo.windowEnd
          ? t('slo.why.counts', {
              window: formatWindow(t, slo),
              start: format.dateTime(slo.windowStart),
              end: format.dateTime(slo.windowEnd),
              good: format.number(counts.good),
              bad: format.number(counts.bad),
              total: format.number(counts.total),
              unit,
            })
          : t('slo.why.noCounts')}
      </Typography>
      {slo.sli !== null && (
        <Typography variant="body2">
          {t('slo.why.sli', {
            sli: formatSli(format, slo.sli, slo.objective),
            objective: formatObjective(format, slo.objective),
          })}
        </Typography>
      )}
      {errorBudget.allowedBadEvents !== null &&
        errorBudget.consumed !== null && (
          <Typography variant="body2">
            {t('slo.why.budget', {
              allowed: format.number(errorBudget.allowedBadEvents),
              bad: format.number(counts.bad),
              consumed: formatBudgetShare(format, errorBudget.consumed),
              unit,
            })}
          </Typography>
        )}
      <Typography variant="body2">
        {t('slo.why.step', { step: format.duration(slo.stepSeconds) })}
      </Typography>

      <TitledTable
        title={t('slo.why.queriesTitle')}
        label={t('slo.why.queriesLabel')}
        headings={QUERY_COLUMNS.map(column =>
          t(`slo.why.queryColumns.${column}`),
        )}
      >
        {slo.queries.map(query => (
          <TableRow key={query.role}>
            <TableCell>{t(`slo.why.roles.${query.role}`)}</TableCell>
            <TableCell>
              {query.type}
              {query.sourceRef ? ` (${query.sourceRef})` : ''}
            </TableCell>
            <TableCell>
              <Box
                component="pre"
                m={0}
                fontSize="0.75rem"
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              >
                <code>{querySpecText(query.spec)}</code>
              </Box>
            </TableCell>
          </TableRow>
        ))}
      </TitledTable>

      <TitledTable
        title={t('slo.why.rulesTitle')}
        label={t('slo.why.rulesLabel')}
        headings={RULE_COLUMNS.map(column =>
          t(`slo.why.ruleColumns.${column}`),
        )}
      >
        {slo.alertRules.map(rule => (
          <TableRow key={`${rule.longWindow}/${rule.shortWindow}`}>
            <TableCell>
              {t('slo.why.rule', {
                severity: t(`slo.why.severity.${rule.severity}`),
                long: rule.longWindow,
                short: rule.shortWindow,
              })}
            </TableCell>
            <TableCell>
              {formatBurnRate(format, rule.threshold, true)}
            </TableCell>
            <TableCell>
              {rate(t, format, rule.longWindow, rule.longBurnRate)}
            </TableCell>
            <TableCell>
              {rate(t, format, rule.shortWindow, rule.shortBurnRate)}
            </TableCell>
            <TableCell>
              {rule.firing ? t('slo.why.firing') : t('slo.why.notFiring')}
            </TableCell>
          </TableRow>
        ))}
      </TitledTable>

      <Box mt={2}>
        <Typography variant="subtitle2">
          {t('slo.why.maintenanceTitle')}
        </Typography>
        {slo.maintenance.length === 0 ? (
          <Typography variant="body2">{t('slo.why.noMaintenance')}</Typography>
        ) : (
          <Box component="ul" mt={0} pl={3}>
            {slo.maintenance.map(interval => (
              <Typography
                component="li"
                variant="body2"
                key={`${interval.start}/${interval.end}`}
              >
                {`${format.dateTime(interval.start)} – ${format.dateTime(
                  interval.end,
                )}`}
              </Typography>
            ))}
          </Box>
        )}
      </Box>

      <Box mt={2}>
        <Typography variant="caption" color="textSecondary">
          {slo.lastEvaluatedAt
            ? t('slo.why.lastEvaluated', {
                at: format.dateTime(slo.lastEvaluatedAt),
              })
            : t('slo.why.neverEvaluated')}
        </Typography>
      </Box>
    </Box>
  );
}
