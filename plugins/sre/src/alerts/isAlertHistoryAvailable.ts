import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ALERT_SELECTOR,
  isServiceKind,
} from '@baton/plugin-sre-common';

/** The entity's own `baton.dev/alert-selector`, if it sets one. */
export const alertSelector = (entity: Entity) =>
  entity.metadata.annotations?.[ANNOTATION_ALERT_SELECTOR]?.trim();

/** Whether alerts can reach the entity: it sets `baton.dev/alert-selector`, or its name can match a `service` label. @public */
export const isAlertHistoryAvailable = (entity: Entity): boolean =>
  Boolean(alertSelector(entity)) || isServiceKind(entity.kind);
