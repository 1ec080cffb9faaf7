import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * An in-memory catalog that, like the real one under a permission policy,
 * hides entities from some users: `hidden(userRef, entityRef)` is true for
 * each entity a user may not read. Services (the plugin itself) see all.
 */
export function visibilityCatalogFactory(
  entities: Entity[],
  hidden: (userRef: string, entityRef: string) => boolean,
) {
  const inner = catalogServiceMock({ entities });
  const canSee = (
    credentials: BackstageCredentials | undefined,
    entity: Entity | undefined | null,
  ) => {
    if (!entity) return false;
    const principal = credentials?.principal as
      | { type: string; userEntityRef?: string }
      | undefined;
    if (principal?.type !== 'user') return true;
    return !hidden(principal.userEntityRef!, stringifyEntityRef(entity));
  };
  const catalog: Pick<
    CatalogService,
    'getEntityByRef' | 'getEntitiesByRefs' | 'getEntities'
  > = {
    async getEntityByRef(ref, options) {
      // The full entity, so that a fields-limited caller is still judged by its ref.
      const entity = await inner.getEntityByRef(ref, options);
      return canSee(options.credentials, entity) ? entity : undefined;
    },
    async getEntitiesByRefs(request, options) {
      const full = await inner.getEntitiesByRefs(
        { entityRefs: request.entityRefs },
        options,
      );
      const limited = await inner.getEntitiesByRefs(request, options);
      return {
        items: limited.items.map((item, index) =>
          canSee(options.credentials, full.items[index]) ? item : undefined,
        ),
      };
    },
    async getEntities(request, options) {
      const { items } = await inner.getEntities(
        { ...request, fields: undefined },
        options,
      );
      const visible = new Set(
        items
          .filter(item => canSee(options.credentials, item))
          .map(item => stringifyEntityRef(item)),
      );
      const limited = await inner.getEntities(request, options);
      return {
        items: limited.items.filter((_item, index) =>
          visible.has(stringifyEntityRef(items[index])),
        ),
      };
    },
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      new Proxy(inner as unknown as CatalogService, {
        get: (target, key) =>
          key in catalog
            ? catalog[key as keyof typeof catalog]
            : Reflect.get(target, key),
      }),
  });
}
