import {
  ANNOTATION_COST_TAGS,
  type CostReport,
  DEFAULT_COST_ANOMALY_POLICY,
  isPreviousPeriodPartial,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import {
  anomalyText,
  formatChange,
  formatMoney,
  formatMoneyChange,
  lastDay,
} from './costFormat';

/**
 * How each number of the card is made: the period and metric of the
 * total, the previous period, the forecast's arithmetic, the anomaly rule
 * with the anomalous days, the allocation rule and the sources.
 */
export function CostWhy(props: {
  report: CostReport;
  /** Whether the entity sets `baton.dev/cost-tags` (else the allocation is the default). */
  annotated: boolean;
}) {
  const { report, annotated } = props;
  const { t, format } = useSreText();
  const money = (amount: number) =>
    formatMoney(format, amount, report.currency);
  const { forecast } = report;
  const previousPeriod = {
    from: format.date(report.previousFrom),
    to: format.date(lastDay(report.previousTo)),
  };
  const forecastText = () => {
    if (!forecast) return t('cost.why.noForecast');
    const params = {
      month: format.month(forecast.month),
      actual: money(forecast.actual),
      dailyRate: money(forecast.dailyRate),
      remainingDays: format.number(forecast.remainingDays),
      amount: money(forecast.amount),
      basisDays: format.number(forecast.basisDays),
    };
    if (!forecast.excluded.length) return t('cost.why.forecast', params);
    return t('cost.why.forecastWithoutAnomalies', {
      ...params,
      window: format.number(forecast.basisDays + forecast.excluded.length),
      days: format.list(
        forecast.excluded.map(
          day => `${format.date(day.date)} (${money(day.amount)})`,
        ),
      ),
    });
  };
  const allocation = {
    allocation: report.allocation,
    annotation: ANNOTATION_COST_TAGS,
  };
  return (
    <Box>
      <Typography variant="body2" paragraph>
        {t('cost.why.total', {
          metric: t(`cost.why.metric.${report.metric}`),
          from: format.date(report.from),
          to: format.date(lastDay(report.to)),
          currency: report.currency,
        })}
      </Typography>
      <Typography variant="body2" paragraph>
        {report.change === null
          ? t('cost.why.changeNone', previousPeriod)
          : t('cost.why.change', {
              ...previousPeriod,
              previous: money(report.previousTotal.amount),
              total: money(report.total.amount),
              amount: formatMoneyChange(
                format,
                report.changeAmount.amount,
                report.currency,
              ),
              percent: formatChange(format, report.change),
            })}
        {isPreviousPeriodPartial(report.coverage) &&
          ` ${t('cost.why.changePartial', {
            days: format.number(report.coverage.previousDays),
            total: format.number(report.coverage.periodDays),
            dataFrom: report.coverage.dataFrom
              ? format.date(report.coverage.dataFrom)
              : '',
          })}`}
      </Typography>
      <Typography variant="body2" paragraph>
        {forecastText()}
      </Typography>
      <Typography variant="body2">
        {t('cost.why.anomalyRule', {
          days: format.number(DEFAULT_COST_ANOMALY_POLICY.trailingDays),
          sigma: format.number(DEFAULT_COST_ANOMALY_POLICY.sigma),
          minDays: format.number(DEFAULT_COST_ANOMALY_POLICY.minHistoryDays),
        })}
      </Typography>
      {report.anomalies.length ? (
        <Box
          component="ul"
          mt={0.5}
          pl={3}
          aria-label={t('cost.why.anomaliesTitle')}
        >
          {report.anomalies.map(anomaly => (
            <Typography component="li" variant="body2" key={anomaly.date}>
              {anomalyText(t, format, anomaly, report.currency)}
            </Typography>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('cost.why.noAnomalies')}
        </Typography>
      )}
      <Typography variant="body2" paragraph>
        {annotated
          ? t('cost.why.allocationAnnotation', allocation)
          : t('cost.why.allocationDefault', allocation)}
      </Typography>
      <Typography variant="body2" paragraph={report.estimated}>
        {t('cost.why.sources', { sources: format.list(report.sources) })}
      </Typography>
      {report.estimated && (
        <Typography variant="body2">{t('cost.why.estimated')}</Typography>
      )}
    </Box>
  );
}
