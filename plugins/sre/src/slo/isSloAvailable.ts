import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_OPENSLO } from '@baton/plugin-sre-common';

/** Whether the entity declares its SLOs with `baton.dev/openslo`. @public */
export const isSloAvailable = (entity: Entity): boolean =>
  Boolean(entity.metadata.annotations?.[ANNOTATION_OPENSLO]);
