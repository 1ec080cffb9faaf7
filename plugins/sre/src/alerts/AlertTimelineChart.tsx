import type { AlertItem } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useSreText } from '../language';
import { ALERT_SEVERITIES, SEVERITY_COLORS } from './alertText';
import { alertsPerDay } from './alertTimeline';

/** Size before the container is measured; also what tests render at. */
const INITIAL_SIZE = { width: 480, height: 180 };

/** Alerts per day over the range, stacked by severity. */
export function AlertTimelineChart(props: {
  alerts: AlertItem[];
  from: string;
  to: string;
}) {
  const { t, format } = useSreText();
  const data = alertsPerDay(props.alerts, props.from, props.to);
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">{t('alerts.chart.title')}</Typography>
      <Box
        aria-label={t('alerts.chart.label')}
        role="img"
        height={INITIAL_SIZE.height}
      >
        <ResponsiveContainer
          width="100%"
          height={INITIAL_SIZE.height}
          initialDimension={INITIAL_SIZE}
        >
          <BarChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={day => format.shortDate(day)}
              minTickGap={8}
            />
            <YAxis
              allowDecimals={false}
              width={32}
              tickFormatter={value => format.number(value)}
            />
            <Tooltip
              labelFormatter={day => format.date(day)}
              formatter={(value: number) => format.number(value)}
            />
            <Legend />
            {ALERT_SEVERITIES.map(severity => (
              <Bar
                key={severity}
                dataKey={severity}
                name={t(`alerts.severity.${severity}`)}
                stackId="severity"
                fill={SEVERITY_COLORS[severity]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
}
