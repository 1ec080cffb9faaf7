import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssignmentIcon from '@material-ui/icons/Assignment';
import FitnessCenterIcon from '@material-ui/icons/FitnessCenter';
import SettingsInputComponentIcon from '@material-ui/icons/SettingsInputComponent';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import PeopleIcon from '@material-ui/icons/People';
import { isServiceKind } from '@baton/plugin-sre-common';
import { sreApiRef } from './api/SreApi';
import { isBackupsAvailable } from './backups/isBackupsAvailable';
import { SreClient } from './api/SreClient';
import {
  accessReviewsRouteRef,
  batonAdminRouteRef,
  busFactorRouteRef,
  drillsRouteRef,
  reliabilityReviewRouteRef,
} from './routes';
import { sreTranslationRef } from './translation';

export {
  messages as sreEnglishMessages,
  sreTranslationRef,
  type SreMessages,
} from './translation';

/** The catalog kinds Baton puts its cards on. */
const isServiceLike = (entity: Entity) => isServiceKind(entity.kind);

const sreApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sreApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SreClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const entitySloCard = EntityCardBlueprint.make({
  name: 'slo',
  params: {
    filter: isServiceLike,
    loader: () => import('./slo/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/** @alpha */
export const entityAlertHistoryCard = EntityCardBlueprint.make({
  name: 'alert-history',
  params: {
    filter: isServiceLike,
    loader: () =>
      import('./alerts/EntityAlertHistoryCard').then(m => (
        <m.EntityAlertHistoryCard />
      )),
  },
});

/** @alpha */
export const entityCostCard = EntityCardBlueprint.make({
  name: 'cost',
  params: {
    filter: isServiceLike,
    loader: () =>
      import('./cost/EntityCostCard').then(m => <m.EntityCostCard />),
  },
});

/** @alpha */
export const entityTeamCostCard = EntityCardBlueprint.make({
  name: 'team-cost',
  params: {
    filter: 'kind:group',
    loader: () => import('./cost/TeamCostCard').then(m => <m.TeamCostCard />),
  },
});

/** @alpha */
export const entityChangesCard = EntityCardBlueprint.make({
  name: 'changes',
  params: {
    filter: isServiceLike,
    loader: () =>
      import('./changes/EntityChangesCard').then(m => <m.EntityChangesCard />),
  },
});

/** @alpha */
export const entityBackupsCard = EntityCardBlueprint.make({
  name: 'backups',
  params: {
    filter: isBackupsAvailable,
    loader: () =>
      import('./backups/EntityBackupsCard').then(m => <m.EntityBackupsCard />),
  },
});

/** @alpha */
export const entityReadyForLeaveCard = EntityCardBlueprint.make({
  name: 'ready-for-leave',
  params: {
    filter: isServiceLike,
    loader: () =>
      import('./readiness/EntityReadyForLeaveCard').then(m => (
        <m.EntityReadyForLeaveCard />
      )),
  },
});

/** @alpha */
export const entityTeamBusFactorContent = EntityContentBlueprint.make({
  name: 'bus-factor',
  params: {
    path: '/bus-factor',
    title: sreTranslationRef('team.tabTitle'),
    filter: (entity: Entity) =>
      entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('./readiness/team/EntityTeamBusFactorContent').then(m => (
        <m.EntityTeamBusFactorContent />
      )),
  },
});

/** @alpha */
export const entityTeamChangesContent = EntityContentBlueprint.make({
  name: 'changes',
  params: {
    path: '/changes',
    title: sreTranslationRef('changes.team.tabTitle'),
    filter: (entity: Entity) =>
      entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('./changes/EntityTeamChangesContent').then(m => (
        <m.EntityTeamChangesContent />
      )),
  },
});

/** @alpha */
export const teamBusFactorPage = PageBlueprint.make({
  params: {
    path: '/bus-factor',
    title: sreTranslationRef('team.pageTitle'),
    // With an icon, the page gets a sidebar item.
    icon: <PeopleIcon fontSize="inherit" />,
    routeRef: busFactorRouteRef,
    loader: () =>
      import('./readiness/team/TeamBusFactorPage').then(m => (
        <m.TeamBusFactorPage />
      )),
  },
});

/** @alpha */
export const entityTeamDrillsContent = EntityContentBlueprint.make({
  name: 'drills',
  params: {
    path: '/drills',
    title: sreTranslationRef('drills.tabTitle'),
    filter: (entity: Entity) =>
      entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('./drills/EntityTeamDrillsContent').then(m => (
        <m.EntityTeamDrillsContent />
      )),
  },
});

/** @alpha */
export const teamDrillsPage = PageBlueprint.make({
  name: 'drills',
  params: {
    path: '/drills',
    title: sreTranslationRef('drills.pageTitle'),
    // With an icon, the page gets a sidebar item.
    icon: <FitnessCenterIcon fontSize="inherit" />,
    routeRef: drillsRouteRef,
    loader: () =>
      import('./drills/TeamDrillsPage').then(m => <m.TeamDrillsPage />),
  },
});

/** @alpha */
export const entityReliabilityReviewContent = EntityContentBlueprint.make({
  name: 'reliability-review',
  params: {
    path: '/reliability-review',
    title: sreTranslationRef('review.tabTitle'),
    filter: (entity: Entity) =>
      entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('./review/ReliabilityReviewContent').then(m => (
        <m.ReliabilityReviewContent />
      )),
  },
});

/** @alpha */
export const reliabilityReviewPage = PageBlueprint.make({
  name: 'reliability-review',
  params: {
    path: '/reliability-review',
    title: sreTranslationRef('review.pageTitle'),
    // With an icon, the page gets a sidebar item.
    icon: <AssignmentIcon fontSize="inherit" />,
    routeRef: reliabilityReviewRouteRef,
    loader: () =>
      import('./review/ReliabilityReviewPage').then(m => (
        <m.ReliabilityReviewPage />
      )),
  },
});

/**
 * The access-review page: campaigns at `/access-reviews`, the signed-in
 * user's items at `/access-reviews/tasks`, a campaign at its id.
 * @alpha
 */
export const accessReviewsPage = PageBlueprint.make({
  name: 'access-reviews',
  params: {
    path: '/access-reviews',
    title: sreTranslationRef('access.pageTitle'),
    // With an icon, the page gets a sidebar item.
    icon: <VerifiedUserIcon fontSize="inherit" />,
    routeRef: accessReviewsRouteRef,
    loader: () =>
      import('./access/AccessReviewsPage').then(m => <m.AccessReviewsPage />),
  },
});

/** Baton's admin page at `/baton`: the status of its sources, for `sre.admins`. @alpha */
export const batonAdminPage = PageBlueprint.make({
  name: 'admin',
  params: {
    path: '/baton',
    title: sreTranslationRef('admin.pageTitle'),
    // With an icon, the page gets a sidebar item.
    icon: <SettingsInputComponentIcon fontSize="inherit" />,
    routeRef: batonAdminRouteRef,
    loader: () =>
      import('./admin/BatonAdminPage').then(m => <m.BatonAdminPage />),
  },
});

/** Baton's frontend plugin for the new frontend system. @alpha */
export default createFrontendPlugin({
  pluginId: 'sre',
  title: 'Baton',
  icon: <PeopleIcon fontSize="inherit" />,
  extensions: [
    sreApi,
    entitySloCard,
    entityAlertHistoryCard,
    entityCostCard,
    entityTeamCostCard,
    entityChangesCard,
    entityReadyForLeaveCard,
    entityBackupsCard,
    entityTeamBusFactorContent,
    entityTeamChangesContent,
    teamBusFactorPage,
    entityTeamDrillsContent,
    teamDrillsPage,
    entityReliabilityReviewContent,
    reliabilityReviewPage,
    accessReviewsPage,
    batonAdminPage,
  ],
  routes: {
    busFactor: busFactorRouteRef,
    drills: drillsRouteRef,
    reliabilityReview: reliabilityReviewRouteRef,
    accessReviews: accessReviewsRouteRef,
    batonAdmin: batonAdminRouteRef,
  },
});
