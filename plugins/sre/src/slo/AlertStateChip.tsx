import type { SloAlertState } from '@baton/plugin-sre-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { SLO_COLORS } from './sloFormat';

const TEXT: Record<SloAlertState, { label: string; explanation: string }> = {
  page: {
    label: 'Page',
    explanation:
      'A page rule fires: the budget burns fast over both of its windows.',
  },
  ticket: {
    label: 'Ticket',
    explanation:
      'A ticket rule fires: the budget burns steadily over both of its windows.',
  },
  ok: {
    label: 'OK',
    explanation: 'No alert rule fires.',
  },
  unknown: {
    label: 'No data',
    explanation:
      'Not enough traffic in the rule windows to tell whether an alert fires.',
  },
};

const COLORS: Record<SloAlertState, string> = {
  page: SLO_COLORS.bad,
  ticket: SLO_COLORS.warning,
  ok: SLO_COLORS.good,
  unknown: SLO_COLORS.unknown,
};

/** The multiwindow burn-rate alert state as a coloured chip. */
export function AlertStateChip({ state }: { state: SloAlertState }) {
  return (
    <Tooltip title={TEXT[state].explanation}>
      <Chip
        size="small"
        label={TEXT[state].label}
        style={{ backgroundColor: COLORS[state], color: '#fff' }}
      />
    </Tooltip>
  );
}
