import type { CostReport } from '@baton/plugin-sre-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceDot,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../components/ChartFrame';
import { useSreText } from '../language';
import {
  anomalyText,
  COST_COLORS,
  formatMoney,
  formatMoneyCompact,
  formatPeriodPoint,
} from './costFormat';

/** A red dot on an anomalous day; its title says which rule it broke. */
function AnomalyMarker(props: { cx?: number; cy?: number; title: string }) {
  return (
    <g>
      <title>{props.title}</title>
      <circle
        cx={props.cx}
        cy={props.cy}
        r={5}
        fill={COST_COLORS.anomaly}
        stroke="#fff"
        strokeWidth={1.5}
      />
    </g>
  );
}

/**
 * The series as bars, estimated points lighter with a dashed outline, and
 * per day a marker on each anomaly.
 */
export function CostChart({ report }: { report: CostReport }) {
  const { t, format } = useSreText();
  const daily = report.granularity === 'day';
  const money = (amount: number) =>
    formatMoney(format, amount, report.currency);
  const estimated = new Set(
    report.series.filter(point => point.estimated).map(point => point.date),
  );
  // Anomalies are days: a month's bar has no single day to mark.
  const anomalies = daily ? report.anomalies : [];
  return (
    <ChartFrame
      title={daily ? t('cost.chart.titleDay') : t('cost.chart.titleMonth')}
      label={t('cost.chart.label')}
      caption={daily ? t('cost.chart.legend') : t('cost.chart.legendMonth')}
    >
      <BarChart data={report.series} margin={{ top: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(date: string) =>
            daily ? format.shortDate(date) : format.month(date)
          }
          minTickGap={8}
        />
        <YAxis
          width={64}
          tickFormatter={(amount: number) =>
            formatMoneyCompact(format, amount, report.currency)
          }
        />
        <Tooltip
          labelFormatter={(date: string) => formatPeriodPoint(format, date)}
          formatter={(amount: number, _name, item) => [
            estimated.has(item.payload.date)
              ? t('cost.chart.estimatedAmount', { amount: money(amount) })
              : money(amount),
            t('cost.chart.spend'),
          ]}
        />
        <Bar
          dataKey="amount"
          name={t('cost.chart.spend')}
          isAnimationActive={false}
        >
          {report.series.map(point => (
            <Cell
              key={point.date}
              fill={COST_COLORS.spend}
              fillOpacity={point.estimated ? 0.35 : 1}
              stroke={point.estimated ? COST_COLORS.spend : undefined}
              strokeDasharray={point.estimated ? '3 2' : undefined}
            />
          ))}
        </Bar>
        {anomalies.map(anomaly => (
          <ReferenceDot
            key={anomaly.date}
            x={anomaly.date}
            y={anomaly.amount}
            ifOverflow="extendDomain"
            shape={(dot: { cx?: number; cy?: number }) => (
              <AnomalyMarker
                cx={dot.cx}
                cy={dot.cy}
                title={anomalyText(t, format, anomaly, report.currency)}
              />
            )}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
