import {
  ACCESS_REVIEW_ITEM_RESOURCE_TYPE,
  AccessReviewItem,
} from '@baton/plugin-sre-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/** Access-review items as a permission resource of the sre plugin; resource refs are item ids. @public */
export const accessReviewItemResourceRef = createPermissionResourceRef<
  AccessReviewItem,
  { reviewers: string[] }
>().with({ pluginId: 'sre', resourceType: ACCESS_REVIEW_ITEM_RESOURCE_TYPE });

/** "Is a reviewer of this item": one of the caller's refs is among its reviewers. @public */
export const isAccessReviewItemReviewer = createPermissionRule({
  name: 'IS_ACCESS_REVIEW_ITEM_REVIEWER',
  description:
    'Allow when the user is one of the reviewers of the access-review item',
  resourceRef: accessReviewItemResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('The user and ownership refs of the caller'),
  }),
  apply: (item, { claims }) =>
    item.reviewers.some(reviewer => claims.includes(reviewer)),
  toQuery: ({ claims }) => ({ reviewers: claims }),
});

const accessReviewItemConditionExports = createConditionExports({
  resourceRef: accessReviewItemResourceRef,
  rules: { isReviewer: isAccessReviewItemReviewer },
});

/**
 * Conditions for permission policies, e.g.
 *
 * ```ts
 * createAccessReviewItemConditionalDecision(
 *   permission,
 *   accessReviewItemConditions.isReviewer({ claims: user.info.ownershipEntityRefs }),
 * );
 * ```
 * @public
 */
export const accessReviewItemConditions =
  accessReviewItemConditionExports.conditions;

/** A conditional decision on access-review items from accessReviewItemConditions. @public */
export const createAccessReviewItemConditionalDecision =
  accessReviewItemConditionExports.createConditionalDecision;
