import type {
  AccessCampaignState,
  AccessProgress,
  AccessReviewItem,
} from '@baton/plugin-sre-common';

/**
 * Whether the signed-in user may decide the item: the campaign is open, they
 * are one of its reviewers, and it is not about their own access.
 */
export function canDecide(
  item: AccessReviewItem,
  state: AccessCampaignState,
  userRef: string | undefined,
): boolean {
  return (
    state === 'open' &&
    userRef !== undefined &&
    item.userRef !== userRef &&
    item.reviewers.includes(userRef)
  );
}

/**
 * A reviewer's share of a campaign's progress: the items they may decide,
 * and how many of those are decided (by them or another reviewer).
 */
export function reviewerProgress(
  progress: AccessProgress,
  userRef: string | undefined,
): AccessProgress {
  const mine = progress.byReviewer.filter(entry => entry.userRef === userRef);
  return {
    total: mine[0]?.total ?? 0,
    decided: mine[0]?.decided ?? 0,
    byReviewer: mine,
  };
}
