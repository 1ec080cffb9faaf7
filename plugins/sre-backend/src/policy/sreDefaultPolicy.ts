import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  accessReviewClosePermission,
  accessReviewCreatePermission,
  accessReviewDecidePermission,
  accessReviewReadPermission,
  alertAcknowledgePermission,
  changeRecordPermission,
  costImportPermission,
  reviewUpdatePermission,
  sourceStatusReadPermission,
} from '@baton/plugin-sre-common';
import {
  accessReviewItemConditions,
  createAccessReviewItemConditionalDecision,
} from '../access/permissionRules';
import {
  alertConditions,
  createAlertConditionalDecision,
} from '../alerts/permissionRules';
import {
  createReviewTeamConditionalDecision,
  reviewTeamConditions,
} from '../review/permissionRules';

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };

/** `sre.admins` as full refs: users and groups (`jane`, `user:jane`, `group:default/sre`). @public */
export function readSreAdmins(config: Config): string[] {
  return (config.getOptionalStringArray('sre.admins') ?? []).map(ref =>
    stringifyEntityRef(
      parseEntityRef(ref, { defaultKind: 'user', defaultNamespace: 'default' }),
    ),
  );
}

/**
 * Baton's default permission rules, for a portal's permission policy to
 * call first: a decision for each Baton permission, `undefined` for every
 * other permission (the portal's own policy decides those).
 *
 * - `sre.admins` (users, or groups their sign-in resolved) may do everything;
 * - an alert is acknowledged by the owners of its entities (and the teams above them);
 * - a team's reliability review is changed by its members (and the members of the teams above it);
 * - access-review items are decided by their reviewers; campaigns are read by anyone signed in, started and signed off by admins;
 * - cost files are uploaded by admins and by services (the CLI with a static token);
 * - the sources' status (last pulls and errors) is read by admins only.
 *
 * @public
 */
export function sreDefaultPolicyDecision(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: { admins: string[] },
): PolicyDecision | undefined {
  const { permission } = request;
  const claims = user
    ? [...new Set([...user.info.ownershipEntityRefs, user.info.userEntityRef])]
    : [];
  const isAdmin = claims.some(claim => options.admins.includes(claim));

  if (isPermission(permission, alertAcknowledgePermission)) {
    if (!user) return deny;
    return isAdmin
      ? allow
      : createAlertConditionalDecision(
          permission,
          alertConditions.isOwner({ claims }),
        );
  }
  if (isPermission(permission, reviewUpdatePermission)) {
    if (!user) return deny;
    return isAdmin
      ? allow
      : createReviewTeamConditionalDecision(
          permission,
          reviewTeamConditions.isMember({ claims }),
        );
  }
  if (isPermission(permission, accessReviewDecidePermission)) {
    // Admins too decide only what they review: the backend names them
    // reviewers where nobody else may decide (sre.accessReviews.admins).
    if (!user) return deny;
    return createAccessReviewItemConditionalDecision(
      permission,
      accessReviewItemConditions.isReviewer({ claims }),
    );
  }
  if (isPermission(permission, accessReviewReadPermission)) {
    return allow;
  }
  if (
    isPermission(permission, accessReviewCreatePermission) ||
    isPermission(permission, accessReviewClosePermission)
  ) {
    return isAdmin ? allow : deny;
  }
  // Pipelines and the CLI call these with a service token.
  if (
    isPermission(permission, costImportPermission) ||
    isPermission(permission, changeRecordPermission)
  ) {
    return !user || isAdmin ? allow : deny;
  }
  if (isPermission(permission, sourceStatusReadPermission)) {
    return isAdmin ? allow : deny;
  }
  return undefined;
}
