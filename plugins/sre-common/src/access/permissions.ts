import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of access-review items, for conditional decisions. @public */
export const ACCESS_REVIEW_ITEM_RESOURCE_TYPE = 'sre-access-review-item';

/** Creating a campaign (and closing it). @public */
export const accessReviewCreatePermission = createPermission({
  name: 'sre.access-review.create',
  attributes: { action: 'create' },
});

/** Reading campaigns, their items, audit log and evidence. @public */
export const accessReviewReadPermission = createPermission({
  name: 'sre.access-review.read',
  attributes: { action: 'read' },
});

/**
 * Deciding keep / revoke / transfer on an access-review item. A resource
 * permission: a policy can allow it only where the rule "is a reviewer of
 * this item" holds. The backend refuses non-reviewers whatever the policy.
 * @public
 */
export const accessReviewDecidePermission = createPermission({
  name: 'sre.access-review.decide',
  attributes: { action: 'update' },
  resourceType: ACCESS_REVIEW_ITEM_RESOURCE_TYPE,
});

/** Every permission the sre plugin defines. @public */
export const srePermissions = [
  accessReviewCreatePermission,
  accessReviewReadPermission,
  accessReviewDecidePermission,
];
