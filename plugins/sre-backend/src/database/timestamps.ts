/** A timestamp column as read: SQLite gives numbers or strings, PostgreSQL Dates. */
export type StoredTime = Date | string | number;

/** A stored timestamp as the API writes it: ISO 8601 UTC. */
export const isoTime = (value: StoredTime) => new Date(value).toISOString();

/** The same, for a nullable column. */
export const isoTimeOrNull = (value: StoredTime | null) =>
  value === null ? null : isoTime(value);
