import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Catalog User refs as full refs (`jane` → `user:default/jane`), each
 * checked to exist; a 400 names the field of the first that is not a User.
 */
export async function resolveUserRefs(
  options: { catalog: CatalogService; auth: AuthService },
  refs: Array<{ field: string; ref: string }>,
): Promise<string[]> {
  const normalised = refs.map(({ field, ref }) => {
    try {
      const parsed = parseEntityRef(ref, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      });
      if (parsed.kind.toLocaleLowerCase('en-US') !== 'user') {
        throw new Error(`${ref} is a ${parsed.kind}, not a user`);
      }
      return stringifyEntityRef(parsed);
    } catch (error) {
      throw new InputError(`${field}: ${(error as Error).message}`);
    }
  });
  if (!normalised.length) return [];
  const { items } = await options.catalog.getEntitiesByRefs(
    { entityRefs: normalised, fields: ['kind'] },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  items.forEach((item, index) => {
    if (!item) {
      throw new InputError(
        `${refs[index].field}: no user ${normalised[index]} in the catalog`,
      );
    }
  });
  return normalised;
}
