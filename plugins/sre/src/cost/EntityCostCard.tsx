import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_COST_TAGS } from '@baton/plugin-sre-common';
import { BatonCard } from '../components/BatonCard';
import { useSreText } from '../language';

/** The entity's spend, its change vs the previous period, drivers and forecast. @public */
export function EntityCostCard() {
  const { entity } = useEntity();
  const { t } = useSreText();
  const tags =
    entity.metadata.annotations?.[ANNOTATION_COST_TAGS] ??
    `service=${entity.metadata.name}`;
  return (
    <BatonCard
      title={t('cost.card.title')}
      placeholder={{
        kind: 'no-data',
        title: t('cost.card.noDataTitle'),
        description: t('cost.card.noDataDescription', {
          tags,
          annotation: ANNOTATION_COST_TAGS,
        }),
      }}
    />
  );
}
