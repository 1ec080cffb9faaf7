import type { Entity } from '@backstage/catalog-model';
import { isServiceKind } from '@baton/plugin-sre-common';

/**
 * Whether the entity can have spend: components, systems and resources.
 * Spend is allocated by the tag `service=<name>` by default (or by the
 * `baton.dev/cost-tags` annotation), so every service qualifies without
 * any annotation. @public
 */
export const isCostAvailable = (entity: Entity): boolean =>
  isServiceKind(entity.kind);
