import type { ReadinessTrendPoint } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Line, LineChart, YAxis } from 'recharts';
import { Formats, useSreText } from '../language';

/** The score change over the stored history, e.g. "+12"; null before two days of data. */
export function trendDelta(trend: ReadinessTrendPoint[]): number | null {
  return trend.length < 2
    ? null
    : trend[trend.length - 1].score - trend[0].score;
}

/** A score change with its sign, e.g. "+12" or "+0"; "—" without one. */
export function formatDelta(format: Formats, delta: number | null): string {
  if (delta === null) return '—';
  // The minus comes with the number; a plus (or zero) is added.
  return `${delta >= 0 ? '+' : ''}${format.number(delta)}`;
}

/** The readiness score over the last days, as a sparkline with its change. */
export function ReadinessTrend({ trend }: { trend: ReadinessTrendPoint[] }) {
  const { t, format } = useSreText();
  const delta = trendDelta(trend);
  if (delta === null) {
    return (
      <Typography variant="caption" color="textSecondary">
        {t('readiness.trend.notYet')}
      </Typography>
    );
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      aria-label={t('readiness.trend.label')}
    >
      <LineChart width={140} height={36} data={trend}>
        <YAxis hide domain={[0, 100]} />
        <Line
          type="monotone"
          dataKey="score"
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </LineChart>
      <Typography variant="caption" style={{ marginLeft: 8 }}>
        {t('readiness.trend.change', {
          first: format.number(trend[0].score),
          last: format.number(trend[trend.length - 1].score),
          delta: formatDelta(format, delta),
          day: format.date(trend[0].day),
        })}
      </Typography>
    </Box>
  );
}
