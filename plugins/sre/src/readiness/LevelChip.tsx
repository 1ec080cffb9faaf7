import type { ReadinessLevel } from '@baton/plugin-sre-common';
import Chip from '@material-ui/core/Chip';
import { LEVEL_LABELS } from './levels';

const COLORS: Record<ReadinessLevel, string> = {
  ready: '#2e7d32',
  'at-risk': '#ed6c02',
  'single-point-of-failure': '#c62828',
};

/** A readiness level as a coloured chip. */
export function LevelChip({ level }: { level: ReadinessLevel }) {
  return (
    <Chip
      size="small"
      label={LEVEL_LABELS[level]}
      style={{ backgroundColor: COLORS[level], color: '#fff' }}
    />
  );
}
