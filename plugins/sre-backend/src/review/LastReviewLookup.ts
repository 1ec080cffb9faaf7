import type { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ReviewSummary } from '@baton/plugin-sre-common';
import { ReviewStore } from './ReviewStore';

/**
 * The last finished review of a team, or of the teams owning an entity:
 * where the cards' default range starts.
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

  /** Undefined when the entity is unknown or its owners never finished a review. */
  async forEntity(entityRef: string): Promise<ReviewSummary | undefined> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    const owners = (entity?.relations ?? [])
      .filter(relation => relation.type === RELATION_OWNED_BY)
      .map(relation => relation.targetRef);
    return this.options.store.lastFinished(owners);
  }
}
