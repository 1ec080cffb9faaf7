import type { ReviewSummary } from '@baton/plugin-sre-common';
import type { LastReviewSource } from '../alerts/AlertService';
import type { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { ReviewStore } from './ReviewStore';

/** Steps up from an entity's owner: the owner, its parent team, the parent's parent… */
const MAX_DEPTH = 5;

/**
 * The last finished review of a team, or the one covering an entity: where
 * the cards' default range starts.
 */
export class LastReviewLookup implements LastReviewSource {
  constructor(
    private readonly options: {
      store: ReviewStore;
      /** The process's catalog snapshot: owners and the team tree. */
      catalog: CatalogSnapshot;
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
    const index = await this.options.catalog.currentWith(entityRef);
    if (!index.byRef.has(entityRef)) return undefined;
    return this.options.store.lastFinished(
      index.ownerTeams(entityRef, MAX_DEPTH),
    );
  }
}
