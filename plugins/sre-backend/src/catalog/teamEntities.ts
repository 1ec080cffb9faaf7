import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog kinds Baton reports on as a team's services (lower case). */
export const TEAM_ENTITY_KINDS = ['component', 'system', 'resource'];

const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);

/**
 * The Components, Systems and Resources a team owns, the way the bus-factor
 * report and the review agenda count them: owned by the Group, by any group
 * below it, or by any of their members. Sorted refs.
 */
export async function teamEntityRefs(
  options: { catalog: CatalogService; auth: AuthService },
  teamRef: string,
): Promise<string[]> {
  const credentials = await options.auth.getOwnServiceCredentials();
  const groups = new Set<string>();
  const members = new Set<string>();
  let frontier = [teamRef];
  // One catalog read per level of the tree; a cycle in parentOf stops at the seen set.
  while (frontier.length) {
    frontier.forEach(ref => groups.add(ref));
    const { items } = await options.catalog.getEntitiesByRefs(
      { entityRefs: frontier, fields: ['kind', 'metadata', 'relations'] },
      { credentials },
    );
    const next = new Set<string>();
    for (const group of items) {
      if (!group) continue;
      relationTargets(group, RELATION_HAS_MEMBER).forEach(m => members.add(m));
      relationTargets(group, RELATION_PARENT_OF)
        .filter(child => !groups.has(child))
        .forEach(child => next.add(child));
    }
    frontier = [...next];
  }
  const { items: owned } = await options.catalog.getEntities(
    {
      // Kinds are filtered here: one array-valued filter key per request is
      // what every catalog client (the test mock too) reads the same way.
      filter: { 'relations.ownedBy': [...groups, ...members] },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  return owned
    .filter(e => TEAM_ENTITY_KINDS.includes(e.kind.toLocaleLowerCase('en-US')))
    .map(entity => stringifyEntityRef(entity))
    .sort();
}
