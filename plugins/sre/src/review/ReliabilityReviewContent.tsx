import { GroupEntityContent } from '../components/GroupEntityContent';
import { useSreText } from '../language';
import { ReliabilityReview } from './ReliabilityReview';

/** The reliability-review tab of a Group entity page. @public */
export function ReliabilityReviewContent() {
  const { t } = useSreText();
  return (
    <GroupEntityContent
      notGroupTitle={t('review.notGroupTitle')}
      notGroup={kind => t('review.notGroup', { kind })}
    >
      {groupRef => <ReliabilityReview key={groupRef} groupRef={groupRef} />}
    </GroupEntityContent>
  );
}
