import { useApi } from '@backstage/core-plugin-api';
import {
  ACCESS_STALE_DAYS,
  type AccessDecision,
  type AccessReviewItem,
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
import { AccessDecisionInput, sreApiRef } from '../api/SreApi';
import { useSreText } from '../language';
import type { SreTranslate } from '../translation';
import { DecisionField, decisionFieldError, isStaleAccess } from './accessText';
import { UserRefField } from './UserRefField';

/** What the decision still lacks before it may be sent, as the backend would say it. */
function missingFields(
  t: SreTranslate,
  decision: AccessDecision,
  items: AccessReviewItem[],
  input: { transferTo: string; comment: string },
): Partial<Record<DecisionField, string>> {
  const missing: Partial<Record<DecisionField, string>> = {};
  if (decision === 'transfer' && !input.transferTo.trim()) {
    missing.transferTo = t('access.decide.transferToRequired');
  }
  if (!input.comment.trim()) {
    if (decision === 'transfer') {
      missing.comment = t('access.decide.commentForTransfer');
    } else if (
      decision === 'keep' &&
      items.some(item => isStaleAccess(item, Date.now()))
    ) {
      missing.comment = t('access.decide.commentForStale', {
        days: String(ACCESS_STALE_DAYS),
      });
    }
  }
  return missing;
}

/**
 * Records a decision on one item or many (all or none): a transfer names the
 * user who takes over, and a comment is asked for where the backend needs
 * one. Its 400 message shows under the field it names; others (403, 409)
 * above the buttons.
 */
export function DecisionDialog(props: {
  campaignId: string;
  items: AccessReviewItem[];
  decision: AccessDecision;
  onClose(): void;
  onDecided(items: AccessReviewItem[]): void;
}) {
  const { campaignId, items, decision, onClose, onDecided } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const [transferTo, setTransferTo] = useState('');
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const missing = missingFields(t, decision, items, { transferTo, comment });
  const [saved, save] = useAsyncFn(async () => {
    const input: AccessDecisionInput = {
      decision,
      ...(decision === 'transfer' ? { transferTo: transferTo.trim() } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    const decided =
      items.length === 1
        ? [await sreApi.decideAccessItem(campaignId, items[0].id, input)]
        : await sreApi.decideAccessItems(
            campaignId,
            items.map(item => item.id),
            input,
          );
    onDecided(decided);
  }, [sreApi, campaignId, items, decision, transferTo, comment, onDecided]);
  const problem = saved.error && decisionFieldError(saved.error);
  const fieldText = (field: DecisionField) =>
    (checked ? missing[field] : undefined) ??
    (problem?.field === field ? problem.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!Object.keys(missing).length) save();
  };
  const commentText = fieldText('comment');
  const transferText = fieldText('transferTo');

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="access-decision-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="access-decision-title">
          {t(`access.decide.title.${decision}`)}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {items.length === 1
              ? t('access.decide.item', {
                  principal: items[0].principal,
                  resource: items[0].resource,
                  privilege: items[0].privilege,
                })
              : t('access.decide.items', { count: items.length })}
          </DialogContentText>
          {decision === 'transfer' && (
            <UserRefField
              id="access-decision-transfer-to"
              label={t('access.decide.transferTo')}
              value={transferTo}
              onChange={setTransferTo}
              error={Boolean(transferText)}
              helperText={transferText ?? t('access.decide.transferToHelp')}
              disabled={saved.loading}
            />
          )}
          <TextField
            id="access-decision-comment"
            label={t('access.decide.comment')}
            value={comment}
            onChange={event => setComment(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="dense"
            disabled={saved.loading}
            error={Boolean(commentText)}
            helperText={commentText ?? t('access.decide.commentOptional')}
          />
          {problem && !problem.field && (
            <Alert severity="error">
              {t('access.decide.failed', { error: problem.message })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('access.decide.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saved.loading}
          >
            {t('access.decide.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
