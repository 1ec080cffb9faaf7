import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** Which catalog method was called, and on whose behalf. */
export interface CatalogCall {
  method: 'getEntityByRef' | 'getEntitiesByRefs' | 'getEntities';
  principal: 'user' | 'service' | 'none';
}

/**
 * An in-memory catalog that, like the real one under a permission policy,
 * hides entities from some users: `hidden(userRef, entityRef)` is true for
 * each entity a user may not read. Services (the plugin itself) see all.
 * `entities` may be a function, read on every call, for a catalog that
 * changes; `onCall` sees each read.
 */
export function visibilityCatalogFactory(
  entities: Entity[] | (() => Entity[]),
  hidden: (userRef: string, entityRef: string) => boolean,
  onCall?: (call: CatalogCall) => void,
) {
  const fixed =
    typeof entities === 'function'
      ? undefined
      : catalogServiceMock({ entities });
  const current = () =>
    fixed ?? catalogServiceMock({ entities: (entities as () => Entity[])() });
  const record = (
    method: CatalogCall['method'],
    credentials: BackstageCredentials | undefined,
  ) => {
    const type = (credentials?.principal as { type?: string } | undefined)
      ?.type;
    onCall?.({
      method,
      principal: type === 'user' || type === 'service' ? type : 'none',
    });
  };
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
      record('getEntityByRef', options.credentials);
      const inner = current();
      // The full entity, so that a fields-limited caller is still judged by its ref.
      const entity = await inner.getEntityByRef(ref, options);
      return canSee(options.credentials, entity) ? entity : undefined;
    },
    async getEntitiesByRefs(request, options) {
      record('getEntitiesByRefs', options.credentials);
      const inner = current();
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
      record('getEntities', options.credentials);
      const inner = current();
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
      new Proxy({} as CatalogService, {
        get: (_target, key) => {
          if (key in catalog) return catalog[key as keyof typeof catalog];
          const inner = current();
          const value = Reflect.get(inner, key);
          return typeof value === 'function' ? value.bind(inner) : value;
        },
      }),
  });
}
