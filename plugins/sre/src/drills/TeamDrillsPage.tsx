import { TeamPickerPage } from '../components/TeamPickerPage';
import { useSreText } from '../language';
import { TeamDrills } from './TeamDrills';

/** The team's drills as a page of its own, with a team picker (`?team=`). @public */
export function TeamDrillsPage() {
  const { t } = useSreText();
  return (
    <TeamPickerPage label={t('drills.teamPicker')}>
      {groupRef => <TeamDrills key={groupRef} groupRef={groupRef} />}
    </TeamPickerPage>
  );
}
