import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of access-review items, for conditional decisions. @public */
export const ACCESS_REVIEW_ITEM_RESOURCE_TYPE = 'sre-access-review-item';

/** Starting a campaign. @public */
export const accessReviewCreatePermission = createPermission({
  name: 'sre.access-review.create',
  attributes: { action: 'create' },
});

/**
 * Closing (signing off) a campaign, which locks its decisions. Its own
 * permission, so that a policy can let many start campaigns but only those
 * accountable for the review sign it off.
 * @public
 */
export const accessReviewClosePermission = createPermission({
  name: 'sre.access-review.close',
  attributes: { action: 'update' },
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
