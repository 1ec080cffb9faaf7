import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Steps up from a team: the team, its parent, the parent's parent… */
const MAX_DEPTH = 10;

const targets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);

/**
 * Who counts as an owner of something owned by `ownerRefs`: each owning
 * User; each owning Group, every Group above it, and the members of all of
 * them. Permission rules match a caller's claims (their user ref and the
 * groups their sign-in resolved) against this list, so a portal whose
 * sign-in puts only the user ref in the claims works too.
 */
export async function ownershipClaims(
  options: { catalog: CatalogService; auth: AuthService },
  ownerRefs: string[],
): Promise<string[]> {
  const credentials = await options.auth.getOwnServiceCredentials();
  const claims = new Set<string>();
  let next = ownerRefs;
  for (let depth = 0; depth < MAX_DEPTH && next.length; depth++) {
    const fresh = [...new Set(next)].filter(ref => !claims.has(ref));
    fresh.forEach(ref => claims.add(ref));
    if (!fresh.length) break;
    const { items } = await options.catalog.getEntitiesByRefs(
      { entityRefs: fresh, fields: ['kind', 'relations'] },
      { credentials },
    );
    next = [];
    for (const item of items) {
      if (!item || item.kind.toLocaleLowerCase('en-US') !== 'group') continue;
      targets(item, RELATION_HAS_MEMBER).forEach(member => claims.add(member));
      next.push(...targets(item, RELATION_CHILD_OF));
    }
  }
  return [...claims].sort();
}

/** The ownership claims of whoever owns any of the entities. */
export async function entityOwnershipClaims(
  options: { catalog: CatalogService; auth: AuthService },
  entityRefs: string[],
): Promise<string[]> {
  if (!entityRefs.length) return [];
  const { items } = await options.catalog.getEntitiesByRefs(
    { entityRefs, fields: ['kind', 'relations'] },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  return ownershipClaims(
    options,
    items.flatMap(item => (item ? targets(item, RELATION_OWNED_BY) : [])),
  );
}
