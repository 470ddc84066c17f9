import type { z } from 'zod';

/** What the generated docs say about a setting (docs/configuration.md, .env.example). */
export interface SettingDoc {
  /** One or two sentences: what it does, its unit, what unset means. */
  description: string;
  /** A value to show where there is no default (a URL's form). */
  example?: string;
  /** The default as the docs should show it, where the schema computes it (a host name). */
  shownDefault?: string;
}

/** A setting: its schema and what the docs say about it. Every setting of every schema is made with it. */
export function setting<S extends z.ZodType>(schema: S, description: string, more: Omit<SettingDoc, 'description'> = {}): S {
  return schema.meta({ description, ...more }) as S;
}

/** What `setting` attached to a schema, if anything. */
export function settingDoc(schema: z.ZodType): SettingDoc | undefined {
  const meta = schema.meta() as Partial<SettingDoc> | undefined;
  return meta?.description ? (meta as SettingDoc) : undefined;
}

/** The default as text: `required`, `unset`, or the value a missing variable gets. */
export function shownDefault(schema: z.ZodType): string {
  const doc = settingDoc(schema);
  if (doc?.shownDefault) return doc.shownDefault;
  const result = schema.safeParse(undefined);
  if (!result.success) return 'required';
  const value: unknown = result.data;
  if (value === undefined) return 'unset';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
