import type { Entity } from '@backstage/catalog-model';

/** The kinds that own protected resources: services, and the databases and buckets themselves. */
const BACKUP_KINDS = ['component', 'resource'];

/**
 * Whether the entity can have backups: components and resources. Backup
 * sources map resources to it by the tag `service=<name>` by default (or
 * `baton.dev/backup-selector`, or ARNs in `baton.dev/backup-resources`), so
 * none needs an annotation. @public
 */
export const isBackupsAvailable = (entity: Entity): boolean =>
  BACKUP_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
