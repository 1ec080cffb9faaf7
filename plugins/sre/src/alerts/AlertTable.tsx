import type { AlertItem, AlertSeverity } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useSreText } from '../language';
import { RunbookLink } from './RunbookLink';
import {
  alertDuration,
  noiseExplanation,
  noiseLabel,
  SEVERITY_COLORS,
  sourceText,
  userName,
} from './alertText';

/** Short cells stay on one line; the title takes the room. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const COLUMNS = [
  'started',
  'alert',
  'source',
  'severity',
  'status',
  'duration',
  'responders',
  'noise',
] as const;

/** The alert's noise flags as chips, each explaining itself in a tooltip. */
export function NoiseChips({ alert }: { alert: Pick<AlertItem, 'noise'> }) {
  const { t } = useSreText();
  return (
    <Box display="flex" flexWrap="wrap">
      {alert.noise.map(noise => (
        <Tooltip key={noise.flag} title={noiseExplanation(t, noise)}>
          <Chip
            size="small"
            variant="outlined"
            label={noiseLabel(t, noise)}
            style={{ margin: '0 4px 4px 0' }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}

/** The severity as a coloured chip. */
export function SeverityChip({ severity }: { severity: AlertSeverity }) {
  const { t } = useSreText();
  return (
    <Chip
      size="small"
      label={t(`alerts.severity.${severity}`)}
      style={{ backgroundColor: SEVERITY_COLORS[severity], color: '#fff' }}
    />
  );
}

function AlertRow(props: {
  alert: AlertItem;
  acknowledging: boolean;
  onAcknowledge: (alert: AlertItem) => void;
}) {
  const { t, format } = useSreText();
  const { alert } = props;
  return (
    <TableRow>
      <TableCell style={NO_WRAP}>{format.dateTime(alert.startsAt)}</TableCell>
      <TableCell style={{ minWidth: 240 }}>
        <Typography variant="body2" style={{ fontWeight: 500 }}>
          {alert.title}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {alert.monitor}
        </Typography>
        <RunbookLink url={alert.runbookUrl} />
      </TableCell>
      <TableCell style={NO_WRAP}>{sourceText(t, alert.source)}</TableCell>
      <TableCell>
        <SeverityChip severity={alert.severity} />
      </TableCell>
      <TableCell style={NO_WRAP}>
        {t(`alerts.status.${alert.status}`)}
      </TableCell>
      <TableCell style={NO_WRAP}>{alertDuration(t, format, alert)}</TableCell>
      <TableCell>
        {alert.acknowledgedBy.length ? (
          format.list(alert.acknowledgedBy.map(userName))
        ) : (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={props.acknowledging}
            aria-label={t('alerts.table.acknowledgeLabel', {
              title: alert.title,
            })}
            onClick={() => props.onAcknowledge(alert)}
          >
            {t('alerts.table.acknowledge')}
          </Button>
        )}
      </TableCell>
      <TableCell>
        <NoiseChips alert={alert} />
      </TableCell>
    </TableRow>
  );
}

/** The loaded alerts, newest first, one row each; unacknowledged ones can be acknowledged here. */
export function AlertTable(props: {
  alerts: AlertItem[];
  acknowledging: ReadonlySet<string>;
  onAcknowledge: (alert: AlertItem) => void;
}) {
  const { t } = useSreText();
  return (
    <Box overflow="auto">
      {/* Wide enough to read on a half-width card; the box scrolls sideways. */}
      <Table
        size="small"
        aria-label={t('alerts.table.label')}
        style={{ minWidth: 900 }}
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column} style={NO_WRAP}>
                {t(`alerts.table.columns.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.alerts.map(alert => (
            <AlertRow
              key={alert.id}
              alert={alert}
              acknowledging={props.acknowledging.has(alert.id)}
              onAcknowledge={props.onAcknowledge}
            />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
