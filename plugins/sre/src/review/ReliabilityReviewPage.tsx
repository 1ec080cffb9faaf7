import { TeamPickerPage } from '../components/TeamPickerPage';
import { useSreText } from '../language';
import { ReliabilityReview } from './ReliabilityReview';

/** The reliability review as a page of its own, with a team picker. @public */
export function ReliabilityReviewPage() {
  const { t } = useSreText();
  return (
    <TeamPickerPage label={t('review.teamPicker')}>
      {groupRef => <ReliabilityReview key={groupRef} groupRef={groupRef} />}
    </TeamPickerPage>
  );
}
