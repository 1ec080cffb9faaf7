import type { ReadinessLevel } from '@baton/plugin-sre-common';
import Chip from '@material-ui/core/Chip';
import { useSreText } from '../language';

/** The colour of each level, on its chip and its score ring. */
export const LEVEL_COLORS: Record<ReadinessLevel, string> = {
  ready: '#2e7d32',
  'at-risk': '#ed6c02',
  'single-point-of-failure': '#c62828',
};

/** A readiness level as a coloured chip. */
export function LevelChip({ level }: { level: ReadinessLevel }) {
  const { t } = useSreText();
  return (
    <Chip
      size="small"
      label={t(`readiness.levels.${level}`)}
      style={{ backgroundColor: LEVEL_COLORS[level], color: '#fff' }}
    />
  );
}
