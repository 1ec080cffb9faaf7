import type { Review, TeamReviewResponse } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useId, useState } from 'react';
import { usePersonName } from '../components/PeopleNames';
import { useSreText } from '../language';
import { AbandonReviewDialog } from './AbandonReviewDialog';
import { ExportMarkdownButton } from './ExportMarkdownButton';
import { FinishReviewDialog } from './FinishReviewDialog';
import { localDay, startOfLocalDay } from '../components/localDay';
import { StartReviewDialog } from './StartReviewDialog';

/**
 * Where the agenda starts: a day picker, and a way back to the backend's
 * default. A day the backend refused stays picked, with its reason below.
 */
function SincePicker(props: {
  response: TeamReviewResponse;
  chosen?: string;
  error?: string;
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
        value={localDay(props.chosen ?? response.since)}
        error={Boolean(props.error)}
        helperText={props.error}
        InputLabelProps={{ shrink: true }}
        inputProps={{ max: localDay(Date.now()) }}
        onChange={event => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) {
            onChange(startOfLocalDay(event.target.value));
          }
        }}
      />
      {(response.sinceSource === 'chosen' || props.error) && (
        <Button size="small" onClick={() => onChange(undefined)}>
          {t('review.header.resetSince')}
        </Button>
      )}
    </Box>
  );
}

/** The review in progress: when and by whom it started, who takes part; finish, abandon or export it. */
function ReviewInProgress(props: {
  groupRef: string;
  review: Review;
  notesUnsaved: boolean;
  onFinished(): void;
  onAbandoned(): void;
}) {
  const { groupRef, review } = props;
  const { t, format } = useSreText();
  const [finishing, setFinishing] = useState(false);
  const [abandoning, setAbandoning] = useState(false);
  const name = usePersonName();
  return (
    <Box mt={2}>
      <Typography variant="body1">
        {t('review.header.inProgress', {
          at: format.date(review.startedAt),
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
        <Button variant="outlined" onClick={() => setAbandoning(true)}>
          {t('review.header.abandon')}
        </Button>
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
      {abandoning && (
        <AbandonReviewDialog
          groupRef={groupRef}
          reviewId={review.id}
          notesUnsaved={props.notesUnsaved}
          onClose={() => setAbandoning(false)}
          onAbandoned={() => {
            setAbandoning(false);
            props.onAbandoned();
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
  /** The start the user picked, loaded or not. */
  chosenSince?: string;
  /** Why the backend refused the picked start. */
  sinceError?: string;
  onSinceChange(since: string | undefined): void;
  /** After the review started, finished or was abandoned: everything is loaded again. */
  onReviewChanged(): void;
}) {
  const { groupRef, response, onReviewChanged } = props;
  const { t, format } = useSreText();
  const [starting, setStarting] = useState(false);
  // After an abandon the page loads again; this says what happened and what next.
  const [abandoned, setAbandoned] = useState(false);
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
          <SincePicker
            response={response}
            chosen={props.chosenSince}
            error={props.sinceError}
            onChange={props.onSinceChange}
          />
        </Box>
        {current ? (
          <ReviewInProgress
            groupRef={groupRef}
            review={current}
            notesUnsaved={props.notesUnsaved}
            onFinished={onReviewChanged}
            onAbandoned={() => {
              setAbandoned(true);
              onReviewChanged();
            }}
          />
        ) : (
          <Box mt={2}>
            {abandoned && (
              <Box mb={1}>
                <Alert
                  severity="info"
                  closeText={t('common.dismiss')}
                  onClose={() => setAbandoned(false)}
                >
                  {t('review.header.abandoned')}
                </Alert>
              </Box>
            )}
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
              setAbandoned(false);
              onReviewChanged();
            }}
          />
        )}
      </Box>
    </Paper>
  );
}
