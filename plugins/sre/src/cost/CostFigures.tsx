import {
  type CostReport,
  isPreviousPeriodPartial,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import { CostChange } from './CostChange';
import { formatMoney, lastDay } from './costFormat';
import { SummaryFigure as Figure } from '../components/SummaryFigure';

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
        {isPreviousPeriodPartial(report.coverage) && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="div"
            style={{ maxWidth: '16rem' }}
          >
            {t('cost.figures.partialPrevious', {
              days: format.number(report.coverage.previousDays),
              total: format.number(report.coverage.periodDays),
            })}
          </Typography>
        )}
      </Figure>
      {report.forecast && (
        <Figure
          label={t('cost.figures.forecast', {
            month: format.month(report.forecast.month),
          })}
          help={t('cost.figures.forecastHelp')}
        >
          {money(report.forecast.amount)}
        </Figure>
      )}
      <CurrencyTotals report={report} />
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

/**
 * With spend in several currencies: all of it converted into one total
 * when the backend has a rate table, else each currency's total side by side.
 */
function CurrencyTotals({ report }: { report: CostReport }) {
  const { t, format } = useSreText();
  const { totals, converted, missingRates } = report.allCurrencies;
  if (totals.length < 2) return null;
  if (converted) {
    const base = converted.total.currency;
    const rates = Object.entries(converted.rates)
      .filter(([currency]) => currency !== base)
      .map(([currency, rate]) =>
        t('cost.figures.rate', {
          currency,
          rate: format.number(rate, 6),
          base,
        }),
      );
    return (
      <Figure
        label={t('cost.figures.allCurrencies', { base })}
        help={t('cost.figures.allCurrenciesHelp', {
          rates: format.list(rates),
        })}
      >
        {formatMoney(format, converted.total.amount, base)}
      </Figure>
    );
  }
  return (
    <Figure
      label={t('cost.figures.eachCurrency')}
      help={t('cost.figures.eachCurrencyHelp')}
    >
      <Box display="flex" flexWrap="wrap">
        {totals.map(({ currency, total }) => (
          <Box component="span" key={currency} mr={2} whiteSpace="nowrap">
            {formatMoney(format, total.amount, currency)}
          </Box>
        ))}
      </Box>
      {missingRates.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="div">
          {t('cost.figures.missingRates', {
            currencies: format.list(missingRates),
          })}
        </Typography>
      )}
    </Figure>
  );
}
