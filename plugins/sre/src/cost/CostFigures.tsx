import type { CostReport } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { useSreText } from '../language';
import { CostChange } from './CostChange';
import { formatMoney, formatMonth, lastDay } from './costFormat';

function Figure(props: { label: string; help: string; children: ReactNode }) {
  return (
    <Box role="group" aria-label={props.label} mr={4} mb={1}>
      <Tooltip title={props.help}>
        <Typography variant="overline" color="textSecondary" component="div">
          {props.label}
        </Typography>
      </Tooltip>
      <Typography variant="h6" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

/** The total of the range, its change vs the previous period, the month-end forecast and whether any of it is estimated. */
export function CostFigures({ report }: { report: CostReport }) {
  const { t, format } = useSreText();
  const money = (amount: number) =>
    formatMoney(format, amount, report.currency);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      role="group"
      aria-label={t('cost.figures.label')}
      mb={1}
    >
      <Figure
        label={t('cost.figures.total')}
        help={t('cost.figures.totalHelp', {
          from: format.date(report.from),
          to: format.date(lastDay(report.to)),
        })}
      >
        {money(report.total.amount)}
      </Figure>
      <Figure
        label={t('cost.figures.change')}
        help={t('cost.figures.changeHelp', {
          from: format.date(report.previousFrom),
          to: format.date(lastDay(report.previousTo)),
          previous: money(report.previousTotal.amount),
        })}
      >
        <CostChange
          change={report.change}
          amount={report.changeAmount.amount}
          currency={report.currency}
          noSpendBefore={t('cost.figures.noSpendBefore')}
        />
      </Figure>
      {report.forecast && (
        <Figure
          label={t('cost.figures.forecast', {
            month: formatMonth(format, report.forecast.month),
          })}
          help={t('cost.figures.forecastHelp')}
        >
          {money(report.forecast.amount)}
        </Figure>
      )}
      {report.estimated && (
        <Box mb={1} alignSelf="center">
          <Tooltip title={t('cost.figures.estimatedHelp')}>
            <Chip
              size="small"
              variant="outlined"
              label={t('cost.figures.estimated')}
            />
          </Tooltip>
        </Box>
      )}
    </Box>
  );
}
