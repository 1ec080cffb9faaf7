import {
  groupAlertsByMonitor,
  type AlertGroup,
  type AlertItem,
} from '@baton/plugin-sre-common';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { useState } from 'react';
import { WholeWordTable } from '../components/WholeWordTable';
import { useSreText } from '../language';
import { AlertTableHead, NoiseChips, SeverityChip } from './AlertCells';
import { AcknowledgeActions, AlertDetails } from './AlertDetails';
import { groupNoise } from './alertText';

const COLUMNS = ['started', 'alert', 'severity', 'status'] as const;

const useStyles = makeStyles(theme => ({
  table: {
    // Narrow cells, so that the row fits a half-width card.
    '& th, & td': { padding: theme.spacing(0.75, 1) },
    '& tr.details > td': { borderBottom: 0 },
  },
  // The title cell takes the room the others leave, and no more.
  titleCell: { width: '100%', maxWidth: 0 },
  title: { fontWeight: 500 },
}));

/** The title on one line, cut with an ellipsis; the whole of it in a tooltip. */
function Title({ text }: { text: string }) {
  const classes = useStyles();
  return (
    <Tooltip title={text}>
      <Typography variant="body2" noWrap className={classes.title}>
        {text}
      </Typography>
    </Tooltip>
  );
}

/** Under the title: the monitor when it says more than the title, how often and when it fired, and whether it fired before the range. */
function GroupCaption({ group }: { group: AlertGroup<AlertItem> }) {
  const { t, format } = useSreText();
  const { latest } = group;
  const lines: string[] = [];
  if (group.name !== latest.title) lines.push(group.name);
  if (group.alerts.length > 1) {
    lines.push(
      group.until
        ? t('alerts.table.firingsSpan', {
            firings: format.number(group.alerts.length),
            from: format.date(group.from),
            until: format.date(group.until),
          })
        : t('alerts.table.firingsSince', {
            firings: format.number(group.alerts.length),
            from: format.date(group.from),
          }),
    );
  }
  const before = group.alerts.find(alert => alert.firingSinceBeforeRange);
  return (
    <>
      {lines.map(line => (
        <Typography
          key={line}
          variant="caption"
          color="textSecondary"
          component="div"
        >
          {line}
        </Typography>
      ))}
      {before && (
        <Typography variant="caption" color="error" component="div">
          {t('alerts.table.firingSinceBefore', {
            date: format.date(before.startsAt),
          })}
        </Typography>
      )}
    </>
  );
}

/** One monitor's row: its newest firing, and the rest when expanded. */
function GroupRow(props: {
  group: AlertGroup<AlertItem>;
  actions: AcknowledgeActions;
}) {
  const { t, format } = useSreText();
  const classes = useStyles();
  const { group } = props;
  const { latest } = group;
  const [open, setOpen] = useState(false);
  return (
    <>
      <TableRow>
        <TableCell padding="none">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={t(
              open ? 'alerts.table.collapse' : 'alerts.table.expand',
              { title: latest.title },
            )}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>{format.dateTime(latest.startsAt)}</TableCell>
        <TableCell className={classes.titleCell}>
          <Title text={latest.title} />
          <GroupCaption group={group} />
          <NoiseChips noise={groupNoise(group.alerts)} />
        </TableCell>
        <TableCell>
          <SeverityChip severity={group.severity} />
        </TableCell>
        <TableCell>{t(`alerts.status.${group.status}`)}</TableCell>
      </TableRow>
      <TableRow className="details">
        <TableCell
          colSpan={COLUMNS.length + 1}
          style={{ paddingTop: 0, paddingBottom: 0 }}
        >
          <Collapse in={open} unmountOnExit>
            <AlertDetails group={group} actions={props.actions} />
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}

/**
 * The loaded alerts, one row per monitor (a flapping alarm is one row with
 * its count), newest first: time, title, severity, status and noise fit a
 * half-width card; the source, durations, responders, runbook and the
 * acknowledge and undo buttons are in the row's details.
 */
export function AlertTable(
  props: { alerts: AlertItem[] } & AcknowledgeActions,
) {
  const { t } = useSreText();
  const classes = useStyles();
  const { alerts, ...actions } = props;
  return (
    <WholeWordTable
      size="small"
      aria-label={t('alerts.table.label')}
      className={classes.table}
    >
      <AlertTableHead columns={COLUMNS} leading />
      <TableBody>
        {groupAlertsByMonitor(alerts).map(group => (
          <GroupRow key={group.key} group={group} actions={actions} />
        ))}
      </TableBody>
    </WholeWordTable>
  );
}
