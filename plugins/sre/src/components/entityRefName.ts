import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The name part of an entity ref, e.g. `group:default/team-checkout` →
 * `team-checkout`; the text as it is when it is no ref.
 */
export function entityRefName(ref: string, defaultKind: string): string {
  try {
    return parseEntityRef(ref, { defaultKind }).name;
  } catch {
    return ref;
  }
}
