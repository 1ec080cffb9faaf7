import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_IAC,
  ANNOTATION_REPOS,
  ANNOTATION_TERRAFORM_WORKSPACES,
  isServiceKind,
} from '@baton/plugin-sre-common';

/** The annotations through which Baton's sources find an entity's changes. */
export const CHANGE_SOURCE_ANNOTATIONS = [
  ANNOTATION_REPOS,
  ANNOTATION_IAC,
  ANNOTATION_TERRAFORM_WORKSPACES,
] as const;

/** Whether the entity names where its changes come from (repositories, infrastructure code or Terraform workspaces). */
export const hasChangeSource = (entity: Entity): boolean =>
  CHANGE_SOURCE_ANNOTATIONS.some(annotation =>
    Boolean(entity.metadata.annotations?.[annotation]?.trim()),
  );

/**
 * Whether the entity can have production changes: components, systems and
 * resources. `baton record-change` and the webhook record changes of any of
 * them, so none needs an annotation. @public
 */
export const isChangesAvailable = (entity: Entity): boolean =>
  isServiceKind(entity.kind);
