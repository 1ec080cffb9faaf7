import { InputError } from '@backstage/errors';

/**
 * Readers for webhook payload fields that throw an InputError naming the
 * field, so every receiver answers a bad body with a 400 that says where.
 */

/** A JSON object of a payload. @public */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object (not an array, not null). @public */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, else undefined. @public */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The value as an object; throws naming `field` otherwise. @public */
export function requireObject(value: unknown, field: string): JsonObject {
  if (!isJsonObject(value)) throw new InputError(`${field} must be an object`);
  return value;
}

/** The value as an object, or undefined when absent or null. @public */
export function optionalObject(
  value: unknown,
  field: string,
): JsonObject | undefined {
  return value === undefined || value === null
    ? undefined
    : requireObject(value, field);
}

/**
 * `parent[key]` as a non-empty string of at most `maxLength` characters;
 * throws naming `field` otherwise.
 * @public
 */
export function requireText(
  parent: JsonObject,
  key: string,
  field: string,
  maxLength?: number,
): string {
  const value = parent[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field} must be a non-empty string`);
  }
  if (maxLength !== undefined && value.length > maxLength) {
    throw new InputError(`${field} must be at most ${maxLength} characters`);
  }
  return value;
}

/** `parent[key]` as a string, undefined when absent or empty; throws naming `field` for another type. @public */
export function optionalText(
  parent: JsonObject,
  key: string,
  field: string,
): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be a string`);
  }
  return value;
}

/** The earliest time a payload may carry: 1970-01-01T00:00:00Z. @public */
export const EARLIEST_PAYLOAD_TIME_MS = 0;
/** The latest time a payload may carry: the end of year 9999. @public */
export const LATEST_PAYLOAD_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A time in milliseconds since the epoch as ISO 8601 UTC; throws naming
 * `field` when it is not a number between 1970 and the end of 9999 (what
 * every database stores and every ISO reader takes).
 * @public
 */
export function payloadTime(ms: number, field: string): string {
  if (
    !Number.isFinite(ms) ||
    ms < EARLIEST_PAYLOAD_TIME_MS ||
    ms > LATEST_PAYLOAD_TIME_MS
  ) {
    throw new InputError(`${field} must be a time between 1970 and 9999`);
  }
  return new Date(ms).toISOString();
}

/**
 * `parent[key]` in epoch seconds (as Mackerel sends times), undefined when
 * absent or null; throws naming `field` for another type or a time outside
 * 1970–9999.
 * @public
 */
export function optionalEpochSeconds(
  parent: JsonObject,
  key: string,
  field: string,
): number | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'number' ? value * 1000 : NaN;
  if (!(ms >= EARLIEST_PAYLOAD_TIME_MS && ms <= LATEST_PAYLOAD_TIME_MS)) {
    throw new InputError(
      `${field} must be a time in epoch seconds between 1970 and 9999`,
    );
  }
  return value as number;
}
