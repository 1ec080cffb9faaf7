import type {
  ReadinessCheck,
  ReadinessCheckStatus,
} from '@baton/plugin-sre-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Error from '@material-ui/icons/Error';
import HelpOutline from '@material-ui/icons/HelpOutline';
import { useSreText } from '../language';
import { checkFix, checkTitle, reasonText } from './readinessText';

function StatusIcon({ status }: { status: ReadinessCheckStatus }) {
  const { t } = useSreText();
  const label = t(`readiness.status.${status}`);
  if (status === 'pass') {
    return <CheckCircle style={{ color: '#2e7d32' }} titleAccess={label} />;
  }
  if (status === 'fail') {
    return <Error style={{ color: '#c62828' }} titleAccess={label} />;
  }
  return <HelpOutline color="disabled" titleAccess={label} />;
}

/** The checks of a readiness report: failures first, then unknowns, then passes. */
export function ReadinessChecks({ checks }: { checks: ReadinessCheck[] }) {
  const { t, format } = useSreText();
  const order = { fail: 0, unknown: 1, pass: 2 };
  const sorted = [...checks].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <List dense aria-label={t('readiness.checksLabel')}>
      {sorted.map(check => {
        const title = checkTitle(t, check);
        return (
          <ListItem key={check.id} alignItems="flex-start">
            <ListItemIcon>
              <StatusIcon status={check.status} />
            </ListItemIcon>
            <ListItemText
              primary={
                check.critical ? t('readiness.critical', { title }) : title
              }
              secondary={
                <>
                  <Typography component="span" variant="body2" display="block">
                    {reasonText(t, format, check)}
                  </Typography>
                  {check.status !== 'pass' && (
                    <Typography
                      component="span"
                      variant="caption"
                      display="block"
                    >
                      {t('readiness.fix', { fix: checkFix(t, check) })}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
