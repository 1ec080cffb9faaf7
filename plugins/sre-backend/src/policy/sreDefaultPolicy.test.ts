import { ConfigReader } from '@backstage/config';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { AccessReviewItem, srePermissions } from '@baton/plugin-sre-common';
import { isAccessReviewItemReviewer } from '../access/permissionRules';
import { isAlertOwner } from '../alerts/permissionRules';
import { isReviewTeamMember } from '../review/permissionRules';
import { readSreAdmins, sreDefaultPolicyDecision } from './sreDefaultPolicy';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';

/** An item as the reviewer rule reads it: only its reviewers matter. */
const reviewedBy = (reviewer: string) =>
  ({ reviewers: [reviewer] } as unknown as AccessReviewItem);
const byName = Object.fromEntries(srePermissions.map(p => [p.name, p]));
const userOf = (userEntityRef: string, groups: string[] = []) => ({
  credentials: mockCredentials.user(userEntityRef),
  info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
});
const JANE = userOf('user:default/jane', ['group:default/payments']);
const ADMIN = userOf('user:default/root', ['group:default/sre']);
const admins = readSreAdmins(
  new ConfigReader({ sre: { admins: ['group:default/sre', 'ops-lead'] } }),
);
const decide = (name: string, user = JANE) => {
  const decision = sreDefaultPolicyDecision(
    { permission: byName[name] },
    user,
    { admins },
  );
  if (!decision) throw new Error(`no decision for ${name}`);
  return decision;
};

describe('sreDefaultPolicyDecision', () => {
  it('reads sre.admins as full refs', () => {
    expect(admins).toEqual(['group:default/sre', 'user:default/ops-lead']);
  });

  it('has a decision for every Baton permission and none for others', () => {
    for (const permission of srePermissions) {
      expect(decide(permission.name).result).toBeDefined();
    }
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(
      sreDefaultPolicyDecision({ permission: other }, JANE, { admins }),
    ).toBeUndefined();
  });

  it('lets admins, by user or group, do every admin action', () => {
    for (const name of [
      'sre.access-review.create',
      'sre.access-review.close',
      'sre.cost.import',
      'sre.change.record',
      'sre.alert.acknowledge',
      'sre.review.update',
      'sre.source-status.read',
    ]) {
      expect(decide(name, ADMIN)).toEqual({ result: AuthorizeResult.ALLOW });
      expect(decide(name, userOf('user:default/ops-lead')).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });

  it('lets service principals (pipelines, the CLI) upload costs and record changes', () => {
    for (const name of ['sre.cost.import', 'sre.change.record']) {
      expect(
        sreDefaultPolicyDecision({ permission: byName[name] }, undefined, {
          admins,
        }),
      ).toEqual({ result: AuthorizeResult.ALLOW });
    }
    // A service token is no admin: it may not start a campaign.
    expect(
      sreDefaultPolicyDecision(
        { permission: byName['sre.access-review.create'] },
        undefined,
        { admins },
      )?.result,
    ).toBe(AuthorizeResult.DENY);
  });

  it("denies campaign start, sign-off, cost uploads and the sources' status to other users, and lets them read campaigns", () => {
    expect(decide('sre.access-review.create').result).toBe(
      AuthorizeResult.DENY,
    );
    expect(decide('sre.access-review.close').result).toBe(AuthorizeResult.DENY);
    expect(decide('sre.cost.import').result).toBe(AuthorizeResult.DENY);
    expect(decide('sre.change.record').result).toBe(AuthorizeResult.DENY);
    expect(decide('sre.source-status.read').result).toBe(AuthorizeResult.DENY);
    expect(decide('sre.access-review.read').result).toBe(AuthorizeResult.ALLOW);
  });

  it('makes acknowledgement, review changes and decisions conditional on ownership, membership and reviewing', () => {
    const ack = decide('sre.alert.acknowledge');
    const review = decide('sre.review.update');
    const item = decide('sre.access-review.decide');
    expect(ack.result).toBe(AuthorizeResult.CONDITIONAL);
    expect(review.result).toBe(AuthorizeResult.CONDITIONAL);
    expect(item.result).toBe(AuthorizeResult.CONDITIONAL);

    // The conditions hold exactly where one of Jane's claims is among the resource's.
    const ackAllowed = createConditionAuthorizer([isAlertOwner]);
    expect(
      ackAllowed(ack, { id: '1', ownerClaims: ['group:default/payments'] }),
    ).toBe(true);
    expect(
      ackAllowed(ack, { id: '1', ownerClaims: ['group:default/search'] }),
    ).toBe(false);
    const reviewAllowed = createConditionAuthorizer([isReviewTeamMember]);
    expect(
      reviewAllowed(review, {
        teamRef: 'group:default/search',
        memberClaims: ['group:default/search', 'user:default/jane'],
      }),
    ).toBe(true);
    expect(
      reviewAllowed(review, {
        teamRef: 'group:default/search',
        memberClaims: ['group:default/search', 'user:default/bo'],
      }),
    ).toBe(false);
    const itemAllowed = createConditionAuthorizer([isAccessReviewItemReviewer]);
    expect(itemAllowed(item, reviewedBy('user:default/jane'))).toBe(true);
    expect(itemAllowed(item, reviewedBy('user:default/bo'))).toBe(false);
  });
});
