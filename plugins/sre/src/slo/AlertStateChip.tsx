import type { SloAlertState } from '@baton/plugin-sre-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { useSreText } from '../language';
import { SLO_COLORS } from './sloFormat';

const COLORS: Record<SloAlertState, string> = {
  page: SLO_COLORS.bad,
  ticket: SLO_COLORS.warning,
  ok: SLO_COLORS.good,
  unknown: SLO_COLORS.unknown,
};

/** The multiwindow burn-rate alert state as a coloured chip. */
export function AlertStateChip({ state }: { state: SloAlertState }) {
  const { t } = useSreText();
  return (
    <Tooltip title={t(`slo.alertState.${state}.explanation`)}>
      <Chip
        size="small"
        label={t(`slo.alertState.${state}.label`)}
        style={{ backgroundColor: COLORS[state], color: '#fff' }}
      />
    </Tooltip>
  );
}
