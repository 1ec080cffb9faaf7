import { parseEntityRef } from '@backstage/catalog-model';
import type {
  ReviewActionItem,
  ReviewSectionUnavailable,
  ReviewSummary,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';
import { translateCoded } from '../codedMessage';
import type { Formats } from '../language';
import { errorMessage, isNotAllowed } from '../responseErrors';
import type { SreTranslate } from '../translation';

/**
 * Why a change to a team's review failed, in the backend's words; a 403
 * also says that only the team's members (and those of teams above it) may.
 */
export function reviewChangeError(t: SreTranslate, error: unknown): string {
  const message = errorMessage(error);
  return isNotAllowed(error)
    ? t('review.notAllowed', { error: message })
    : message;
}

/** How a review ended (on which day, as the page writes every date), and who ended it; nothing while it is in progress. */
export function reviewEndText(
  t: SreTranslate,
  format: Formats,
  review: ReviewSummary,
  name: (userRef: string) => string,
): string | undefined {
  if (!review.finishedAt) return undefined;
  const params = {
    at: format.date(review.finishedAt),
    by: review.finishedBy ? name(review.finishedBy) : '—',
  };
  switch (review.state) {
    case 'in-progress':
      return undefined;
    case 'finished':
      return t('review.history.finished', params);
    case 'abandoned':
      return t('review.history.abandoned', params);
    default: {
      // A state this UI does not know: the compiler asks for it here.
      const unknown: never = review.state;
      return String(unknown);
    }
  }
}

/** Why a section of the agenda is empty; codes this UI does not know show the backend's English. */
export function unavailableText(
  t: SreTranslate,
  unavailable: ReviewSectionUnavailable,
): string {
  return translateCoded(
    t,
    `review.agenda.unavailable.${unavailable.code}`,
    {},
    unavailable.message,
  );
}

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

const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar day of a time in the user's time zone, YYYY-MM-DD. */
export function localDay(time: string | number | Date): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** The start of a YYYY-MM-DD day in the user's time zone, as an ISO time. */
export const startOfLocalDay = (day: string): string =>
  new Date(`${day}T00:00:00`).toISOString();

/** `review-<team>-<YYYY-MM-DD>.md`: the team's name and the day the review started. */
export function reviewFileName(groupRef: string, startedAt: string): string {
  const { name } = parseEntityRef(groupRef, { defaultKind: 'group' });
  return `review-${name}-${localDay(startedAt)}.md`;
}

/** Saves a Markdown document through the browser. */
export function downloadMarkdown(markdown: string, fileName: string) {
  const blob = new Blob([markdown], { type: 'text/markdown;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
