/**
 * The catalog kinds Baton serves as services (lower case): it puts its
 * cards on them, routes `service=<name>` alerts and allocates spend to
 * them, and reports on them as what a team owns.
 * @public
 */
export const SERVICE_KINDS: readonly string[] = [
  'component',
  'system',
  'resource',
];

/** Whether an entity of this kind (any case) is one Baton serves. @public */
export const isServiceKind = (kind: string): boolean =>
  SERVICE_KINDS.includes(kind.toLocaleLowerCase('en-US'));
