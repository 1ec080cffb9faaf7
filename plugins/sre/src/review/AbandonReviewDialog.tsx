import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { reviewChangeError } from './reviewChangeError';

/**
 * Asks before abandoning the review in progress, saying what that does: the
 * review is kept but never becomes the last review, its open items carry
 * over, and the team can start another.
 */
export function AbandonReviewDialog(props: {
  groupRef: string;
  reviewId: string;
  notesUnsaved: boolean;
  onClose(): void;
  onAbandoned(): void;
}) {
  const { groupRef, reviewId, onClose, onAbandoned } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const [abandoned, abandon] = useAsyncFn(async () => {
    await sreApi.abandonReview(groupRef, reviewId);
    confirm(t('review.abandon.abandoned'));
    onAbandoned();
  }, [sreApi, groupRef, reviewId, onAbandoned, confirm, t]);
  return (
    <Dialog open onClose={onClose} aria-labelledby="abandon-review-title">
      <DialogTitle id="abandon-review-title">
        {t('review.abandon.title')}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{t('review.abandon.description')}</DialogContentText>
        {props.notesUnsaved && (
          <Alert severity="warning">{t('review.abandon.unsavedNotes')}</Alert>
        )}
        {abandoned.error && (
          <Alert severity="error">
            {t('review.abandon.failed', {
              error: reviewChangeError(t, abandoned.error),
            })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('review.abandon.cancel')}</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={abandoned.loading}
          onClick={() => abandon()}
        >
          {t('review.abandon.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
