import type { z } from 'zod';
import { invalidArgument } from '@parley/errors';

/** Parses with a schema; the first problem becomes an INVALID_ARGUMENT naming the field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
  const message = issue.code === 'unrecognized_keys' ? `Unknown field: ${field}` : issue.message;
  throw invalidArgument(field && !message.includes(field) ? `${field}: ${message}` : message, field ? { field } : undefined);
}
