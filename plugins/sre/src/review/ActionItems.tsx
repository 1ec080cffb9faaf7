import { useApi } from '@backstage/core-plugin-api';
import type {
  ReviewActionItem,
  ReviewActionStatus,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { sreApiRef } from '../api/SreApi';
import { usePersonName } from '../components/PeopleNames';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { SLO_COLORS } from '../slo/sloFormat';
import { ActionItemForm } from './ActionItemForm';
import { localDay } from '../components/localDay';
import { reviewChangeError } from './reviewChangeError';
import {
  TeamReviewChange,
  withAddedAction,
  withUpdatedAction,
} from './useTeamReview';
import { WrappingListItemText } from '../components/WrappingListItemText';

/** The title, linking to the item on its tracker when there is one. */
export function ActionItemTitle({ item }: { item: ReviewActionItem }) {
  if (!item.link) return <>{item.title}</>;
  return (
    <Link href={item.link} target="_blank" rel="noopener noreferrer">
      {item.title}
    </Link>
  );
}

/** Who does it and by when, in one line; an overdue date in red. */
export function ActionItemDetails({ item }: { item: ReviewActionItem }) {
  const { t, format } = useSreText();
  const name = usePersonName();
  const overdue =
    item.status === 'open' &&
    item.due !== null &&
    item.due < localDay(Date.now());
  let due: string | undefined;
  if (item.due) {
    const date = format.date(item.due);
    due = overdue
      ? t('review.actions.overdue', { date })
      : t('review.actions.due', { date });
  }
  return (
    <>
      {item.ownerRef ? name(item.ownerRef) : t('review.actions.unassigned')}
      {due && (
        <>
          {t('common.partSeparator')}
          <span style={overdue ? { color: SLO_COLORS.bad } : undefined}>
            {due}
          </span>
        </>
      )}
    </>
  );
}

/**
 * An open item: carried-over ones say which review (or that a drill) raised them. Its title
 * wraps between words, and the buttons move below it when the column is
 * too narrow for both, so nothing is cut off at the card's edge.
 */
function OpenActionItem(props: {
  item: ReviewActionItem;
  response: TeamReviewResponse;
  busy: boolean;
  onClose(item: ReviewActionItem, status: ReviewActionStatus): void;
}) {
  const { t, format } = useSreText();
  const { item, response } = props;
  const carriedOver = item.reviewId !== response.current?.id;
  const raisedIn = response.history.find(review => review.id === item.reviewId);
  const carriedOverText = () => {
    // Raised from a drill, not in a review: no review to name.
    if (item.reviewId === null) return t('review.actions.fromDrill');
    return raisedIn
      ? t('review.actions.carriedOver', {
          date: format.date(raisedIn.startedAt),
        })
      : t('review.actions.carriedOverUnknown');
  };
  return (
    <ListItem divider style={{ flexWrap: 'wrap', columnGap: 8 }}>
      <WrappingListItemText
        style={{ flex: '1 1 12em', minWidth: 0, overflowWrap: 'break-word' }}
        primary={<ActionItemTitle item={item} />}
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            <ActionItemDetails item={item} />
            {carriedOver && (
              <Box mt={0.5}>
                {/* A chip keeps its label on one line and would run past the
                    card's edge in a narrow column (Japanese has no spaces to
                    shorten it): this one wraps instead. */}
                <Chip
                  size="small"
                  variant="outlined"
                  style={{ maxWidth: '100%', height: 'auto' }}
                  label={
                    <span style={{ whiteSpace: 'normal' }}>
                      {carriedOverText()}
                    </span>
                  }
                />
              </Box>
            )}
          </>
        }
      />
      <Box display="flex" flexShrink={0} ml="auto" style={{ gap: 4 }}>
        <Button
          size="small"
          color="primary"
          disabled={props.busy}
          aria-label={t('review.actions.doneLabel', { title: item.title })}
          onClick={() => props.onClose(item, 'done')}
        >
          {t('review.actions.done')}
        </Button>
        <Button
          size="small"
          disabled={props.busy}
          aria-label={t('review.actions.dropLabel', { title: item.title })}
          onClick={() => props.onClose(item, 'dropped')}
        >
          {t('review.actions.drop')}
        </Button>
      </Box>
    </ListItem>
  );
}

/** The team's open action items, earlier reviews' first; while a review is in progress, a form to raise one. */
export function ActionItems(props: {
  groupRef: string;
  response: TeamReviewResponse;
  onChange(change: TeamReviewChange): void;
}) {
  const { groupRef, response, onChange } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const close = async (item: ReviewActionItem, status: ReviewActionStatus) => {
    setBusy(item.id);
    setError(undefined);
    try {
      const updated = await sreApi.updateReviewAction(groupRef, item.id, {
        status,
      });
      confirm(
        t('review.actions.updated', {
          title: item.title,
          status: t(`review.actions.status.${updated.status}`),
        }),
      );
      onChange(withUpdatedAction(updated));
    } catch (e) {
      setError(
        t('review.actions.updateFailed', {
          title: item.title,
          error: reviewChangeError(t, e),
        }),
      );
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Paper>
      <Box p={2}>
        <Typography variant="h6">{t('review.actions.title')}</Typography>
        {error && <Alert severity="error">{error}</Alert>}
        {response.openActionItems.length ? (
          <List dense aria-label={t('review.actions.label')}>
            {response.openActionItems.map(item => (
              <OpenActionItem
                key={item.id}
                item={item}
                response={response}
                busy={busy === item.id}
                onClose={close}
              />
            ))}
          </List>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('review.actions.none')}
          </Typography>
        )}
        {response.current && (
          <ActionItemForm
            members={response.members}
            add={input =>
              sreApi.addReviewAction(groupRef, response.current!.id, input)
            }
            onAdded={item => onChange(withAddedAction(item))}
          />
        )}
      </Box>
    </Paper>
  );
}
