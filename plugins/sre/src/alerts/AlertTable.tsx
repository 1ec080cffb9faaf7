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
  ACKNOWLEDGE_AFTER_RESOLUTION_MINUTES,
  acknowledgeClosed,
  UNDO_MINUTES,
} from './acknowledgeWindow';
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

/** What a row can do with its alert's acknowledgement, and what it is doing. */
interface AcknowledgeActions {
  /** Alerts with a request on its way. */
  busy: ReadonlySet<string>;
  /** Alerts the signed-in user acknowledged here and can still take back. */
  undoable: ReadonlySet<string>;
  onAcknowledge(alert: AlertItem): void;
  onUndo(alert: AlertItem): void;
}

/** Acknowledge, or why not: a resolved alert is closed to it after the backend's window. */
function AcknowledgeButton(props: {
  alert: AlertItem;
  busy: boolean;
  onAcknowledge(alert: AlertItem): void;
}) {
  const { t, format } = useSreText();
  const { alert } = props;
  const closed = acknowledgeClosed(alert, Date.now());
  const button = (
    <Button
      size="small"
      variant="outlined"
      color="primary"
      disabled={props.busy || closed}
      aria-label={t('alerts.table.acknowledgeLabel', { title: alert.title })}
      onClick={() => props.onAcknowledge(alert)}
    >
      {t('alerts.table.acknowledge')}
    </Button>
  );
  if (!closed) return button;
  // A disabled button gets no pointer events: the tooltip sits on a span.
  return (
    <Tooltip
      title={t('alerts.table.acknowledgeClosed', {
        minutes: format.number(ACKNOWLEDGE_AFTER_RESOLUTION_MINUTES),
      })}
    >
      <span>{button}</span>
    </Tooltip>
  );
}

/** Who acknowledged; right after the signed-in user did, a way to take it back. */
function Responders(props: { alert: AlertItem; actions: AcknowledgeActions }) {
  const { t, format } = useSreText();
  const { alert, actions } = props;
  if (!alert.acknowledgedBy.length) {
    return (
      <AcknowledgeButton
        alert={alert}
        busy={actions.busy.has(alert.id)}
        onAcknowledge={actions.onAcknowledge}
      />
    );
  }
  const names = format.list(alert.acknowledgedBy.map(userName));
  if (!actions.undoable.has(alert.id)) return <>{names}</>;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 4 }}>
      <span>{names}</span>
      <Tooltip
        title={t('alerts.table.undoHelp', {
          minutes: format.number(UNDO_MINUTES),
        })}
      >
        <Button
          size="small"
          color="primary"
          disabled={actions.busy.has(alert.id)}
          aria-label={t('alerts.table.undoLabel', { title: alert.title })}
          onClick={() => actions.onUndo(alert)}
        >
          {t('alerts.table.undo')}
        </Button>
      </Tooltip>
    </Box>
  );
}

function AlertRow(props: { alert: AlertItem; actions: AcknowledgeActions }) {
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
        <Responders alert={alert} actions={props.actions} />
      </TableCell>
      <TableCell>
        <NoiseChips alert={alert} />
      </TableCell>
    </TableRow>
  );
}

/**
 * The loaded alerts, newest first, one row each; unacknowledged ones can be
 * acknowledged here, and the signed-in user's own acknowledgement taken
 * back for a few minutes.
 */
export function AlertTable(
  props: { alerts: AlertItem[] } & AcknowledgeActions,
) {
  const { t } = useSreText();
  const { alerts, ...actions } = props;
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
          {alerts.map(alert => (
            <AlertRow key={alert.id} alert={alert} actions={actions} />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
