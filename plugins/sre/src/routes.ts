import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The team bus-factor page. @public */
export const busFactorRouteRef = createRouteRef({ id: 'sre:bus-factor' });

/** The team drills page. @public */
export const drillsRouteRef = createRouteRef({ id: 'sre:drills' });

/** The team reliability-review page. @public */
export const reliabilityReviewRouteRef = createRouteRef({
  id: 'sre:reliability-review',
});

/** The access-review page: the campaigns. @public */
export const accessReviewsRouteRef = createRouteRef({
  id: 'sre:access-reviews',
});

/** The signed-in user's open access-review items, `/access-reviews/tasks`. @public */
export const accessReviewTasksRouteRef = createSubRouteRef({
  id: 'sre:access-reviews/tasks',
  parent: accessReviewsRouteRef,
  path: '/tasks',
});

/** One access-review campaign, `/access-reviews/{campaignId}`. @public */
export const accessCampaignRouteRef = createSubRouteRef({
  id: 'sre:access-reviews/campaign',
  parent: accessReviewsRouteRef,
  path: '/:campaignId',
});

/** Baton's admin page, `/baton`: the status of its sources. @public */
export const batonAdminRouteRef = createRouteRef({ id: 'sre:admin' });
