import type {
  ReviewSectionUnavailable,
  ReviewSummary,
} from '@baton/plugin-sre-common';
import { translateCoded } from '../codedMessage';
import type { Formats } from '../language';
import type { SreTranslate } from '../translation';

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
