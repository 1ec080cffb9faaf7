import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses request input with a zod schema; a 400 names each field that is wrong. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(issue => `${issue.path.join('.') || 'input'}: ${issue.message}`)
        .join('; '),
    );
  }
  return result.data;
}
