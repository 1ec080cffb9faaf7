import type { Review, TeamReviewResponse } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useId, useState } from 'react';
import { useSreText } from '../language';
import { ExportMarkdownButton } from './ExportMarkdownButton';
import { FinishReviewDialog } from './FinishReviewDialog';
import { localDay, personName, startOfLocalDay } from './reviewText';
import { StartReviewDialog } from './StartReviewDialog';

/** Where the agenda starts: a day picker, and a way back to the backend's default. */
function SincePicker(props: {
  response: TeamReviewResponse;
  onChange(since: string | undefined): void;
}) {
  const { t } = useSreText();
  const { response, onChange } = props;
  const id = useId();
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <TextField
        id={`${id}-since`}
        type="date"
        label={t('review.header.sinceLabel')}
        value={localDay(response.since)}
        InputLabelProps={{ shrink: true }}
        inputProps={{ max: localDay(Date.now()) }}
        onChange={event => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) {
            onChange(startOfLocalDay(event.target.value));
          }
        }}
      />
      {response.sinceSource === 'chosen' && (
        <Button size="small" onClick={() => onChange(undefined)}>
          {t('review.header.resetSince')}
        </Button>
      )}
    </Box>
  );
}

/** The review in progress: when and by whom it started, who takes part; finish or export it. */
function ReviewInProgress(props: {
  groupRef: string;
  response: TeamReviewResponse;
  review: Review;
  notesUnsaved: boolean;
  onFinished(): void;
}) {
  const { groupRef, response, review } = props;
  const { t, format } = useSreText();
  const [finishing, setFinishing] = useState(false);
  const name = (ref: string) => personName(response.members, ref);
  return (
    <Box mt={2}>
      <Typography variant="body1">
        {t('review.header.inProgress', {
          at: format.dateTime(review.startedAt),
          by: name(review.startedBy),
        })}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {review.attendees.length
          ? t('review.header.attendees', {
              names: format.list(review.attendees.map(name)),
            })
          : t('review.header.noAttendees')}
      </Typography>
      <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          variant="contained"
          color="primary"
          onClick={() => setFinishing(true)}
        >
          {t('review.header.finish')}
        </Button>
        <ExportMarkdownButton groupRef={groupRef} review={review} />
      </Box>
      {finishing && (
        <FinishReviewDialog
          groupRef={groupRef}
          reviewId={review.id}
          notesUnsaved={props.notesUnsaved}
          onClose={() => setFinishing(false)}
          onFinished={() => {
            setFinishing(false);
            props.onFinished();
          }}
        />
      )}
    </Box>
  );
}

/** The team, where the agenda starts and why, and the review in progress or a way to start one. */
export function ReviewHeader(props: {
  groupRef: string;
  response: TeamReviewResponse;
  notesUnsaved: boolean;
  onSinceChange(since: string | undefined): void;
  /** After the review started or finished: everything is loaded again. */
  onReviewChanged(): void;
}) {
  const { groupRef, response, onReviewChanged } = props;
  const { t, format } = useSreText();
  const [starting, setStarting] = useState(false);
  const { current, lastReview } = response;
  return (
    <Paper>
      <Box p={2}>
        <Box
          display="flex"
          justifyContent="space-between"
          flexWrap="wrap"
          style={{ gap: 16 }}
        >
          <Box>
            <Typography variant="h5" component="h2">
              {t('review.header.title', { team: response.team.title })}
            </Typography>
            <Typography variant="body1">
              {t('review.header.since', {
                date: format.date(response.since),
                source: t(`review.header.sinceSources.${response.sinceSource}`),
              })}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {lastReview
                ? t('review.header.lastReview', {
                    date: format.date(
                      lastReview.finishedAt ?? lastReview.startedAt,
                    ),
                  })
                : t('review.header.noReviewYet')}
            </Typography>
          </Box>
          <SincePicker response={response} onChange={props.onSinceChange} />
        </Box>
        {current ? (
          <ReviewInProgress
            groupRef={groupRef}
            response={response}
            review={current}
            notesUnsaved={props.notesUnsaved}
            onFinished={onReviewChanged}
          />
        ) : (
          <Box mt={2}>
            <Button
              variant="contained"
              color="primary"
              onClick={() => setStarting(true)}
            >
              {t('review.header.start')}
            </Button>
          </Box>
        )}
        {starting && (
          <StartReviewDialog
            groupRef={groupRef}
            response={response}
            onClose={() => setStarting(false)}
            onStarted={() => {
              setStarting(false);
              onReviewChanged();
            }}
          />
        )}
      </Box>
    </Paper>
  );
}
