import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_COST_TAGS } from '@baton/plugin-sre-common';
import { BatonCard } from '../components/BatonCard';

/** The entity's spend, its change vs the previous period, drivers and forecast. @public */
export function EntityCostCard() {
  const { entity } = useEntity();
  const tags =
    entity.metadata.annotations?.[ANNOTATION_COST_TAGS] ??
    `service=${entity.metadata.name}`;
  return (
    <BatonCard
      title="Cost"
      placeholder={{
        kind: 'no-data',
        title: 'No cost rows imported yet',
        description: `Spend tagged ${tags} appears here once a cost source has been imported. Set ${ANNOTATION_COST_TAGS} to allocate other tags.`,
      }}
    />
  );
}
