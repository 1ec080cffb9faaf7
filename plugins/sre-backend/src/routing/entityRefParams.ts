import { InputError } from '@backstage/errors';
import { entityRefFromPath } from '@baton/plugin-sre-common';

/** The entity ref of a `/entities/:kind/:namespace/:name/…` route; a 400 names the bad segment. */
export function entityRefFromParams(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): string {
  try {
    return entityRefFromPath(
      params.kind ?? '',
      params.namespace ?? '',
      params.name ?? '',
    );
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}
