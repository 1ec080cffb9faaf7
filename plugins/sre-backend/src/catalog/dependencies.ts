import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { CatalogIndex, isKind, relationTargets } from './CatalogSnapshot';

/** An entity another depends on, with its ref. */
export interface Dependency {
  ref: string;
  entity: Entity;
}

/**
 * What an entity depends on (spec.dependsOn) that the snapshot holds and,
 * when `readable` is given, the caller may read: Baton counts nothing
 * through an entity the caller's catalog hides.
 */
export function dependenciesOf(
  index: CatalogIndex,
  entity: Entity,
  readable?: Set<string>,
): Dependency[] {
  return relationTargets(entity, RELATION_DEPENDS_ON).flatMap(ref => {
    const target = index.byRef.get(ref);
    return target && (!readable || readable.has(ref))
      ? [{ ref, entity: target }]
      : [];
  });
}

/**
 * The Resources whose backups and restore drills count for a Component
 * too: a service usually keeps its data in a database it depends on, not
 * in backups of its own. Only a Component's: a Resource that depends on
 * another (a bucket on its key) does not hold the other's data.
 */
export function evidenceResourcesOf(
  entity: Entity,
  dependencies: Dependency[],
): Dependency[] {
  if (!isKind(entity, 'component')) return [];
  return dependencies.filter(dependency =>
    isKind(dependency.entity, 'resource'),
  );
}
