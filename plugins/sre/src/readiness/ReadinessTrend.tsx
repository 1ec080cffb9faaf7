import type { ReadinessTrendPoint } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Line, LineChart, YAxis } from 'recharts';

/** The score change over the stored history, e.g. "+12"; null before two days of data. */
export function trendDelta(trend: ReadinessTrendPoint[]): number | null {
  return trend.length < 2
    ? null
    : trend[trend.length - 1].score - trend[0].score;
}

/** The readiness score over the last days, as a sparkline with its change. */
export function ReadinessTrend({ trend }: { trend: ReadinessTrendPoint[] }) {
  const delta = trendDelta(trend);
  if (delta === null) {
    return (
      <Typography variant="caption" color="textSecondary">
        The trend appears after a second day of snapshots.
      </Typography>
    );
  }
  return (
    <Box display="flex" alignItems="center" aria-label="readiness trend">
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
        {trend[0].score} → {trend[trend.length - 1].score} (
        {delta >= 0 ? '+' : ''}
        {delta}) since {trend[0].day}
      </Typography>
    </Box>
  );
}
