import type { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import {
  accessReviewDecidePermission,
  alertAcknowledgePermission,
  reviewUpdatePermission,
  srePermissions,
} from '@baton/plugin-sre-common';
import type { AccessReviewService } from '../access/AccessReviewService';
import {
  accessReviewItemResourceRef,
  isAccessReviewItemReviewer,
} from '../access/permissionRules';
import type { AlertService } from '../alerts/AlertService';
import { alertResourceRef, isAlertOwner } from '../alerts/permissionRules';
import {
  isReviewTeamMember,
  reviewTeamResourceRef,
} from '../review/permissionRules';
import type { ReviewService } from '../review/ReviewService';

/**
 * Registers every Baton permission, so that policy tooling lists them all,
 * and the resource types whose conditional decisions Baton's rules answer.
 */
export function registerSrePermissions(
  registry: PermissionsRegistryService,
  services: {
    accessReviews: AccessReviewService;
    alerts: AlertService;
    reviews: ReviewService;
  },
): void {
  registry.addPermissions(srePermissions);
  registry.addResourceType({
    resourceRef: accessReviewItemResourceRef,
    permissions: [accessReviewDecidePermission],
    rules: [isAccessReviewItemReviewer],
    getResources: ids => services.accessReviews.itemsByIds(ids),
  });
  registry.addResourceType({
    resourceRef: alertResourceRef,
    permissions: [alertAcknowledgePermission],
    rules: [isAlertOwner],
    getResources: ids => services.alerts.alertResources(ids),
  });
  registry.addResourceType({
    resourceRef: reviewTeamResourceRef,
    permissions: [reviewUpdatePermission],
    rules: [isReviewTeamMember],
    getResources: refs =>
      Promise.all(refs.map(ref => services.reviews.reviewTeamResource(ref))),
  });
}
