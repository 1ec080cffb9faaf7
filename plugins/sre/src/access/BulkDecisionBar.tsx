import type { AccessDecision } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import { DecisionButtons } from './DecisionButtons';

/** One decision for the selected items, while some are selected. */
export function BulkDecisionBar(props: {
  count: number;
  onDecide(decision: AccessDecision): void;
  onClear(): void;
}) {
  const { t } = useSreText();
  if (!props.count) return null;
  return (
    <Box
      role="toolbar"
      aria-label={t('access.bulk.label')}
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      py={1}
      style={{ gap: 16 }}
    >
      <Typography variant="subtitle2">
        {t('access.bulk.selected', { count: props.count })}
      </Typography>
      <DecisionButtons
        label={t('access.bulk.label')}
        onDecide={props.onDecide}
      />
      <Button size="small" onClick={props.onClear}>
        {t('access.bulk.clear')}
      </Button>
    </Box>
  );
}
