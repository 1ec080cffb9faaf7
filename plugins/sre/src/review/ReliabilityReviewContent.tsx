import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSreText } from '../language';
import { ReliabilityReview } from './ReliabilityReview';

/** The reliability-review tab of a Group entity page. @public */
export function ReliabilityReviewContent() {
  const { entity } = useEntity();
  const { t } = useSreText();
  if (entity.kind.toLocaleLowerCase('en-US') !== 'group') {
    return (
      <EmptyState
        missing="info"
        title={t('review.notGroupTitle')}
        description={t('review.notGroup', { kind: entity.kind })}
      />
    );
  }
  const groupRef = stringifyEntityRef(entity);
  return <ReliabilityReview key={groupRef} groupRef={groupRef} />;
}
