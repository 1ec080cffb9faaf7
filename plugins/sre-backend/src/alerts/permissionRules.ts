import { ALERT_RESOURCE_TYPE } from '@baton/plugin-sre-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/**
 * An alert as a permission resource: its id, and who owns it (the owners of
 * its entities, the teams above them, and their members).
 * @public
 */
export interface AlertResource {
  id: string;
  ownerClaims: string[];
}

/** Stored alerts as a permission resource of the sre plugin; resource refs are alert ids. @public */
export const alertResourceRef = createPermissionResourceRef<
  AlertResource,
  never
>().with({ pluginId: 'sre', resourceType: ALERT_RESOURCE_TYPE });

/** "Owns the alert": one of the caller's claims owns one of the alert's entities. @public */
export const isAlertOwner = createPermissionRule({
  name: 'IS_ALERT_OWNER',
  description:
    "Allow when the user owns one of the alert's entities, directly or through a team above the owner",
  resourceRef: alertResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('The user and ownership refs of the caller'),
  }),
  apply: (alert, { claims }) =>
    alert.ownerClaims.some(claim => claims.includes(claim)),
  // Alerts are not listed through the permission framework: no query form.
  toQuery: () => {
    throw new Error('IS_ALERT_OWNER applies to one alert at a time');
  },
});

const alertConditionExports = createConditionExports({
  resourceRef: alertResourceRef,
  rules: { isOwner: isAlertOwner },
});

/**
 * Conditions for permission policies, e.g.
 *
 * ```ts
 * createAlertConditionalDecision(
 *   permission,
 *   alertConditions.isOwner({ claims: user.info.ownershipEntityRefs }),
 * );
 * ```
 * @public
 */
export const alertConditions = alertConditionExports.conditions;

/** A conditional decision on alerts from alertConditions. @public */
export const createAlertConditionalDecision =
  alertConditionExports.createConditionalDecision;
