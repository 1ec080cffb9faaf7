import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of a team as its reliability review sees it, for conditional decisions. @public */
export const REVIEW_TEAM_RESOURCE_TYPE = 'sre-review-team';

/**
 * Changing a team's reliability review: start, notes and attendees, finish,
 * abandon, action items. A resource permission on the team: a policy can
 * allow it only where the rule "is a member of the team or of a team above
 * it" holds (the shipped policy does, and lets `sre.admins` do it anywhere).
 * @public
 */
export const reviewUpdatePermission = createPermission({
  name: 'sre.review.update',
  attributes: { action: 'update' },
  resourceType: REVIEW_TEAM_RESOURCE_TYPE,
});
