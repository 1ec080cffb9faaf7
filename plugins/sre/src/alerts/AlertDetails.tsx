import {
  isHttpUrl,
  type AlertGroup,
  type AlertItem,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import {
  ACKNOWLEDGE_AFTER_RESOLUTION_MINUTES,
  acknowledgeClosed,
  UNDO_MINUTES,
} from './acknowledgeWindow';
import { alertDuration, responderName, sourceText } from './alertText';
import { AlertTableHead } from './AlertCells';
import { RunbookLink } from './RunbookLink';

/** What a row can do with its alert's acknowledgement, and what it is doing. */
export interface AcknowledgeActions {
  /** Alerts with a request on its way. */
  busy: ReadonlySet<string>;
  /** Alerts the signed-in user acknowledged here and can still take back. */
  undoable: ReadonlySet<string>;
  onAcknowledge(alert: AlertItem): void;
  onUndo(alert: AlertItem): void;
}

/** A button's label stays on one line. */
const ONE_LINE = { whiteSpace: 'nowrap' } as const;

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
      style={ONE_LINE}
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

/** Who acknowledged, by name; right after the signed-in user did, a way to take it back. */
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
  const names = format.list(
    alert.acknowledgedBy.map(ref => responderName(alert, ref)),
  );
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
          style={ONE_LINE}
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

/** One labelled fact of the details. */
function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box mr={3} mb={1} minWidth={0}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

const FIRING_COLUMNS = ['started', 'status', 'duration', 'responders'] as const;

/** The firings of a monitor that fired more than once, newest first. */
function Firings(props: {
  group: AlertGroup<AlertItem>;
  actions: AcknowledgeActions;
}) {
  const { t, format } = useSreText();
  const { group, actions } = props;
  return (
    <WholeWordTable
      size="small"
      aria-label={t('alerts.table.firingsLabel', { title: group.latest.title })}
    >
      <AlertTableHead columns={FIRING_COLUMNS} />
      <TableBody>
        {group.alerts.map(alert => (
          <TableRow key={alert.id}>
            <TableCell>{format.dateTime(alert.startsAt)}</TableCell>
            <TableCell>{t(`alerts.status.${alert.status}`)}</TableCell>
            <TableCell>{alertDuration(t, format, alert)}</TableCell>
            <TableCell>
              <Responders alert={alert} actions={actions} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordTable>
  );
}

/**
 * What a row shows when expanded: where the alert comes from, its runbook
 * and links, and how long it lasted and who acknowledged it; for a monitor
 * that fired more than once, each firing with its own.
 */
export function AlertDetails(props: {
  group: AlertGroup<AlertItem>;
  actions: AcknowledgeActions;
}) {
  const { t, format } = useSreText();
  const { group, actions } = props;
  const { latest } = group;
  const single = group.alerts.length === 1;
  const links = latest.links.filter(link => isHttpUrl(link.url));
  return (
    <Box
      role="region"
      aria-label={t('alerts.table.details', { title: latest.title })}
      py={1}
    >
      <Box display="flex" flexWrap="wrap">
        <Fact label={t('alerts.table.columns.source')}>
          {sourceText(t, group.source)}
        </Fact>
        <Fact label={t('alerts.table.monitor')}>{group.name}</Fact>
        {single && (
          <>
            <Fact label={t('alerts.table.columns.duration')}>
              {alertDuration(t, format, latest)}
            </Fact>
            <Fact label={t('alerts.table.columns.responders')}>
              <Responders alert={latest} actions={actions} />
            </Fact>
          </>
        )}
        {(latest.runbookUrl || links.length > 0) && (
          <Fact label={t('alerts.table.links')}>
            <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
              <RunbookLink url={latest.runbookUrl} />
              {links.map(link => (
                <Link
                  key={link.url}
                  variant="caption"
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {/* A bare URL would not wrap: its host stands for it. */}
                  {link.title ?? new URL(link.url).host}
                </Link>
              ))}
            </Box>
          </Fact>
        )}
      </Box>
      {!single && <Firings group={group} actions={actions} />}
    </Box>
  );
}
