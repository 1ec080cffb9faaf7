import type {
  ReviewActionItem,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useId, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import type { ReviewActionInput } from '../api/SreApi';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { fieldError } from '../components/responseErrors';
import { reviewChangeError } from './reviewChangeError';

const FIELDS = ['title', 'ownerRef', 'due', 'link'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY: Record<Field, string> = {
  title: '',
  ownerRef: '',
  due: '',
  link: '',
};

/**
 * Raises an action item — in the review in progress, or from a drill — with
 * `add`; the backend's 400 message shows under the field it names.
 */
export function ActionItemForm(props: {
  members: TeamReviewResponse['members'];
  add(input: ReviewActionInput): Promise<ReviewActionItem>;
  onAdded(item: ReviewActionItem): void;
  /** The form's heading; by default the review's. */
  title?: string;
  /** Why a write failed, for an error that names no field; by default the review's words. */
  describeError?(error: unknown): string;
}) {
  const { add: send, onAdded } = props;
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const id = useId();
  const [values, setValues] = useState(EMPTY);
  const [added, add] = useAsyncFn(async () => {
    const item = await send({
      title: values.title.trim(),
      ownerRef: values.ownerRef || null,
      due: values.due || null,
      link: values.link.trim() || null,
    });
    setValues(EMPTY);
    confirm(t('review.actions.form.added', { title: item.title }));
    onAdded(item);
  }, [send, values, onAdded, confirm, t]);
  const problem = added.error && fieldError(added.error, FIELDS);
  const field = (name: Field) => ({
    id: `${id}-${name}`,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues(current => ({ ...current, [name]: event.target.value })),
    error: problem?.field === name,
    helperText: problem?.field === name ? problem.message : undefined,
    disabled: added.loading,
    fullWidth: true,
    margin: 'dense' as const,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add();
  };

  const title = props.title ?? t('review.actions.form.title');
  return (
    <Box component="form" mt={2} onSubmit={submit} aria-label={title}>
      <Typography variant="subtitle2">{title}</Typography>
      <TextField
        {...field('title')}
        required
        label={t('review.actions.form.itemTitle')}
      />
      <TextField
        {...field('ownerRef')}
        select
        label={t('review.actions.form.owner')}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
      >
        <option value="">{t('review.actions.unassigned')}</option>
        {props.members.map(member => (
          <option key={member.userRef} value={member.userRef}>
            {member.name}
          </option>
        ))}
      </TextField>
      <TextField
        {...field('due')}
        type="date"
        label={t('review.actions.form.due')}
        InputLabelProps={{ shrink: true }}
      />
      <TextField
        {...field('link')}
        type="url"
        label={t('review.actions.form.link')}
      />
      {problem && !problem.field && (
        <Alert severity="error">
          {t('review.actions.form.failed', {
            error: (props.describeError ?? (e => reviewChangeError(t, e)))(
              added.error,
            ),
          })}
        </Alert>
      )}
      <Box mt={1}>
        <Button
          type="submit"
          variant="outlined"
          color="primary"
          disabled={!values.title.trim() || added.loading}
        >
          {t('review.actions.form.add')}
        </Button>
      </Box>
    </Box>
  );
}
