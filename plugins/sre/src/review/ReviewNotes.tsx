import { MarkdownContent } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Review } from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useId, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sreApiRef } from '../api/SreApi';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { errorMessage, isConflict } from '../components/responseErrors';
import { reviewChangeError } from './reviewChangeError';

/** Notes as Markdown, or a line saying there are none. */
export function ReviewNotesView(props: { notes: string; emptyText: string }) {
  if (!props.notes.trim()) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText}
      </Typography>
    );
  }
  return <MarkdownContent content={props.notes} dialect="gfm" />;
}

/** Why a save failed; for a conflict, with a way to load the notes someone else saved. */
function SaveError(props: { error: Error; onReload(): void }) {
  const { t } = useSreText();
  if (!isConflict(props.error)) {
    return (
      <Alert severity="error">
        {t('review.notes.saveFailed', {
          error: reviewChangeError(t, props.error),
        })}
      </Alert>
    );
  }
  const error = errorMessage(props.error);
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" onClick={props.onReload}>
          {t('review.notes.reload')}
        </Button>
      }
    >
      {t('review.notes.conflict', { error })}
    </Alert>
  );
}

/**
 * The notes of the review in progress: Markdown with a preview. A save sends
 * the revision the text was based on, so the backend refuses to overwrite
 * someone else's save (409). Mount it with the review's revision as its key:
 * a new revision starts from the saved text.
 */
export function ReviewNotesEditor(props: {
  groupRef: string;
  review: Review;
  onSaved(review: Review): void;
  onReload(): void;
  onUnsavedChange(unsaved: boolean): void;
}) {
  const { groupRef, review, onSaved, onUnsavedChange } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const id = useId();
  const [draft, setDraft] = useState(review.notes);
  const unsaved = draft !== review.notes;
  useEffect(() => onUnsavedChange(unsaved), [unsaved, onUnsavedChange]);
  const [saving, save] = useAsyncFn(async () => {
    const saved = await sreApi.updateReview(groupRef, review.id, {
      notes: draft,
      revision: review.revision,
    });
    confirm(t('review.notes.saved'));
    onSaved(saved);
  }, [
    sreApi,
    groupRef,
    review.id,
    review.revision,
    draft,
    onSaved,
    confirm,
    t,
  ]);

  return (
    <Paper>
      <Box p={2}>
        <Typography variant="h6" gutterBottom>
          {t('review.notes.title')}
        </Typography>
        <TextField
          id={`${id}-notes`}
          multiline
          fullWidth
          minRows={6}
          variant="outlined"
          label={t('review.notes.label')}
          value={draft}
          disabled={saving.loading}
          onChange={event => setDraft(event.target.value)}
        />
        <Box my={1} display="flex" alignItems="center" style={{ gap: 8 }}>
          <Button
            variant="contained"
            color="primary"
            disabled={!unsaved || saving.loading}
            onClick={() => save()}
          >
            {t('review.notes.save')}
          </Button>
          {unsaved && (
            <Typography variant="caption" color="textSecondary">
              {t('review.notes.unsaved')}
            </Typography>
          )}
        </Box>
        {saving.error && (
          <SaveError error={saving.error} onReload={props.onReload} />
        )}
        <Typography variant="subtitle2">{t('review.notes.preview')}</Typography>
        <ReviewNotesView notes={draft} emptyText={t('review.notes.empty')} />
      </Box>
    </Paper>
  );
}
