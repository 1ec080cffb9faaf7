import type { AccessDecision } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { useSreText } from '../language';

const DECISIONS: AccessDecision[] = ['keep', 'revoke', 'transfer'];

/** Keep, Revoke and Transfer, in a group named for what they decide. */
export function DecisionButtons(props: {
  label: string;
  disabled?: boolean;
  onDecide(decision: AccessDecision): void;
}) {
  const { t } = useSreText();
  return (
    <Box
      role="group"
      aria-label={props.label}
      display="flex"
      flexWrap="nowrap"
      style={{ gap: 4 }}
    >
      {DECISIONS.map(decision => (
        <Button
          key={decision}
          size="small"
          variant="outlined"
          color={decision === 'revoke' ? 'secondary' : 'primary'}
          disabled={props.disabled}
          onClick={() => props.onDecide(decision)}
          // A button's label never wraps: the table scrolls instead.
          style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          {t(`access.decisions.${decision}`)}
        </Button>
      ))}
    </Box>
  );
}
