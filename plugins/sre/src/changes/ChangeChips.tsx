import {
  actualPairs,
  actualReviewers,
  type ChangeItem,
  type ChangeOutcome,
} from '@baton/plugin-sre-common';
import {
  ToneChipList,
  type Tone,
  type ToneChipSpec,
} from '../components/ToneChip';
import { usePersonName } from '../components/PeopleNames';
import { useSreText } from '../language';

const OUTCOME_TONES: Record<ChangeOutcome, Tone> = {
  succeeded: 'good',
  failed: 'bad',
  'rolled-back': 'bad',
  'in-progress': 'neutral',
};

/**
 * What the rules found about a change, as chips: paired or solo, reviewed
 * procedure or not, off-hours, its outcome, and the alerts that followed.
 * Each comes from the change's `findings`, as the card's counts do.
 */
export function ChangeChips({ change }: { change: ChangeItem }) {
  const { t, format } = useSreText();
  const personName = usePersonName();
  const names = (people: Array<{ value: string; userRef: string | null }>) =>
    format.list(people.map(p => (p.userRef ? personName(p.userRef) : p.value)));
  const found = new Set(change.findings);
  const specs: ToneChipSpec[] = [
    found.has('solo')
      ? {
          key: 'solo',
          tone: 'warning',
          label: t('changes.chip.solo'),
          help: t('changes.chip.soloHelp'),
        }
      : {
          key: 'paired',
          tone: 'good',
          label: t('changes.chip.paired'),
          help: t('changes.chip.pairedHelp', {
            people: names(actualPairs(change)),
          }),
        },
    found.has('unreviewed-procedure')
      ? {
          key: 'unreviewed',
          tone: 'warning',
          label: t('changes.chip.unreviewed'),
          help: t('changes.chip.unreviewedHelp'),
        }
      : {
          key: 'reviewed',
          tone: 'good',
          label: t('changes.chip.reviewed'),
          help: t('changes.chip.reviewedHelp', {
            people: names(actualReviewers(change)),
          }),
        },
  ];
  if (found.has('off-hours')) {
    specs.push({
      key: 'off-hours',
      tone: 'warning',
      label: t('changes.chip.offHours'),
      help: t('changes.chip.offHoursHelp'),
    });
  }
  const outcome = t(`changes.outcome.${change.outcome}`);
  specs.push({
    key: 'outcome',
    tone: OUTCOME_TONES[change.outcome] ?? 'neutral',
    label: outcome,
    help: outcome,
  });
  if (found.has('followed-by-alerts')) {
    specs.push({
      key: 'alerts',
      tone: 'bad',
      label: t('changes.chip.followedByAlerts', {
        count: change.alertsAfter.length,
      }),
      help: t('changes.chip.followedByAlertsHelp', {
        titles: format.list(change.alertsAfter.map(alert => alert.title)),
      }),
    });
  }
  return <ToneChipList label={t('changes.chip.label')} chips={specs} />;
}
