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

/** Asks before finishing the review, warning about notes not saved yet. */
export function FinishReviewDialog(props: {
  groupRef: string;
  reviewId: string;
  notesUnsaved: boolean;
  onClose(): void;
  onFinished(): void;
}) {
  const { groupRef, reviewId, onClose, onFinished } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const [finished, finish] = useAsyncFn(async () => {
    await sreApi.finishReview(groupRef, reviewId);
    confirm(t('review.finish.finished'));
    onFinished();
  }, [sreApi, groupRef, reviewId, onFinished, confirm, t]);
  return (
    <Dialog open onClose={onClose} aria-labelledby="finish-review-title">
      <DialogTitle id="finish-review-title">
        {t('review.finish.title')}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{t('review.finish.description')}</DialogContentText>
        {props.notesUnsaved && (
          <Alert severity="warning">{t('review.finish.unsavedNotes')}</Alert>
        )}
        {finished.error && (
          <Alert severity="error">
            {t('review.finish.failed', {
              error: reviewChangeError(t, finished.error),
            })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('review.finish.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={finished.loading}
          onClick={() => finish()}
        >
          {t('review.finish.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
