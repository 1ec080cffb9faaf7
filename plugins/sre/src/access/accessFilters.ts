import { isStaleAccess, type AccessReviewItem } from '@baton/plugin-sre-common';

/** Which items a campaign page shows; every filter that is on must hold. */
export interface AccessItemFilter {
  /** Stale by sre-common's rule: unused for more than 90 days, or never used. */
  stale: boolean;
  /** Principals no catalog User matches (`no-person-in-catalog`). */
  unmatched: boolean;
  /** Admin, owner or root privileges (`admin-privilege`). */
  admin: boolean;
  status: 'all' | 'undecided' | 'decided';
}

/** Every item shown. */
export const NO_FILTER: AccessItemFilter = {
  stale: false,
  unmatched: false,
  admin: false,
  status: 'all',
};

/** The items the filter lets through, in their order. */
export function filterAccessItems(
  items: AccessReviewItem[],
  filter: AccessItemFilter,
  now: number,
): AccessReviewItem[] {
  return items.filter(
    item =>
      (!filter.stale || isStaleAccess(item, now)) &&
      (!filter.unmatched || item.flags.includes('no-person-in-catalog')) &&
      (!filter.admin || item.flags.includes('admin-privilege')) &&
      (filter.status === 'all' ||
        (filter.status === 'decided') === (item.decision !== null)),
  );
}
