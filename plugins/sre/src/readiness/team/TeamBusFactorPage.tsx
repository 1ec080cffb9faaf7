import { TeamPickerPage } from '../../components/TeamPickerPage';
import { useSreText } from '../../language';
import { TeamBusFactorReport } from './TeamBusFactorReport';

/** The team bus-factor report as a page of its own, with a team picker. @public */
export function TeamBusFactorPage() {
  const { t } = useSreText();
  return (
    <TeamPickerPage label={t('team.teamPicker')}>
      {groupRef => <TeamBusFactorReport key={groupRef} groupRef={groupRef} />}
    </TeamPickerPage>
  );
}
