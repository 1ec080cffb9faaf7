import { createRouteRef } from '@backstage/core-plugin-api';

/** The team bus-factor page. @public */
export const busFactorRouteRef = createRouteRef({ id: 'sre:bus-factor' });

/** The team reliability-review page. @public */
export const reliabilityReviewRouteRef = createRouteRef({
  id: 'sre:reliability-review',
});
