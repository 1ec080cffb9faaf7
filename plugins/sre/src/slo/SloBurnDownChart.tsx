import type { SloHistoryPoint } from '@baton/plugin-sre-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../components/ChartFrame';
import { useSreText } from '../language';
import { formatBudgetShare, SLO_COLORS } from './sloFormat';

/** The error budget left over the window so far, from `history`; 0% is where it runs out. */
export function SloBurnDownChart({ history }: { history: SloHistoryPoint[] }) {
  const { t, format } = useSreText();
  const data = history.map(point => ({
    time: Date.parse(point.timestamp),
    budget: point.budgetRemaining === null ? null : point.budgetRemaining * 100,
  }));
  return (
    <ChartFrame
      title={t('slo.chart.title')}
      label={t('slo.chart.label')}
      empty={
        data.every(point => point.budget === null)
          ? t('slo.chart.empty')
          : undefined
      }
    >
      <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={time => format.shortDate(time)}
        />
        <YAxis
          domain={[(min: number) => Math.min(0, Math.floor(min)), 100]}
          tickFormatter={value => format.percent(value / 100)}
          width={48}
        />
        <Tooltip
          labelFormatter={time => format.dateTime(time)}
          formatter={(value: number) => [
            formatBudgetShare(format, value / 100),
            t('slo.chart.budgetLeft'),
          ]}
        />
        <ReferenceLine y={0} stroke={SLO_COLORS.bad} strokeDasharray="4 4" />
        <Line
          type="monotone"
          dataKey="budget"
          stroke={SLO_COLORS.good}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
