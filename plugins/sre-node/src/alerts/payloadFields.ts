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

/** `parent[key]` as a non-empty string; throws naming `field` otherwise. @public */
export function requireText(
  parent: JsonObject,
  key: string,
  field: string,
): string {
  const value = parent[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field} must be a non-empty string`);
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
