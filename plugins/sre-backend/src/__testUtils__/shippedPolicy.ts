import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { sreDefaultPolicyDecision } from '../policy/sreDefaultPolicy';

type Permission = Parameters<typeof sreDefaultPolicyDecision>[0]['permission'];

/**
 * The shipped policy's decision as a portal's permission service takes it:
 * a user as the permission backend sees one (sign-in gives only the user
 * ref); a service is allowed without asking the policy, as Backstage's
 * ServerPermissionClient does.
 */
function shippedDecision(
  permission: Permission,
  credentials: BackstageCredentials,
  admins: string[],
) {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | { type: 'service' | 'none' };
  if (principal.type === 'service') return { result: AuthorizeResult.ALLOW };
  const userEntityRef =
    principal.type === 'user' ? principal.userEntityRef : undefined;
  const decision = sreDefaultPolicyDecision(
    { permission },
    userEntityRef
      ? {
          credentials,
          info: { userEntityRef, ownershipEntityRefs: [userEntityRef] },
        }
      : undefined,
    { admins },
  );
  return decision ?? { result: AuthorizeResult.ALLOW };
}

/** The permissions service of a portal that applies Baton's shipped policy with these `sre.admins` (full refs). */
export function shippedPolicyPermissions(admins: string[]) {
  return mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(r => {
        const { result } = shippedDecision(r.permission, credentials, admins);
        // Basic permissions get no conditions.
        return {
          result:
            result === AuthorizeResult.ALLOW
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        };
      }),
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(r => shippedDecision(r.permission, credentials, admins)),
  }).factory;
}
