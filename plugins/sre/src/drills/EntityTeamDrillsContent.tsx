import { GroupEntityContent } from '../components/GroupEntityContent';
import { useSreText } from '../language';
import { TeamDrills } from './TeamDrills';

/** The Drills tab of a Group entity page. @public */
export function EntityTeamDrillsContent() {
  const { t } = useSreText();
  return (
    <GroupEntityContent
      notGroupTitle={t('drills.notGroupTitle')}
      notGroup={kind => t('drills.notGroup', { kind })}
    >
      {groupRef => <TeamDrills key={groupRef} groupRef={groupRef} />}
    </GroupEntityContent>
  );
}
