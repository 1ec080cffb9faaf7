import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Review, TeamReviewResponse } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sreApiRef } from '../api/SreApi';
import { PeopleNames, usePersonName } from '../components/PeopleNames';
import { useSreText } from '../language';
import { ActionItemDetails, ActionItemTitle } from './ActionItems';
import { ExportMarkdownButton } from './ExportMarkdownButton';
import { ReviewNotesView } from './ReviewNotes';
import { errorMessage } from '../components/responseErrors';
import { reviewPeopleRefs } from './reviewPeopleRefs';
import { reviewEndText } from './reviewText';
import { WrappingListItemText } from '../components/WrappingListItemText';

/** A past review: how it ended, who took part, its notes, the action items raised in it, and its export. */
function PastReview(props: { groupRef: string; reviewId: string }) {
  const { groupRef, reviewId } = props;
  const sreApi = useApi(sreApiRef);
  const { value, error } = useAsync(
    () => sreApi.getReview(groupRef, reviewId),
    [sreApi, groupRef, reviewId],
  );
  if (error) {
    return <Alert severity="error">{errorMessage(error)}</Alert>;
  }
  if (!value) return <Progress />;
  return (
    <PeopleNames refs={reviewPeopleRefs([value.review])}>
      <PastReviewDetails groupRef={groupRef} review={value.review} />
    </PeopleNames>
  );
}

function PastReviewDetails(props: { groupRef: string; review: Review }) {
  const { groupRef, review } = props;
  const { t, format } = useSreText();
  const name = usePersonName();
  const ended = reviewEndText(t, format, review, name);
  return (
    <Box
      mt={2}
      role="region"
      aria-label={t('review.history.reviewOf', {
        date: format.date(review.startedAt),
      })}
    >
      <Typography variant="subtitle1">
        {t('review.history.reviewOf', { date: format.date(review.startedAt) })}
      </Typography>
      {ended && (
        <Typography variant="body2" color="textSecondary">
          {ended}
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {review.attendees.length
          ? t('review.header.attendees', {
              names: format.list(review.attendees.map(name)),
            })
          : t('review.header.noAttendees')}
      </Typography>
      <ExportMarkdownButton groupRef={groupRef} review={review} />
      <Box mt={2}>
        <Typography variant="subtitle2">{t('review.notes.title')}</Typography>
        <ReviewNotesView
          notes={review.notes}
          emptyText={t('review.history.noNotes')}
        />
      </Box>
      <Typography variant="subtitle2">
        {t('review.history.actionItems')}
      </Typography>
      {review.actionItems.length ? (
        <List dense>
          {review.actionItems.map(item => (
            <ListItem
              key={item.id}
              divider
              style={{ flexWrap: 'wrap', columnGap: 8 }}
            >
              <WrappingListItemText
                style={{
                  flex: '1 1 12em',
                  minWidth: 0,
                  overflowWrap: 'break-word',
                }}
                primary={<ActionItemTitle item={item} />}
                secondaryTypographyProps={{ component: 'div' }}
                secondary={<ActionItemDetails item={item} />}
              />
              <Chip
                size="small"
                variant={item.status === 'open' ? 'outlined' : 'default'}
                label={t(`review.actions.status.${item.status}`)}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {t('review.history.noActionItems')}
        </Typography>
      )}
    </Box>
  );
}

/** The team's finished reviews, newest first; one picked shows what it decided. */
export function ReviewHistory(props: {
  groupRef: string;
  response: TeamReviewResponse;
}) {
  const { groupRef, response } = props;
  const { t, format } = useSreText();
  const [selected, setSelected] = useState<string>();
  return (
    <Paper>
      <Box p={2}>
        <Typography variant="h6">{t('review.history.title')}</Typography>
        {response.history.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            {t('review.history.none')}
          </Typography>
        )}
        <List dense aria-label={t('review.history.label')}>
          {response.history.map(review => (
            <ListItem
              key={review.id}
              button
              selected={review.id === selected}
              onClick={() =>
                setSelected(review.id === selected ? undefined : review.id)
              }
            >
              <WrappingListItemText
                primary={format.date(review.startedAt)}
                secondary={t('review.history.attendees', {
                  count: review.attendees.length,
                })}
              />
            </ListItem>
          ))}
        </List>
        {selected && (
          <PastReview key={selected} groupRef={groupRef} reviewId={selected} />
        )}
      </Box>
    </Paper>
  );
}
