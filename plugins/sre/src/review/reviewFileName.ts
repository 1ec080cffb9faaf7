import { entityRefName } from '../components/entityRefName';
import { localDay } from '../components/localDay';

/** `review-<team>-<YYYY-MM-DD>.md`: the team's name and the day the review started. */
export const reviewFileName = (groupRef: string, startedAt: string): string =>
  `review-${entityRefName(groupRef, 'group')}-${localDay(startedAt)}.md`;
