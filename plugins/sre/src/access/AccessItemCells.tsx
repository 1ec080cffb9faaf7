import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  accessItemFlags,
  type AccessReviewItem,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { usePersonName } from '../components/PeopleNames';
import { useSreText } from '../language';
import { entityRefName } from '../components/entityRefName';
import { flagLabel, lastUsedText } from './accessText';

/** The catalog User the principal is, or a chip saying there is none. */
export function PersonCell({ item }: { item: AccessReviewItem }) {
  const { t } = useSreText();
  const name = usePersonName();
  if (!item.userRef) {
    return (
      <Chip
        size="small"
        color="secondary"
        variant="outlined"
        label={t('access.items.noPerson')}
      />
    );
  }
  return (
    <EntityRefLink entityRef={item.userRef}>{name(item.userRef)}</EntityRefLink>
  );
}

/** What the grant is on: the source's resource, under the catalog Resource that listed it. */
export function ResourceCell({ item }: { item: AccessReviewItem }) {
  return (
    <>
      <Typography variant="body2">{item.resource}</Typography>
      <Typography variant="caption" color="textSecondary">
        <EntityRefLink entityRef={item.resourceRef}>
          {entityRefName(item.resourceRef, 'resource')}
        </EntityRefLink>
      </Typography>
    </>
  );
}

/** When the grant was last used, relative, with the time on hover. */
export function LastUsedCell({ item }: { item: AccessReviewItem }) {
  const { t, format } = useSreText();
  const shown = lastUsedText(t, format, item, Date.now());
  return item.lastUsedAt ? (
    <span title={format.dateTime(item.lastUsedAt)}>{shown}</span>
  ) : (
    <>{shown}</>
  );
}

/**
 * The flags as chips, "Stale access" included by the rule the stale filter
 * uses; the person column already says when there is no person.
 */
export function FlagChips({ item }: { item: AccessReviewItem }) {
  const { t } = useSreText();
  const flags = accessItemFlags(item, Date.now()).filter(
    flag => flag !== 'no-person-in-catalog',
  );
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {flags.map(flag => (
        <Chip
          key={flag}
          size="small"
          label={flagLabel(t, flag)}
          color={flag === 'admin-privilege' ? 'secondary' : 'default'}
        />
      ))}
    </Box>
  );
}

/** The decision with who made it, when, to whom and why; or that there is none yet. */
export function DecisionCell({ item }: { item: AccessReviewItem }) {
  const { t, format } = useSreText();
  const name = usePersonName();
  if (!item.decision) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('access.items.undecided')}
      </Typography>
    );
  }
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 4 }}
      >
        <Chip
          size="small"
          color={item.decision === 'revoke' ? 'secondary' : 'primary'}
          label={t(`access.items.decided.${item.decision}`)}
        />
        {item.transferTo && (
          <Typography variant="body2">
            {t('access.items.transferTo', {
              user: name(item.transferTo),
            })}
          </Typography>
        )}
      </Box>
      {item.decidedBy && item.decidedAt && (
        <Typography variant="caption" color="textSecondary" component="div">
          {t('access.items.decidedBy', {
            by: name(item.decidedBy),
            at: format.date(item.decidedAt),
          })}
        </Typography>
      )}
      {item.comment && (
        <Typography variant="body2" component="div">
          {item.comment}
        </Typography>
      )}
    </>
  );
}
