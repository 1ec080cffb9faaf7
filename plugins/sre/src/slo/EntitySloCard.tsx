import { Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_OPENSLO } from '@baton/plugin-sre-common';
import { BatonCard } from '../components/BatonCard';

/** Whether the entity declares its SLOs with `baton.dev/openslo`. @public */
export const isSloAvailable = (entity: Entity): boolean =>
  Boolean(entity.metadata.annotations?.[ANNOTATION_OPENSLO]);

/** Each SLO of the entity: objective, SLI, error budget and burn rates. @public */
export function EntitySloCard() {
  const { entity } = useEntity();
  const file = entity.metadata.annotations?.[ANNOTATION_OPENSLO];
  return (
    <BatonCard
      title="Service level objectives"
      placeholder={
        file
          ? {
              kind: 'no-data',
              title: 'No SLI data collected yet',
              description: `SLOs are declared in ${file}. Their error budget and burn rates appear here once the backend has read the SLI source.`,
            }
          : { kind: 'not-configured', annotation: ANNOTATION_OPENSLO }
      }
    />
  );
}
