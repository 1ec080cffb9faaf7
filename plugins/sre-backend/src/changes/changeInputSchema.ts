import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CHANGE_IDENTITY_KINDS,
  CHANGE_KINDS,
  CHANGE_OUTCOMES,
  ChangeInput,
  isHttpUrl,
} from '@baton/plugin-sre-common';
import {
  EARLIEST_PAYLOAD_TIME_MS,
  LATEST_PAYLOAD_TIME_MS,
} from '@baton/plugin-sre-node';
import { z } from 'zod';

/**
 * The column sizes of migrations/20261212_changes.js: PostgreSQL refuses
 * longer text and SQLite would keep it, so both get the same 400.
 */
export const CHANGE_FIELD_LIMITS = {
  source: 64,
  externalId: 255,
  environment: 64,
  title: 1024,
  url: 2048,
  entityRef: 255,
  identity: 255,
  workspace: 255,
  linkTitle: 255,
} as const;

/** Most changes one request or one pull batch stores. */
export const MAX_CHANGES_PER_RECORD = 1000;

const text = (max: number) => z.string().trim().min(1).max(max);

/** ISO 8601 with a time zone (Z or an offset), between 1970 and 9999. */
const zonedTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i,
    'must be an ISO 8601 time with a time zone',
  )
  .refine(value => {
    const ms = Date.parse(value);
    return ms >= EARLIEST_PAYLOAD_TIME_MS && ms <= LATEST_PAYLOAD_TIME_MS;
  }, 'must be a time between 1970 and 9999')
  .transform(value => new Date(value).toISOString());

const httpUrl = z
  .string()
  .max(CHANGE_FIELD_LIMITS.url)
  .refine(isHttpUrl, 'must be an http(s) URL');

/** An entity ref (kind required, namespace `default` when left out), written as the catalog writes it. */
const entityRef = z
  .string()
  .max(CHANGE_FIELD_LIMITS.entityRef)
  .transform((value, context) => {
    try {
      return stringifyEntityRef(parseEntityRef(value));
    } catch {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `'${value}' is not an entity ref (kind:namespace/name)`,
      });
      return z.NEVER;
    }
  });

const identity = z.object({
  kind: z.enum(CHANGE_IDENTITY_KINDS),
  value: text(CHANGE_FIELD_LIMITS.identity),
});

const people = z.array(identity).max(20);

const count = z.number().int().min(0).max(1_000_000);

const changeInput = z
  .object({
    externalId: text(CHANGE_FIELD_LIMITS.externalId),
    entityRefs: z
      .array(entityRef)
      .min(1)
      .max(20)
      .transform(refs => [...new Set(refs)]),
    kind: z.enum(CHANGE_KINDS),
    environment: text(CHANGE_FIELD_LIMITS.environment).optional(),
    title: text(CHANGE_FIELD_LIMITS.title),
    startedAt: zonedTime,
    finishedAt: zonedTime.optional(),
    outcome: z.enum(CHANGE_OUTCOMES),
    operators: people.min(1, 'at least one person ran the change'),
    pairs: people.default([]),
    procedure: z
      .object({
        url: httpUrl,
        authors: people.default([]),
        reviewers: people.default([]),
      })
      .optional(),
    terraform: z
      .object({
        workspace: text(CHANGE_FIELD_LIMITS.workspace),
        plan: z
          .object({ add: count, change: count, destroy: count })
          .optional(),
        // Up to a week: longer is a wrong unit, not an apply.
        applySeconds: z.number().min(0).max(604_800).optional(),
      })
      .optional(),
    links: z
      .array(
        z.object({ title: text(CHANGE_FIELD_LIMITS.linkTitle), url: httpUrl }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((change, context) => {
    if (
      change.finishedAt &&
      Date.parse(change.finishedAt) < Date.parse(change.startedAt)
    ) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['finishedAt'],
        message: 'must not be before startedAt',
      });
    }
  });

/** A source's id: what `(source, externalId)` is unique within. */
export const changeSourceId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'must be lower-case letters, digits, dots, dashes or underscores',
  )
  .max(CHANGE_FIELD_LIMITS.source);

/** `POST /changes`'s body. */
export const recordChangesRequest = z.object({
  source: changeSourceId.default('api'),
  changes: z.array(z.unknown()).min(1).max(MAX_CHANGES_PER_RECORD),
});

/** A field's path as a reader writes it: `changes[2].operators[0].value`. */
function fieldPath(prefix: string, path: PropertyKey[]): string {
  return path.reduce<string>(
    (written, part) =>
      typeof part === 'number'
        ? `${written}[${part}]`
        : `${written}.${String(part)}`,
    prefix,
  );
}

/**
 * Checks every change; a 400 names each wrong field
 * (`changes[2].startedAt: …`), and nothing is stored when any change is wrong.
 */
export function parseChangeInputs(
  changes: unknown[],
  prefix = 'changes',
): ChangeInput[] {
  if (changes.length > MAX_CHANGES_PER_RECORD) {
    throw new InputError(
      `${prefix}: at most ${MAX_CHANGES_PER_RECORD} changes at once`,
    );
  }
  const problems: string[] = [];
  const parsed: ChangeInput[] = [];
  const seen = new Map<string, number>();
  changes.forEach((change, index) => {
    const result = changeInput.safeParse(change);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(
          `${fieldPath(`${prefix}[${index}]`, issue.path)}: ${issue.message}`,
        );
      }
      return;
    }
    const earlier = seen.get(result.data.externalId);
    if (earlier !== undefined) {
      problems.push(
        `${prefix}[${index}].externalId: '${result.data.externalId}' is also ${prefix}[${earlier}]'s`,
      );
    }
    seen.set(result.data.externalId, index);
    parsed.push(result.data);
  });
  if (problems.length) {
    // The first few are enough to fix a payload; a thousand would bury them.
    const shown = problems.slice(0, 10);
    if (problems.length > shown.length) {
      shown.push(`and ${problems.length - shown.length} more`);
    }
    throw new InputError(shown.join('; '));
  }
  return parsed;
}
