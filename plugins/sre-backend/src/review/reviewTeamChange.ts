import { reviewUpdatePermission } from '@baton/plugin-sre-common';
import type express from 'express';
import { RequestAuthorizer } from '../routing/RequestAuthorizer';
import { isReviewTeamMember, ReviewTeamResource } from './permissionRules';

/**
 * Authorizes a change to a team's review or drills: made by a person (it is
 * recorded who), allowed by `sre.review.update` on that team.
 */
export async function authorizeReviewTeamChange(
  authorizer: RequestAuthorizer,
  req: express.Request,
  teamResource: (teamRef: string) => Promise<ReviewTeamResource>,
) {
  const { caller, teamRef } = await authorizer.readableTeam(req, 'user');
  await authorizer.authorizeResource(
    caller,
    reviewUpdatePermission,
    [isReviewTeamMember],
    () => teamResource(teamRef),
  );
  return {
    teamRef,
    by: caller.userEntityRef!,
    visible: authorizer.visibility(caller),
  };
}
