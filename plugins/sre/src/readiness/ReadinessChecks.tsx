import type {
  ReadinessCheck,
  ReadinessCheckStatus,
} from '@baton/plugin-sre-common';
import { Link } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import Typography from '@material-ui/core/Typography';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Error from '@material-ui/icons/Error';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import { useSreText } from '../language';
import { CheckEvidence } from './CheckEvidence';
import { checkFix, checkTitle, reasonText } from './readinessText';
import { WrappingListItemText } from '../components/WrappingListItemText';

function StatusIcon({ status }: { status: ReadinessCheckStatus }) {
  const { t } = useSreText();
  const label = t(`readiness.status.${status}`);
  if (status === 'pass') {
    return <CheckCircle style={{ color: '#2e7d32' }} titleAccess={label} />;
  }
  if (status === 'fail') {
    return <Error style={{ color: '#c62828' }} titleAccess={label} />;
  }
  if (status === 'not-applicable') {
    return <RemoveCircleOutline color="disabled" titleAccess={label} />;
  }
  return <HelpOutline color="disabled" titleAccess={label} />;
}

/** Failures first, then unknowns and passes; what has nothing to check last. */
const ORDER: Record<ReadinessCheckStatus, number> = {
  fail: 0,
  unknown: 1,
  pass: 2,
  'not-applicable': 3,
};

/** A link under a check to where its evidence is kept, e.g. the team's drills. */
export interface ReadinessCheckLink {
  href: string;
  label: string;
}

/**
 * The checks of a readiness report: failures first, then unknowns, passes,
 * and the not-applicable ones in grey; under a check, the evidence it read
 * (backups, drills, runbook), and `links` adds, per check id, a link to
 * where its evidence is kept.
 */
export function ReadinessChecks({
  checks,
  links = {},
  ownerRef,
}: {
  checks: ReadinessCheck[];
  links?: Partial<Record<string, ReadinessCheckLink>>;
  /** The entity's owning team, for the evidence's drill links. */
  ownerRef?: string;
}) {
  const { t, format } = useSreText();
  const sorted = [...checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <List dense aria-label={t('readiness.checksLabel')}>
      {sorted.map(check => {
        const title = checkTitle(t, check);
        const reason = reasonText(t, format, check);
        // Nothing to check: greyed out, no fix to offer, no weight in the score.
        const notApplicable = check.status === 'not-applicable';
        return (
          <ListItem key={check.id} alignItems="flex-start">
            <ListItemIcon>
              <StatusIcon status={check.status} />
            </ListItemIcon>
            <WrappingListItemText
              primary={
                check.critical && !notApplicable
                  ? t('readiness.critical', { title })
                  : title
              }
              primaryTypographyProps={
                notApplicable ? { color: 'textSecondary' } : undefined
              }
              // The evidence is a list: not inside a paragraph.
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  <Typography component="span" variant="body2" display="block">
                    {notApplicable
                      ? t('readiness.notApplicable', { reason })
                      : reason}
                  </Typography>
                  {check.status !== 'pass' && !notApplicable && (
                    <Typography
                      component="span"
                      variant="caption"
                      display="block"
                    >
                      {t('readiness.fix', { fix: checkFix(t, check) })}
                    </Typography>
                  )}
                  {check.evidence?.length ? (
                    <CheckEvidence
                      evidence={check.evidence}
                      ownerRef={ownerRef}
                    />
                  ) : null}
                  {links[check.id] && (
                    <Typography
                      component="span"
                      variant="caption"
                      display="block"
                    >
                      <Link to={links[check.id]!.href}>
                        {links[check.id]!.label}
                      </Link>
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
