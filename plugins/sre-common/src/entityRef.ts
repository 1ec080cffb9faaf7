import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The `{kind}/{namespace}/{name}` path form of an entity ref that the REST
 * API uses, so refs need no URL-encoding of `:`.
 * @public
 */
export function entityRefToPath(ref: CompoundEntityRef | string): string {
  const { kind, namespace, name } =
    typeof ref === 'string' ? parseEntityRef(ref) : ref;
  return [kind, namespace, name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/');
}

/**
 * The string entity ref (`kind:namespace/name`) for the three path segments of
 * the REST API; throws a TypeError naming the bad segment.
 * @public
 */
export function entityRefFromPath(
  kind: string,
  namespace: string,
  name: string,
): string {
  const segments = { kind, namespace, name };
  for (const [field, value] of Object.entries(segments)) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/.test(value)) {
      throw new TypeError(
        `Invalid entity ref segment '${field}': '${value}' must be 1-253 letters, digits, '.', '_' or '-'`,
      );
    }
  }
  return stringifyEntityRef({ kind, namespace, name });
}
