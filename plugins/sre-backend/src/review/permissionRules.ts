import { REVIEW_TEAM_RESOURCE_TYPE } from '@baton/plugin-sre-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/**
 * A team as its reliability review's permission resource: its ref, and who
 * counts as one of its own (the team, the teams above it, their members).
 * @public
 */
export interface ReviewTeamResource {
  teamRef: string;
  memberClaims: string[];
}

/** Teams as a permission resource of the sre plugin; resource refs are Group refs. @public */
export const reviewTeamResourceRef = createPermissionResourceRef<
  ReviewTeamResource,
  never
>().with({ pluginId: 'sre', resourceType: REVIEW_TEAM_RESOURCE_TYPE });

/** "Is one of the team": one of the caller's claims is the team, a team above it, or a member of one. @public */
export const isReviewTeamMember = createPermissionRule({
  name: 'IS_REVIEW_TEAM_MEMBER',
  description:
    'Allow when the user is a member of the team or of a team above it',
  resourceRef: reviewTeamResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('The user and ownership refs of the caller'),
  }),
  apply: (team, { claims }) =>
    team.memberClaims.some(claim => claims.includes(claim)),
  // Teams are not listed through the permission framework: no query form.
  toQuery: () => {
    throw new Error('IS_REVIEW_TEAM_MEMBER applies to one team at a time');
  },
});

const reviewTeamConditionExports = createConditionExports({
  resourceRef: reviewTeamResourceRef,
  rules: { isMember: isReviewTeamMember },
});

/**
 * Conditions for permission policies, e.g.
 *
 * ```ts
 * createReviewTeamConditionalDecision(
 *   permission,
 *   reviewTeamConditions.isMember({ claims: user.info.ownershipEntityRefs }),
 * );
 * ```
 * @public
 */
export const reviewTeamConditions = reviewTeamConditionExports.conditions;

/** A conditional decision on a team's reliability review from reviewTeamConditions. @public */
export const createReviewTeamConditionalDecision =
  reviewTeamConditionExports.createConditionalDecision;
