import {
  accessReviewClosePermission,
  accessReviewCreatePermission,
  accessReviewDecidePermission,
  accessReviewReadPermission,
} from './access/permissions';
import { alertAcknowledgePermission } from './alerts/permissions';
import { changeRecordPermission } from './changes/permissions';
import { costImportPermission } from './cost/permissions';
import { reviewUpdatePermission } from './review/permissions';
import { sourceStatusReadPermission } from './sources/permissions';

/** Every permission the sre plugin defines, for policy tooling and the backend's registry. @public */
export const srePermissions = [
  accessReviewCreatePermission,
  accessReviewClosePermission,
  accessReviewReadPermission,
  accessReviewDecidePermission,
  alertAcknowledgePermission,
  changeRecordPermission,
  costImportPermission,
  reviewUpdatePermission,
  sourceStatusReadPermission,
];
