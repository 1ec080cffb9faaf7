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
