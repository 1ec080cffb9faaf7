import { useApi } from '@backstage/core-plugin-api';
import {
  ACCESS_STALE_DAYS,
  accessCommentReason,
  type AccessCommentReason,
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
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import type { SreTranslate } from '../translation';
import { DecisionField, decisionFieldError } from './decisionFieldError';
import { UserRefField } from './UserRefField';

/** Why the decision needs a comment on any of the items, by sre-common's rule the backend applies too. */
function commentReason(
  decision: AccessDecision,
  items: AccessReviewItem[],
  now: number,
): AccessCommentReason | null {
  for (const item of items) {
    const reason = accessCommentReason(decision, item, now);
    if (reason) return reason;
  }
  return null;
}

function commentReasonText(t: SreTranslate, reason: AccessCommentReason) {
  return reason === 'transfer'
    ? t('access.decide.commentForTransfer')
    : t('access.decide.commentForStale', { days: String(ACCESS_STALE_DAYS) });
}

/** What the decision still lacks before it may be sent, as the backend would say it. */
function missingFields(
  t: SreTranslate,
  decision: AccessDecision,
  reason: AccessCommentReason | null,
  input: { transferTo: string; comment: string },
): Partial<Record<DecisionField, string>> {
  const missing: Partial<Record<DecisionField, string>> = {};
  if (decision === 'transfer' && !input.transferTo.trim()) {
    missing.transferTo = t('access.decide.transferToRequired');
  }
  if (reason && !input.comment.trim()) {
    missing.comment = commentReasonText(t, reason);
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
  const confirm = useWriteConfirmation();
  const reason = commentReason(decision, items, Date.now());
  const missing = missingFields(t, decision, reason, { transferTo, comment });
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
    const label = t(`access.items.decided.${decision}`);
    confirm(
      items.length === 1
        ? t('access.decide.saved', {
            decision: label,
            principal: items[0].principal,
            resource: items[0].resource,
          })
        : t('access.decide.savedMany', {
            decision: label,
            count: decided.length,
          }),
    );
    onDecided(decided);
  }, [
    sreApi,
    campaignId,
    items,
    decision,
    transferTo,
    comment,
    onDecided,
    confirm,
    t,
  ]);
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
            required={Boolean(reason)}
            error={Boolean(commentText)}
            helperText={
              commentText ??
              (reason
                ? commentReasonText(t, reason)
                : t('access.decide.commentOptional'))
            }
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
