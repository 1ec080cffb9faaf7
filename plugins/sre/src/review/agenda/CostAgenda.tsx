import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  isPreviousPeriodPartial,
  type Money,
  type ReviewCostSection,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { CostChange } from '../../cost/CostChange';
import { formatChange, formatMoney, lastDay } from '../../cost/costFormat';
import { WholeWordTable } from '../../components/WholeWordTable';
import { Formats, useSreText } from '../../language';
import { AgendaNote, AgendaSection } from './AgendaSection';

const money = (format: Formats, value: Money | null) =>
  value ? formatMoney(format, value.amount, value.currency) : '—';

function CostFigure(props: { label: string; children: ReactNode }) {
  return (
    <Box mr={4} mb={1} role="group" aria-label={props.label}>
      <Typography variant="caption" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="h6" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

/** The team's total, its change and its share of unallocated spend. */
function CostFigures({ section }: { section: ReviewCostSection }) {
  const { t, format } = useSreText();
  return (
    <Box display="flex" flexWrap="wrap">
      <CostFigure label={t('review.agenda.cost.total')}>
        {money(format, section.total)}
      </CostFigure>
      {section.total && (
        <CostFigure label={t('review.agenda.cost.change')}>
          <CostChange
            change={section.change}
            amount={section.changeAmount?.amount}
            currency={section.total.currency}
            noSpendBefore={t('cost.figures.noSpendBefore')}
          />
          {section.coverage && isPreviousPeriodPartial(section.coverage) && (
            <Typography variant="caption" color="textSecondary" component="div">
              {t('cost.figures.partialPrevious', {
                days: format.number(section.coverage.previousDays),
                total: format.number(section.coverage.periodDays),
              })}
            </Typography>
          )}
        </CostFigure>
      )}
      <CostFigure label={t('review.agenda.cost.unallocated')}>
        {money(format, section.unallocatedShare)}
      </CostFigure>
    </Box>
  );
}

const MOVER_COLUMNS = ['service', 'total', 'previous', 'change'] as const;

/** The services whose spend moved the most, either way. */
function CostMovers({ section }: { section: ReviewCostSection }) {
  const { t, format } = useSreText();
  if (!section.movers.length) {
    return <AgendaNote>{t('review.agenda.cost.noMovers')}</AgendaNote>;
  }
  return (
    <WholeWordTable
      size="small"
      aria-label={t('review.agenda.cost.moversLabel')}
    >
      <TableHead>
        <TableRow>
          {MOVER_COLUMNS.map(column => (
            <TableCell
              key={column}
              align={column === 'service' ? 'left' : 'right'}
            >
              {t(`review.agenda.cost.columns.${column}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {section.movers.map(mover => (
          <TableRow key={mover.entityRef}>
            <TableCell>
              <EntityRefLink entityRef={mover.entityRef}>
                {mover.title}
              </EntityRefLink>
            </TableCell>
            <TableCell align="right">{money(format, mover.total)}</TableCell>
            <TableCell align="right">
              {money(format, mover.previousTotal)}
            </TableCell>
            <TableCell align="right">
              <CostChange
                variant="text"
                change={mover.change}
                amount={mover.changeAmount.amount}
                currency={mover.changeAmount.currency}
                noSpendBefore={t('cost.drivers.newSpend')}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordTable>
  );
}

/** Days on which a service spent far more than it usually does. */
function CostAnomalies({ section }: { section: ReviewCostSection }) {
  const { t, format } = useSreText();
  if (!section.anomalies.length) {
    return <AgendaNote>{t('review.agenda.cost.noAnomalies')}</AgendaNote>;
  }
  return (
    <ul aria-label={t('review.agenda.cost.anomaliesTitle')}>
      {section.anomalies.map(anomaly => (
        <li key={`${anomaly.entityRef}/${anomaly.date}`}>
          <Typography variant="body2">
            {t('review.agenda.cost.anomaly', {
              service: anomaly.title,
              amount: money(format, anomaly.amount),
              date: format.date(anomaly.date),
              expected: money(format, anomaly.expected),
              rule: t(`review.agenda.cost.rules.${anomaly.rule}`),
            })}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/** Spend since the agenda's start vs the period of the same length before, with movers and anomalies. */
export function CostAgenda(props: {
  section: ReviewCostSection;
  since: string;
}) {
  const { t, format } = useSreText();
  const { section } = props;
  const total = money(format, section.total);
  return (
    <AgendaSection
      id="review-cost"
      title={t('review.agenda.cost.title')}
      summary={
        section.change === null
          ? t('review.agenda.cost.summary', { total })
          : t('review.agenda.cost.summaryChange', {
              total,
              change: formatChange(format, section.change),
            })
      }
      unavailable={section.unavailable}
      empty={
        !section.total &&
        !section.movers.length &&
        !section.anomalies.length &&
        t('review.agenda.cost.empty', { date: format.date(props.since) })
      }
    >
      <Typography variant="caption" color="textSecondary" component="p">
        {t('review.agenda.cost.range', {
          from: format.date(section.from),
          to: format.date(lastDay(section.to)),
        })}
      </Typography>
      <CostFigures section={section} />
      <Typography variant="subtitle2">
        {t('review.agenda.cost.moversTitle')}
      </Typography>
      <CostMovers section={section} />
      <Box mt={2}>
        <Typography variant="subtitle2">
          {t('review.agenda.cost.anomaliesTitle')}
        </Typography>
        <CostAnomalies section={section} />
      </Box>
    </AgendaSection>
  );
}
