import type { ReadinessLevel } from '@baton/plugin-sre-common';

/** How each level reads on a card or in a table. */
export const LEVEL_LABELS: Record<ReadinessLevel, string> = {
  ready: 'Ready',
  'at-risk': 'At risk',
  'single-point-of-failure': 'Single point of failure',
};
