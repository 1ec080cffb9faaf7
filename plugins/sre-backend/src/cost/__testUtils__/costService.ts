import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_COST_TAGS } from '@baton/plugin-sre-common';
import type { Knex } from 'knex';
import { SelectorEntityMapper } from '../../catalog/SelectorEntityMapper';
import { CostService } from '../CostService';
import { CostSourceRegistry } from '../CostSourceRegistry';
import { DatabaseCostStore } from '../CostStore';

/** A CostService over a migrated database and a catalog, without sources, reporting effective cost. */
export function costServiceOver(options: {
  knex: Knex;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): CostService {
  const { catalog, auth } = options;
  return new CostService({
    store: DatabaseCostStore.create(options.knex),
    sources: new CostSourceRegistry(),
    mapper: new SelectorEntityMapper({
      catalog,
      auth,
      selectorAnnotation: ANNOTATION_COST_TAGS,
    }),
    catalog,
    auth,
    logger: options.logger,
    metric: 'effective',
  });
}
