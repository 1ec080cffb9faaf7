import type { ApplyDurationTrend } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../components/ChartFrame';
import { Formats, useSreText } from '../language';
import type { SreTranslate } from '../translation';

/** The trend under the chart: rising or not by how much, or too few applies to tell. */
export function applyTrendText(
  t: SreTranslate,
  format: Formats,
  trend: ApplyDurationTrend,
): string {
  if (
    trend.risePercent === null ||
    trend.earlierMedianSeconds === null ||
    trend.laterMedianSeconds === null
  ) {
    return t('changes.team.apply.tooFew');
  }
  const params = {
    earlier: format.duration(trend.earlierMedianSeconds),
    later: format.duration(trend.laterMedianSeconds),
    percent: format.number(trend.risePercent),
  };
  return trend.rising
    ? t('changes.team.apply.rising', params)
    : t('changes.team.apply.steady', params);
}

/** Each apply's time of one Terraform workspace over the window, with the trend. */
export function ApplyDurationChart({ trend }: { trend: ApplyDurationTrend }) {
  const { t, format } = useSreText();
  const data = trend.applies.map(apply => ({
    at: Date.parse(apply.startedAt),
    minutes: apply.applySeconds / 60,
  }));
  return (
    <Box>
      {trend.rising && (
        <Chip
          size="small"
          label={t('changes.team.apply.risingChip')}
          style={{ backgroundColor: '#ed6c02', color: '#fff' }}
        />
      )}
      <ChartFrame
        title={t('changes.team.apply.chartTitle', {
          workspace: trend.workspace,
        })}
        label={t('changes.team.apply.chartLabel', {
          workspace: trend.workspace,
        })}
        caption={applyTrendText(t, format, trend)}
      >
        <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={at => format.shortDate(at)}
            minTickGap={8}
          />
          <YAxis
            // Wide enough for "20 min" on one line; narrower, the number is cut off.
            width={64}
            tickFormatter={minutes => format.duration(minutes * 60)}
          />
          <Tooltip
            labelFormatter={at => format.dateTime(at)}
            formatter={(minutes: number) => format.duration(minutes * 60)}
          />
          <Line
            type="monotone"
            dataKey="minutes"
            name={t('changes.team.apply.seconds')}
            stroke="#1f5493"
            dot
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
    </Box>
  );
}
