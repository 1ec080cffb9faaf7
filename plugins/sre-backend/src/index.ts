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
