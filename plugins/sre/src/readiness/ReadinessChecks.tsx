import type { ReadinessCheck } from '@baton/plugin-sre-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Error from '@material-ui/icons/Error';
import HelpOutline from '@material-ui/icons/HelpOutline';

const ICONS = {
  pass: <CheckCircle style={{ color: '#2e7d32' }} titleAccess="pass" />,
  fail: <Error style={{ color: '#c62828' }} titleAccess="fail" />,
  unknown: <HelpOutline color="disabled" titleAccess="unknown" />,
};

/** The checks of a readiness report: failures first, then unknowns, then passes. */
export function ReadinessChecks({ checks }: { checks: ReadinessCheck[] }) {
  const order = { fail: 0, unknown: 1, pass: 2 };
  const sorted = [...checks].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <List dense aria-label="readiness checks">
      {sorted.map(check => (
        <ListItem key={check.id} alignItems="flex-start">
          <ListItemIcon>{ICONS[check.status]}</ListItemIcon>
          <ListItemText
            primary={`${check.title}${check.critical ? ' (critical)' : ''}`}
            secondary={
              <>
                <Typography component="span" variant="body2" display="block">
                  {check.reason}
                </Typography>
                {check.status !== 'pass' && (
                  <Typography
                    component="span"
                    variant="caption"
                    display="block"
                  >
                    Fix: {check.fix}
                  </Typography>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
