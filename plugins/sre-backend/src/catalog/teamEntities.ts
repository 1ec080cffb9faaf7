import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogSnapshot } from './CatalogSnapshot';

/**
 * The Components, Systems and Resources a team owns, the way the bus-factor
 * report and the review agenda count them: owned by the Group, by any group
 * below it, or by any of their members. Sorted refs, from the alert or cost
 * mapper's catalog snapshot (the process's shared one), not a catalog read
 * per request; the caller's visibility filter still applies afterwards.
 */
export async function teamEntityRefs(
  options: { mapper: { readonly snapshot: CatalogSnapshot } },
  teamRef: string,
): Promise<string[]> {
  const index = await options.mapper.snapshot.current();
  return index
    .teamServices(teamRef)
    .map(entity => stringifyEntityRef(entity))
    .sort();
}
