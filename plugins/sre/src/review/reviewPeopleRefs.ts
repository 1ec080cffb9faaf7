import type {
  ReviewActionItem,
  ReviewSummary,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';

const actionItemPeople = (item: ReviewActionItem) => [
  item.ownerRef,
  item.createdBy,
  item.closedBy,
];

/** Everyone a review names: who started and ended it, its attendees, and who owns, raised or closed its action items. */
export function reviewPeopleRefs(
  reviews: Array<ReviewSummary & { actionItems?: ReviewActionItem[] }>,
  actionItems: ReviewActionItem[] = [],
): string[] {
  return [
    ...reviews.flatMap(review => [
      review.startedBy,
      review.finishedBy,
      ...review.attendees,
      ...(review.actionItems ?? []).flatMap(actionItemPeople),
    ]),
    ...actionItems.flatMap(actionItemPeople),
  ].filter((ref): ref is string => Boolean(ref));
}

/** Everyone the team's review page names, besides its members. */
export const teamReviewPeopleRefs = (response: TeamReviewResponse) =>
  reviewPeopleRefs(
    [
      ...(response.current ? [response.current] : []),
      ...(response.lastReview ? [response.lastReview] : []),
      ...response.history,
    ],
    response.openActionItems,
  );
