import { useApi } from '@backstage/core-plugin-api';
import {
  ANNOTATION_ACCESS_SOURCE,
  type AccessCampaignDetail,
} from '@baton/plugin-sre-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { fieldError } from '../components/responseErrors';

const FIELDS = ['title', 'dueDate'] as const;

/** Asks for a title and a due date and starts a campaign; the backend's 400 message shows under the field it names. */
export function StartCampaignDialog(props: {
  onClose(): void;
  onStarted(detail: AccessCampaignDetail): void;
}) {
  const { onClose, onStarted } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [started, start] = useAsyncFn(async () => {
    const detail = await sreApi.createAccessCampaign({
      title: title.trim(),
      ...(dueDate ? { dueDate } : {}),
    });
    confirm(
      t('access.start.started', {
        title: detail.campaign.title,
        count: detail.items.length,
      }),
    );
    onStarted(detail);
  }, [sreApi, title, dueDate, onStarted, confirm, t]);
  const problem = started.error && fieldError(started.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) start();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="start-campaign-title">
      <form onSubmit={submit}>
        <DialogTitle id="start-campaign-title">
          {t('access.start.title')}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('access.start.help', { annotation: ANNOTATION_ACCESS_SOURCE })}
          </DialogContentText>
          <TextField
            id="start-campaign-name"
            label={t('access.start.titleLabel')}
            value={title}
            onChange={event => setTitle(event.target.value)}
            required
            fullWidth
            margin="dense"
            error={problem?.field === 'title'}
            helperText={
              problem?.field === 'title' ? problem.message : undefined
            }
          />
          <TextField
            id="start-campaign-due"
            type="date"
            label={t('access.start.dueLabel')}
            value={dueDate}
            onChange={event => setDueDate(event.target.value)}
            InputLabelProps={{ shrink: true }}
            fullWidth
            margin="dense"
            error={problem?.field === 'dueDate'}
            helperText={
              problem?.field === 'dueDate' ? problem.message : undefined
            }
          />
          {problem && !problem.field && (
            <Alert severity="error">
              {t('access.start.failed', { error: problem.message })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('access.start.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!title.trim() || started.loading}
          >
            {t('access.start.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
