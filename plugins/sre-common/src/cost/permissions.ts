import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Uploading a cost file (`POST /costs/import`). An upload replaces the days
 * it covers of its own `upload:<name>` source only, never a configured pull
 * source.
 * @public
 */
export const costImportPermission = createPermission({
  name: 'sre.cost.import',
  attributes: { action: 'create' },
});
