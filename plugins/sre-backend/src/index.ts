/**
 * The Baton backend plugin (`sre`).
 *
 * @packageDocumentation
 */

export { sreBackendPlugin as default } from './plugin';
export {
  accessReviewItemConditions,
  accessReviewItemResourceRef,
  createAccessReviewItemConditionalDecision,
  isAccessReviewItemReviewer,
} from './access/permissionRules';
export {
  alertConditions,
  alertResourceRef,
  createAlertConditionalDecision,
  isAlertOwner,
} from './alerts/permissionRules';
export type { AlertResource } from './alerts/permissionRules';
export {
  createReviewTeamConditionalDecision,
  isReviewTeamMember,
  reviewTeamConditions,
  reviewTeamResourceRef,
} from './review/permissionRules';
export type { ReviewTeamResource } from './review/permissionRules';
export {
  readSreAdmins,
  sreDefaultPolicyDecision,
} from './policy/sreDefaultPolicy';
