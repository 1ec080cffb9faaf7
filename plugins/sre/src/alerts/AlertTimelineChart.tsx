import type { AlertItem } from '@baton/plugin-sre-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../components/ChartFrame';
import { useSreText } from '../language';
import { ALERT_SEVERITIES, SEVERITY_COLORS } from './alertText';
import { alertsPerDay } from './alertTimeline';

/** Alerts per day over the range, stacked by severity. */
export function AlertTimelineChart(props: {
  alerts: AlertItem[];
  from: string;
  to: string;
}) {
  const { t, format } = useSreText();
  const data = alertsPerDay(props.alerts, props.from, props.to);
  return (
    <ChartFrame title={t('alerts.chart.title')} label={t('alerts.chart.label')}>
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
    </ChartFrame>
  );
}
