import { Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_REPOS,
  ANNOTATION_SOURCE_LOCATION,
} from '@baton/plugin-sre-common';
import { BatonCard } from '../components/BatonCard';

/** Whether the entity names the repositories its knowledge lives in. @public */
export const isReadyForLeaveAvailable = (entity: Entity): boolean =>
  Boolean(
    entity.metadata.annotations?.[ANNOTATION_REPOS] ??
      entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION],
  );

/** The "ready for leave" score: checks, truck factor and who holds the knowledge. @public */
export function EntityReadyForLeaveCard() {
  const { entity } = useEntity();
  return (
    <BatonCard
      title="Ready for leave"
      placeholder={
        isReadyForLeaveAvailable(entity)
          ? {
              kind: 'no-data',
              title: 'Not scored yet',
              description:
                'The score, the truck factor and who holds the knowledge appear here once the backend has read the repository history and the entity’s checks.',
            }
          : { kind: 'not-configured', annotation: ANNOTATION_REPOS }
      }
    />
  );
}
