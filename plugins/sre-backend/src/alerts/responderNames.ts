import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** The name a catalog User goes by: its profile's display name, else its title, else its name. */
function catalogName(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  const displayName =
    typeof profile?.displayName === 'string' ? profile.displayName.trim() : '';
  return displayName || entity.metadata.title || entity.metadata.name;
}

/**
 * The catalog names of the people who acknowledged alerts, by user ref, in
 * one catalog read; a ref the catalog does not know is left out (the card
 * then shows the ref's name part).
 */
export async function responderNames(
  options: { catalog: CatalogService; auth: AuthService },
  userRefs: Iterable<string>,
): Promise<Record<string, string>> {
  const refs = [...new Set(userRefs)].sort();
  if (!refs.length) return {};
  const { items } = await options.catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile',
      ],
    },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  const names: Record<string, string> = {};
  items.forEach((entity, index) => {
    if (entity?.kind.toLocaleLowerCase('en-US') !== 'user') return;
    names[refs[index]] = catalogName(entity);
  });
  return names;
}

/** The names an item needs: those of its own responders. */
export function namesOf(
  acknowledgedBy: string[],
  names: Record<string, string>,
): Record<string, string> | undefined {
  const own = acknowledgedBy.filter(ref => names[ref] !== undefined);
  return own.length
    ? Object.fromEntries(own.map(ref => [ref, names[ref]]))
    : undefined;
}
