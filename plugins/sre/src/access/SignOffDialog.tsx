import { useApi } from '@backstage/core-plugin-api';
import type { AccessCampaignDetail } from '@baton/plugin-sre-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { useSreText } from '../language';
import { errorMessage } from '../components/responseErrors';

/** Asks before signing the campaign off; the backend's refusal (409 while items are undecided) shows as it says it. */
export function SignOffDialog(props: {
  campaignId: string;
  undecided: number;
  onClose(): void;
  onSignedOff(detail: AccessCampaignDetail): void;
}) {
  const { campaignId, undecided, onClose, onSignedOff } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const [closed, close] = useAsyncFn(async () => {
    onSignedOff(await sreApi.closeAccessCampaign(campaignId));
  }, [sreApi, campaignId, onSignedOff]);
  return (
    <Dialog open onClose={onClose} aria-labelledby="sign-off-title">
      <DialogTitle id="sign-off-title">{t('access.signOff.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('access.signOff.description')}</DialogContentText>
        {undecided > 0 && !closed.error && (
          <Alert severity="warning">
            {t('access.signOff.undecided', { count: undecided })}
          </Alert>
        )}
        {closed.error && (
          <Alert severity="error">
            {t('access.signOff.failed', { error: errorMessage(closed.error) })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('access.signOff.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={closed.loading}
          onClick={() => close()}
        >
          {t('access.signOff.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
