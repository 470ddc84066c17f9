import type { z } from 'zod';

/** A setting or a setup the operator must fix; its message says which and how (printed without a stack). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

function problemsOf(schema: z.ZodType, source: Env): string[] {
  const result = schema.safeParse(source);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
}

const invalid = (problems: string[]) => new ConfigError(`Invalid configuration:\n  ${[...new Set(problems)].join('\n  ')}`);

/**
 * Parses the environment once, at start. A missing or wrong variable stops the process with a
 * message that names it.
 */
export function parseConfig<S extends z.ZodType>(schema: S, source: Env = process.env): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw invalid(problemsOf(schema, source));
}

/**
 * Parses several processes' settings at once (the all-in-one runner's services): every problem of
 * every one in a single error, each variable named once.
 */
export function parseConfigs<T extends Record<string, [z.ZodType, Env]>>(parts: T): { [K in keyof T]: z.infer<T[K][0]> } {
  const problems = Object.values(parts).flatMap(([schema, source]) => problemsOf(schema, source));
  if (problems.length > 0) throw invalid(problems);
  return Object.fromEntries(Object.entries(parts).map(([name, [schema, source]]) => [name, schema.parse(source)])) as { [K in keyof T]: z.infer<T[K][0]> };
}
