import type { AlertNoise, AlertSeverity } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import { noiseExplanation, noiseLabel, SEVERITY_COLORS } from './alertText';

/** Noise flags as chips, each explaining itself in a tooltip; they wrap between chips. */
export function NoiseChips({ noise }: { noise: AlertNoise[] }) {
  const { t } = useSreText();
  return (
    <Box display="flex" flexWrap="wrap">
      {noise.map(flag => (
        <Tooltip key={flag.flag} title={noiseExplanation(t, flag)}>
          <Chip
            size="small"
            variant="outlined"
            label={noiseLabel(t, flag)}
            style={{ margin: '0 4px 4px 0' }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}

/**
 * The severity as a coloured chip. A source that sends none (CloudWatch
 * alarms have no severity) gets no chip that would look like a judgement:
 * "Not set", with how to set it.
 */
export function SeverityChip({ severity }: { severity: AlertSeverity }) {
  const { t } = useSreText();
  if (severity === 'unknown') {
    return (
      <Tooltip title={t('alerts.table.severityNotSet')}>
        <Typography variant="body2" color="textSecondary" component="span">
          {t('alerts.severity.unknown')}
        </Typography>
      </Tooltip>
    );
  }
  return (
    <Chip
      size="small"
      label={t(`alerts.severity.${severity}`)}
      style={{ backgroundColor: SEVERITY_COLORS[severity], color: '#fff' }}
    />
  );
}

/** The alert columns a table can have. */
export type AlertColumn =
  | 'started'
  | 'alert'
  | 'source'
  | 'severity'
  | 'status'
  | 'duration'
  | 'responders'
  | 'noise';

/** An alert table's header: its columns' names, after an unnamed one for the row's buttons when `leading`. */
export function AlertTableHead(props: {
  columns: readonly AlertColumn[];
  leading?: boolean;
}) {
  const { t } = useSreText();
  return (
    <TableHead>
      <TableRow>
        {props.leading && <TableCell padding="none" />}
        {props.columns.map(column => (
          <TableCell key={column}>
            {t(`alerts.table.columns.${column}`)}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
