import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of stored alerts, for conditional decisions on acknowledgement. @public */
export const ALERT_RESOURCE_TYPE = 'sre-alert';

/**
 * Acknowledging an alert, and taking one's own acknowledgement back. A
 * resource permission: a policy can allow it only where the rule "owns one
 * of the alert's entities" holds (the shipped policy does). Whatever the
 * policy says, only a firing alert, or one resolved within the configured
 * window, can be acknowledged.
 * @public
 */
export const alertAcknowledgePermission = createPermission({
  name: 'sre.alert.acknowledge',
  attributes: { action: 'update' },
  resourceType: ALERT_RESOURCE_TYPE,
});
