import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_REPOS,
  ANNOTATION_SOURCE_LOCATION,
} from '@baton/plugin-sre-common';

/** Whether the entity names the repositories its knowledge lives in. @public */
export const isReadyForLeaveAvailable = (entity: Entity): boolean =>
  Boolean(
    entity.metadata.annotations?.[ANNOTATION_REPOS] ??
      entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION],
  );
