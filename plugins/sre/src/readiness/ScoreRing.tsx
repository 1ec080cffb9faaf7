import type { ReadinessLevel } from '@baton/plugin-sre-common';
import { useTheme } from '@material-ui/core/styles';
import { useSreText } from '../language';
import { LEVEL_COLORS } from './LevelChip';

const SIZE = 96;
const STROKE = 9;
const RADIUS = (SIZE - STROKE) / 2;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The readiness score as a ring in the level's colour, the percentage inside
 * it: drawn at a fixed size and the text sized to the ring, so that it stays
 * inside whatever the card's width (Backstage's Gauge writes 45 px text over
 * a ring that shrinks with its box).
 */
export function ScoreRing(props: { score: number; level: ReadinessLevel }) {
  const { t, format } = useSreText();
  const theme = useTheme();
  const fraction = Math.max(0, Math.min(100, props.score)) / 100;
  const percent = format.percent(fraction);
  return (
    <svg
      width={SIZE}
      height={SIZE}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`${t('readiness.card.scoreLabel')}: ${percent}`}
      style={{ flexShrink: 0 }}
    >
      <circle
        cx={SIZE / 2}
        cy={SIZE / 2}
        r={RADIUS}
        fill="none"
        stroke={theme.palette.divider}
        strokeWidth={STROKE}
      />
      <circle
        cx={SIZE / 2}
        cy={SIZE / 2}
        r={RADIUS}
        fill="none"
        stroke={LEVEL_COLORS[props.level]}
        strokeWidth={STROKE}
        strokeDasharray={`${CIRCUMFERENCE * fraction} ${CIRCUMFERENCE}`}
        transform={`rotate(-90 ${SIZE / 2} ${SIZE / 2})`}
      />
      {/* "100%" at 22 px is about 56 px wide: inside the ring's 78 px hole. */}
      <text
        x="50%"
        y="50%"
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={22}
        fontWeight={700}
        fill={theme.palette.text.primary}
        fontFamily={theme.typography.fontFamily}
      >
        {percent}
      </text>
    </svg>
  );
}
