import type { SloHistoryPoint } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useSreText } from '../language';
import { formatBudgetShare, SLO_COLORS } from './sloFormat';

/** Size before the container is measured; also what tests render at. */
const INITIAL_SIZE = { width: 480, height: 180 };

/** The error budget left over the window so far, from `history`; 0% is where it runs out. */
export function SloBurnDownChart({ history }: { history: SloHistoryPoint[] }) {
  const { t, format } = useSreText();
  const data = history.map(point => ({
    time: Date.parse(point.timestamp),
    budget: point.budgetRemaining === null ? null : point.budgetRemaining * 100,
  }));
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">{t('slo.chart.title')}</Typography>
      {data.every(point => point.budget === null) ? (
        <Typography variant="body2" color="textSecondary">
          {t('slo.chart.empty')}
        </Typography>
      ) : (
        <Box
          aria-label={t('slo.chart.label')}
          role="img"
          height={INITIAL_SIZE.height}
        >
          <ResponsiveContainer
            width="100%"
            height={INITIAL_SIZE.height}
            initialDimension={INITIAL_SIZE}
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
              <ReferenceLine
                y={0}
                stroke={SLO_COLORS.bad}
                strokeDasharray="4 4"
              />
              <Line
                type="monotone"
                dataKey="budget"
                stroke={SLO_COLORS.good}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Box>
  );
}
