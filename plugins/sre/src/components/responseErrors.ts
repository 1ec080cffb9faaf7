import { ResponseError } from '@backstage/errors';

/** What the backend said about a failed request, e.g. `due: must be a date (YYYY-MM-DD)`. */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body.error?.message || error.cause.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A 409: someone else changed it first, or it is no longer in a state that allows this. */
export const isConflict = (error: unknown): boolean =>
  ResponseError.is(error) && error.statusCode === 409;

/** A 404: what was asked for does not exist (yet). */
export const isNotFound = (error: unknown): boolean =>
  ResponseError.is(error) && error.statusCode === 404;

/** A 403: a Baton permission was denied to the signed-in user. */
export const isNotAllowed = (error: unknown): boolean =>
  ResponseError.is(error) && error.statusCode === 403;

/**
 * The field a 400 message names and what it says about it, e.g.
 * `due: must be a date` → `{ field: 'due', message: 'must be a date' }`;
 * no field when the message names none of `fields`. An entry of a list
 * field counts as the field (`entityRefs[0]: …`, `entityRefs.0: …`). With
 * `within`, the field may also be one of an object's, or of a list's
 * entries, e.g. `record.participants: …` or `decisions[1].comment: …`.
 */
export function fieldError<F extends string>(
  error: unknown,
  fields: readonly F[],
  within?: string,
): { field?: F; message: string } {
  const message = errorMessage(error);
  if (!ResponseError.is(error) || error.statusCode !== 400) return { message };
  const entry = within ? `(?:${within}(?:\\[\\d+\\])?\\.)?` : '';
  const match = new RegExp(
    `^${entry}([A-Za-z]+)(?:\\[\\d+\\]|\\.\\d+)?:\\s*(.+)$`,
    's',
  ).exec(message);
  const field = fields.find(name => name === match?.[1]);
  return field ? { field, message: match![2] } : { message };
}
