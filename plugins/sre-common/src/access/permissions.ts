import { createPermission } from '@backstage/plugin-permission-common';

/** Deciding keep / revoke / transfer on an access-review item. @public */
export const accessReviewDecidePermission = createPermission({
  name: 'sre.access-review.decide',
  attributes: { action: 'update' },
});

/** Every permission the sre plugin defines. @public */
export const srePermissions = [accessReviewDecidePermission];
