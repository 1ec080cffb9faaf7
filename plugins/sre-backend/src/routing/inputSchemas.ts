import { z } from 'zod';

/** A calendar day, YYYY-MM-DD, that exists. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine(
    // Date.parse rolls 2025-02-30 over to March; a real day reads back the same.
    value =>
      !Number.isNaN(Date.parse(value)) &&
      new Date(value).toISOString().slice(0, 10) === value,
    'must be a date (YYYY-MM-DD)',
  );

/**
 * A request's ISO 8601 time, parsed to a Date (`isoTime` in
 * database/timestamps.ts goes the other way: a stored time to ISO text).
 */
export const isoTimeAsDate = z
  .string()
  .refine(value => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 time')
  .transform(value => new Date(value));

/** An http(s) URL, e.g. an action item's tracker link. */
export const httpLink = z
  .string()
  .max(2048)
  .url('must be a URL')
  .refine(
    value => /^https?:$/.test(new URL(value).protocol),
    'must be an http or https URL',
  );

/** A title a person types: trimmed, not empty, at most `max` characters. */
export const typedTitle = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** An action item as a review or a drill raises it. */
export const actionItemBody = z
  .object({
    title: typedTitle(500),
    ownerRef: z.string().min(1).nullable().optional(),
    due: isoDay.nullable().optional(),
    link: httpLink.nullable().optional(),
  })
  .strict();
