import { useApi } from '@backstage/core-plugin-api';
import type { TeamReviewResponse } from '@baton/plugin-sre-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { fieldError, isConflict } from '../components/responseErrors';
import { reviewChangeError } from './reviewChangeError';

/**
 * Asks who takes part (every member, at first) and starts the review. The
 * agenda's start goes along only when the user chose one; otherwise the
 * backend takes the last review's end, as the page does.
 */
export function StartReviewDialog(props: {
  groupRef: string;
  response: TeamReviewResponse;
  onClose(): void;
  /** After the review started, or to see the one someone else started. */
  onStarted(): void;
}) {
  const { groupRef, response, onClose, onStarted } = props;
  const sreApi = useApi(sreApiRef);
  const { t, format } = useSreText();
  const confirm = useWriteConfirmation();
  const [attendees, setAttendees] = useState(
    response.members.map(member => member.userRef),
  );
  const [started, start] = useAsyncFn(async () => {
    await sreApi.startReview(groupRef, {
      attendees,
      ...(response.sinceSource === 'chosen' ? { since: response.since } : {}),
    });
    confirm(t('review.start.started'));
    onStarted();
  }, [sreApi, groupRef, attendees, response, onStarted, confirm, t]);
  // A 400 naming `since` belongs next to where the dialog says the agenda starts.
  const sinceProblem =
    started.error && fieldError(started.error, ['since']).field === 'since'
      ? fieldError(started.error, ['since']).message
      : undefined;
  const toggle = (userRef: string) =>
    setAttendees(current =>
      current.includes(userRef)
        ? current.filter(ref => ref !== userRef)
        : [...current, userRef],
    );

  return (
    <Dialog open onClose={onClose} aria-labelledby="start-review-title">
      <DialogTitle id="start-review-title">
        {t('review.start.title')}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          {t('review.start.since', { date: format.date(response.since) })}
        </Typography>
        {sinceProblem && (
          <Typography variant="body2" color="error" gutterBottom role="alert">
            {t('review.start.sinceProblem', { error: sinceProblem })}
          </Typography>
        )}
        <Typography variant="body2">
          {response.members.length
            ? t('review.start.help')
            : t('review.start.noMembers')}
        </Typography>
        <FormGroup aria-label={t('review.start.attendeesLabel')}>
          {response.members.map(member => (
            <FormControlLabel
              key={member.userRef}
              control={
                <Checkbox
                  checked={attendees.includes(member.userRef)}
                  onChange={() => toggle(member.userRef)}
                />
              }
              label={member.name}
            />
          ))}
        </FormGroup>
        {started.error && !sinceProblem && (
          <Alert
            severity="error"
            action={
              isConflict(started.error) ? (
                <Button color="inherit" size="small" onClick={onStarted}>
                  {t('review.start.reload')}
                </Button>
              ) : undefined
            }
          >
            {t('review.start.failed', {
              error: reviewChangeError(t, started.error),
            })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('review.start.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={started.loading}
          onClick={() => start()}
        >
          {t('review.start.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
