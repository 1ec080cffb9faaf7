import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  readSreAdmins,
  sreDefaultPolicyDecision,
} from '@baton/plugin-sre-backend';

/**
 * The portal's permission policy: Baton's default rules for Baton's
 * permissions (admins from `sre.admins`), and allow for everything else,
 * as the generated portal's allow-all policy did.
 */
class PortalPermissionPolicy implements PermissionPolicy {
  constructor(private readonly admins: string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    return (
      sreDefaultPolicyDecision(request, user, { admins: this.admins }) ?? {
        result: AuthorizeResult.ALLOW,
      }
    );
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(new PortalPermissionPolicy(readSreAdmins(config)));
      },
    });
  },
});
