import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the status of Baton's sources and scheduled pulls (`GET /sources`):
 * their last errors name hosts and configuration, so the shipped policy
 * allows it to `sre.admins` only.
 * @public
 */
export const sourceStatusReadPermission = createPermission({
  name: 'sre.source-status.read',
  attributes: { action: 'read' },
});
