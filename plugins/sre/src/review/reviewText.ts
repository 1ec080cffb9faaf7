import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  ReviewSectionUnavailable,
  TeamReviewResponse,
} from '@baton/plugin-sre-common';
import { userName } from '../alerts/alertText';
import { translateCoded } from '../codedMessage';
import type { SreTranslate } from '../translation';

/** What the backend said about a failed request, e.g. `due: must be a date (YYYY-MM-DD)`. */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body.error?.message || error.cause.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A 409: someone else saved first, or the review is no longer in progress. */
export const isConflict = (error: unknown): boolean =>
  ResponseError.is(error) && error.statusCode === 409;

/**
 * The field a 400 message names and what it says about it, e.g.
 * `due: must be a date` → `{ field: 'due', message: 'must be a date' }`;
 * no field when the message names none of `fields`.
 */
export function fieldError<F extends string>(
  error: unknown,
  fields: readonly F[],
): { field?: F; message: string } {
  const message = errorMessage(error);
  if (!ResponseError.is(error) || error.statusCode !== 400) return { message };
  const match = /^([A-Za-z]+):\s*(.+)$/s.exec(message);
  const field = fields.find(name => name === match?.[1]);
  return field ? { field, message: match![2] } : { message };
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

/** A person's name: the member's, else the name part of the ref. */
export function personName(
  members: TeamReviewResponse['members'],
  userRef: string,
): string {
  return (
    members.find(member => member.userRef === userRef)?.name ??
    userName(userRef)
  );
}

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
