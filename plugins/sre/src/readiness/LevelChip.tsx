import type { ReadinessLevel } from '@baton/plugin-sre-common';
import Chip from '@material-ui/core/Chip';
import { useSreText } from '../language';

const COLORS: Record<ReadinessLevel, string> = {
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
      style={{ backgroundColor: COLORS[level], color: '#fff' }}
    />
  );
}
