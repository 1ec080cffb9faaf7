/**
 * Baton's frontend plugin: entity cards and pages for the `sre` backend.
 * Apps on the new frontend system use the `/alpha` entry point.
 *
 * @packageDocumentation
 */

export {
  srePlugin,
  EntitySloCard,
  EntityAlertHistoryCard,
  EntityCostCard,
  TeamCostCard,
  EntityChangesCard,
  EntityBackupsCard,
  EntityTeamChangesContent,
  EntityReadyForLeaveCard,
  EntityTeamBusFactorContent,
  TeamBusFactorPage,
  EntityTeamDrillsContent,
  TeamDrillsPage,
  EntityReliabilityReviewContent,
  ReliabilityReviewPage,
  AccessReviewsPage,
  BatonAdminPage,
} from './plugin';
export {
  busFactorRouteRef,
  drillsRouteRef,
  reliabilityReviewRouteRef,
  accessReviewsRouteRef,
  accessReviewTasksRouteRef,
  accessCampaignRouteRef,
  batonAdminRouteRef,
} from './routes';
// Each availability check is its own small module, so importing it does not load its card.
export { isSloAvailable } from './slo/isSloAvailable';
export { isAlertHistoryAvailable } from './alerts/isAlertHistoryAvailable';
export { isCostAvailable } from './cost/isCostAvailable';
export { isChangesAvailable } from './changes/isChangesAvailable';
export { isBackupsAvailable } from './backups/isBackupsAvailable';
export { isReadyForLeaveAvailable } from './readiness/isReadyForLeaveAvailable';
export {
  sreApiRef,
  type AccessCampaignInput,
  type AccessDecisionInput,
  type ChangeQuery,
  type CostQuery,
  type DrillPlanInput,
  type DrillRecordInput,
  type ReviewActionInput,
  type ReviewActionPatch,
  type SreApi,
  type SreList,
} from './api/SreApi';
export { SreClient } from './api/SreClient';
export {
  messages as sreEnglishMessages,
  sreTranslationRef,
  type SreMessages,
} from './translation';
