import { useApi } from '@backstage/core-plugin-api';
import {
  Drill,
  DRILL_OUTCOMES,
  DRILL_SCENARIOS,
  DrillOutcome,
  DrillScenario,
} from '@baton/plugin-sre-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useId, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { DrillRecordInput, sreApiRef } from '../api/SreApi';
import { fieldError } from '../components/responseErrors';
import { useWriteConfirmation } from '../components/useWriteConfirmation';
import { useSreText } from '../language';
import { drillChangeError } from './drillChangeError';

/** What the dialog does: plan a drill, record one that took place, or record how a planned one went. */
export type DrillDialogMode =
  | { kind: 'plan' }
  | { kind: 'took-place' }
  | { kind: 'record'; drill: Drill };

/** The team's people and services the dialog offers. */
export interface DrillTeam {
  members: Array<{ userRef: string; name: string }>;
  services: Array<{ entityRef: string; title: string }>;
}

const FIELDS = [
  'scenario',
  'title',
  'entityRefs',
  'plannedFor',
  'performedAt',
  'participants',
  'outcome',
  'recoveryMinutes',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

const pad = (value: number) => String(value).padStart(2, '0');

/** A time as a `datetime-local` input shows it, in the user's time zone. */
function localDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as an ISO time; what is no time goes as it is, for the backend to name. */
function isoTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

const toggled = (list: string[], value: string) =>
  list.includes(value) ? list.filter(v => v !== value) : [...list, value];

/**
 * Plans a drill (scenario, title, services, day), records one that took
 * place, or records how a planned one went (when, who took part, outcome,
 * time to recover, what went wrong). The backend checks the input; its 400
 * message shows under the field it names.
 */
export function DrillDialog(props: {
  groupRef: string;
  mode: DrillDialogMode;
  team: DrillTeam;
  onClose(): void;
  onSaved(drill: Drill): void;
}) {
  const { groupRef, mode, team, onClose, onSaved } = props;
  const sreApi = useApi(sreApiRef);
  const { t } = useSreText();
  const confirm = useWriteConfirmation();
  const id = useId();
  const plans = mode.kind !== 'record';
  const records = mode.kind !== 'plan';
  const [scenario, setScenario] = useState<DrillScenario>(
    'restore-from-backup',
  );
  const [title, setTitle] = useState('');
  const [entityRefs, setEntityRefs] = useState<string[]>([]);
  const [plannedFor, setPlannedFor] = useState('');
  const [performedAt, setPerformedAt] = useState(() =>
    localDateTime(new Date()),
  );
  const [participants, setParticipants] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<DrillOutcome>('succeeded');
  const [recoveryMinutes, setRecoveryMinutes] = useState('');
  const [notes, setNotes] = useState('');

  const [saved, save] = useAsyncFn(async () => {
    const record: DrillRecordInput = {
      performedAt: isoTime(performedAt),
      participants,
      outcome,
      recoveryMinutes: recoveryMinutes.trim() ? Number(recoveryMinutes) : null,
      notes,
    };
    let drill: Drill;
    if (mode.kind === 'record') {
      drill = await sreApi.recordDrill(groupRef, mode.drill.id, record);
    } else {
      drill = await sreApi.planDrill(groupRef, {
        scenario,
        title: title.trim(),
        entityRefs,
        ...(mode.kind === 'plan'
          ? { plannedFor: plannedFor || null }
          : { record }),
      });
    }
    confirm(
      t(records ? 'drills.form.recorded' : 'drills.form.planned', {
        title: drill.title,
      }),
    );
    onSaved(drill);
  }, [
    sreApi,
    groupRef,
    mode,
    scenario,
    title,
    entityRefs,
    plannedFor,
    performedAt,
    participants,
    outcome,
    recoveryMinutes,
    notes,
    records,
    confirm,
    t,
    onSaved,
  ]);
  const problem = saved.error && fieldError(saved.error, FIELDS, 'record');
  const helper = (name: Field) =>
    problem?.field === name
      ? { error: true, helperText: problem.message }
      : { error: false };
  const common = (name: Field) => ({
    id: `${id}-${name}`,
    ...helper(name),
    disabled: saved.loading,
    fullWidth: true,
    margin: 'dense' as const,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  let heading: string = t('drills.form.planTitle');
  if (mode.kind === 'took-place') heading = t('drills.form.tookPlaceTitle');
  if (mode.kind === 'record') {
    heading = t('drills.form.recordTitle', { title: mode.drill.title });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={`${id}-heading`}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit}>
        <DialogTitle id={`${id}-heading`}>{heading}</DialogTitle>
        <DialogContent>
          {plans && (
            <>
              <TextField
                {...common('scenario')}
                select
                label={t('drills.form.scenario')}
                value={scenario}
                onChange={e => setScenario(e.target.value as DrillScenario)}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
              >
                {DRILL_SCENARIOS.map(value => (
                  <option key={value} value={value}>
                    {t(`drills.scenario.${value}`)}
                  </option>
                ))}
              </TextField>
              <TextField
                {...common('title')}
                required
                label={t('drills.form.title')}
                value={title}
                onChange={e => setTitle(e.target.value)}
              />
              <CheckboxChoices
                label={t('drills.form.services')}
                empty={t('drills.form.noServices')}
                options={team.services.map(s => ({
                  value: s.entityRef,
                  label: s.title,
                }))}
                selected={entityRefs}
                onToggle={ref => setEntityRefs(list => toggled(list, ref))}
                disabled={saved.loading}
                error={problem?.field === 'entityRefs' ? problem.message : ''}
              />
            </>
          )}
          {mode.kind === 'plan' && (
            <TextField
              {...common('plannedFor')}
              type="date"
              label={t('drills.form.day')}
              value={plannedFor}
              onChange={e => setPlannedFor(e.target.value)}
              InputLabelProps={{ shrink: true }}
            />
          )}
          {records && (
            <>
              <TextField
                {...common('performedAt')}
                required
                type="datetime-local"
                label={t('drills.form.performedAt')}
                value={performedAt}
                onChange={e => setPerformedAt(e.target.value)}
                InputLabelProps={{ shrink: true }}
              />
              <CheckboxChoices
                label={t('drills.form.participants')}
                empty={t('drills.form.noMembers')}
                options={team.members.map(m => ({
                  value: m.userRef,
                  label: m.name,
                }))}
                selected={participants}
                onToggle={ref => setParticipants(list => toggled(list, ref))}
                disabled={saved.loading}
                error={problem?.field === 'participants' ? problem.message : ''}
              />
              <TextField
                {...common('outcome')}
                select
                label={t('drills.form.outcome')}
                value={outcome}
                onChange={e => setOutcome(e.target.value as DrillOutcome)}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
              >
                {DRILL_OUTCOMES.map(value => (
                  <option key={value} value={value}>
                    {t(`drills.outcome.${value}`)}
                  </option>
                ))}
              </TextField>
              <TextField
                {...common('recoveryMinutes')}
                type="number"
                inputProps={{ min: 0, step: 1 }}
                label={t('drills.form.recoveryMinutes')}
                value={recoveryMinutes}
                onChange={e => setRecoveryMinutes(e.target.value)}
              />
              <TextField
                {...common('notes')}
                multiline
                minRows={3}
                label={t('drills.form.notes')}
                value={notes}
                onChange={e => setNotes(e.target.value)}
              />
            </>
          )}
          {saved.error && !problem?.field && (
            <Alert severity="error">
              {t('drills.form.failed', {
                error: drillChangeError(t, saved.error),
              })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('drills.form.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saved.loading}
          >
            {records
              ? t('drills.form.recordSubmit')
              : t('drills.form.planSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** A labelled group of checkboxes (the team's services, or its people), with the backend's complaint under it. */
function CheckboxChoices(props: {
  label: string;
  empty: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onToggle(value: string): void;
  disabled: boolean;
  error: string;
}) {
  const id = useId();
  return (
    <FormControl
      component="fieldset"
      margin="dense"
      error={Boolean(props.error)}
      fullWidth
    >
      <FormLabel component="legend" id={id}>
        {props.label}
      </FormLabel>
      {props.options.length ? (
        <FormGroup aria-labelledby={id} row>
          {props.options.map(option => (
            <FormControlLabel
              key={option.value}
              control={
                <Checkbox
                  checked={props.selected.includes(option.value)}
                  onChange={() => props.onToggle(option.value)}
                  disabled={props.disabled}
                />
              }
              label={option.label}
            />
          ))}
        </FormGroup>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      )}
      {props.error && <FormHelperText>{props.error}</FormHelperText>}
    </FormControl>
  );
}
