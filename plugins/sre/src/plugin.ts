import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { sreApiRef } from './api/SreApi';
import { SreClient } from './api/SreClient';
import {
  accessReviewsRouteRef,
  batonAdminRouteRef,
  busFactorRouteRef,
  drillsRouteRef,
  reliabilityReviewRouteRef,
} from './routes';

/** Baton's frontend plugin for apps on the legacy frontend system. @public */
export const srePlugin = createPlugin({
  id: 'sre',
  routes: {
    busFactor: busFactorRouteRef,
    drills: drillsRouteRef,
    reliabilityReview: reliabilityReviewRouteRef,
    accessReviews: accessReviewsRouteRef,
    batonAdmin: batonAdminRouteRef,
  },
  apis: [
    createApiFactory({
      api: sreApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SreClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** Each SLO of the entity: objective, SLI, error budget and burn rates. @public */
export const EntitySloCard: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () => import('./slo/EntitySloCard').then(m => m.EntitySloCard),
    },
  }),
);

/** The entity's alerts since the team's last review, with noise flags and MTTA/MTTR. @public */
export const EntityAlertHistoryCard: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityAlertHistoryCard',
    component: {
      lazy: () =>
        import('./alerts/EntityAlertHistoryCard').then(
          m => m.EntityAlertHistoryCard,
        ),
    },
  }),
);

/** The entity's spend, its change vs the previous period, drivers, anomalies and forecast. @public */
export const EntityCostCard: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityCostCard',
    component: {
      lazy: () => import('./cost/EntityCostCard').then(m => m.EntityCostCard),
    },
  }),
);

/** A team's spend over the entities it owns, for Group entity pages. @public */
export const TeamCostCard: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'TeamCostCard',
    component: {
      lazy: () => import('./cost/TeamCostCard').then(m => m.TeamCostCard),
    },
  }),
);

/** The entity's production changes: paired or solo, reviewed procedure, off-hours, outcome and the alerts that followed. @public */
export const EntityChangesCard: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityChangesCard',
    component: {
      lazy: () =>
        import('./changes/EntityChangesCard').then(m => m.EntityChangesCard),
    },
  }),
);

/** The entity's protected resources: last backup, last copy to another region and another account, failing copies and the last restore test. @public */
export const EntityBackupsCard: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityBackupsCard',
    component: {
      lazy: () =>
        import('./backups/EntityBackupsCard').then(m => m.EntityBackupsCard),
    },
  }),
);

/** The "ready for leave" card: score, level, checks, truck factor and who holds the knowledge. @public */
export const EntityReadyForLeaveCard: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityReadyForLeaveCard',
    component: {
      lazy: () =>
        import('./readiness/EntityReadyForLeaveCard').then(
          m => m.EntityReadyForLeaveCard,
        ),
    },
  }),
);

/** The team bus-factor report, for a Group entity page tab. @public */
export const EntityTeamBusFactorContent: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamBusFactorContent',
    component: {
      lazy: () =>
        import('./readiness/team/EntityTeamBusFactorContent').then(
          m => m.EntityTeamBusFactorContent,
        ),
    },
  }),
);

/** A team's production changes per person, its solo changes and Terraform apply times, for a Group entity page tab. @public */
export const EntityTeamChangesContent: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamChangesContent',
    component: {
      lazy: () =>
        import('./changes/EntityTeamChangesContent').then(
          m => m.EntityTeamChangesContent,
        ),
    },
  }),
);

/** The team bus-factor page with its team picker. @public */
export const TeamBusFactorPage: () => JSX.Element = srePlugin.provide(
  createRoutableExtension({
    name: 'TeamBusFactorPage',
    mountPoint: busFactorRouteRef,
    component: () =>
      import('./readiness/team/TeamBusFactorPage').then(
        m => m.TeamBusFactorPage,
      ),
  }),
);

/** A team's drills — what is due, planned and recorded drills, their action items — for a Group entity page tab. @public */
export const EntityTeamDrillsContent: () => JSX.Element = srePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamDrillsContent',
    component: {
      lazy: () =>
        import('./drills/EntityTeamDrillsContent').then(
          m => m.EntityTeamDrillsContent,
        ),
    },
  }),
);

/** The team drills page with its team picker. @public */
export const TeamDrillsPage: () => JSX.Element = srePlugin.provide(
  createRoutableExtension({
    name: 'TeamDrillsPage',
    mountPoint: drillsRouteRef,
    component: () =>
      import('./drills/TeamDrillsPage').then(m => m.TeamDrillsPage),
  }),
);

/** The team's reliability review, for a Group entity page tab. @public */
export const EntityReliabilityReviewContent: () => JSX.Element =
  srePlugin.provide(
    createComponentExtension({
      name: 'EntityReliabilityReviewContent',
      component: {
        lazy: () =>
          import('./review/ReliabilityReviewContent').then(
            m => m.ReliabilityReviewContent,
          ),
      },
    }),
  );

/** The reliability review page with its team picker. @public */
export const ReliabilityReviewPage: () => JSX.Element = srePlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityReviewPage',
    mountPoint: reliabilityReviewRouteRef,
    component: () =>
      import('./review/ReliabilityReviewPage').then(
        m => m.ReliabilityReviewPage,
      ),
  }),
);

/**
 * The access-review page: campaigns, a campaign's items and audit log, and
 * the signed-in user's items at `…/tasks`. @public
 */
export const AccessReviewsPage: () => JSX.Element = srePlugin.provide(
  createRoutableExtension({
    name: 'AccessReviewsPage',
    mountPoint: accessReviewsRouteRef,
    component: () =>
      import('./access/AccessReviewsPage').then(m => m.AccessReviewsPage),
  }),
);

/** Baton's admin page for `sre.admins`: each source's last success, last error and counts. @public */
export const BatonAdminPage: () => JSX.Element = srePlugin.provide(
  createRoutableExtension({
    name: 'BatonAdminPage',
    mountPoint: batonAdminRouteRef,
    component: () =>
      import('./admin/BatonAdminPage').then(m => m.BatonAdminPage),
  }),
);
