import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ReviewSummary } from '@baton/plugin-sre-common';
import { ReviewStore } from './ReviewStore';

/** Steps up from an entity's owner: the owner, its parent team, the parent's parent… */
const MAX_DEPTH = 5;

const targets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);

/**
 * The last finished review of a team, or the one covering an entity: where
 * the cards' default range starts.
 */
export class LastReviewLookup {
  constructor(
    private readonly options: {
      store: ReviewStore;
      catalog: CatalogService;
      auth: AuthService;
    },
  ) {}

  async forTeam(teamRef: string): Promise<ReviewSummary | undefined> {
    return this.options.store.lastFinished([teamRef]);
  }

  /**
   * The newest review of the entity's owner or of a team above it: a team
   * that reviews its squads' services (its sub-groups', or its members')
   * covers them. Undefined when the entity is unknown or no such team
   * finished a review.
   */
  async forEntity(entityRef: string): Promise<ReviewSummary | undefined> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) return undefined;
    const teams = new Set<string>();
    let next = targets(entity, RELATION_OWNED_BY);
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const fresh = next.filter(ref => !teams.has(ref));
      if (!fresh.length) break;
      fresh.forEach(ref => teams.add(ref));
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: fresh, fields: ['kind', 'relations'] },
        { credentials },
      );
      // A group's parent; a user owner's own groups.
      next = items.flatMap(item => {
        if (!item) return [];
        return item.kind.toLocaleLowerCase('en-US') === 'user'
          ? targets(item, RELATION_MEMBER_OF)
          : targets(item, RELATION_CHILD_OF);
      });
    }
    return this.options.store.lastFinished([...teams]);
  }
}
