import type { z } from 'zod';
import { SHARED_SETTING_NAMES } from '../fragments';
import { settingDoc, shownDefault } from '../setting';

/** A process (or a tool, or the compose file) and the settings schema it reads. */
export interface SettingsReader {
  /** As the docs name it: `session`, `all-in-one`. */
  name: string;
  /** The command that starts it, or where it is read. */
  runs: string;
  /** A sentence for its part of the docs (how it reads its settings). */
  note?: string;
  schema: z.ZodObject;
}

/** One line of the docs: a variable, as one or more readers read it alike. */
export interface SettingRow {
  name: string;
  description: string;
  example?: string;
  /** Each reader's default (`required`, `unset`, or a value). */
  defaults: Array<{ reader: string; shown: string }>;
}

/** A part of the docs: the shared settings, then each reader's own. */
export interface SettingsSection {
  title: string;
  runs?: string;
  note?: string;
  rows: SettingRow[];
  /** Settings this reader reads that an earlier part describes. */
  alsoReads: string[];
}

function rowOf(readers: SettingsReader[], name: string, description: string): SettingRow {
  const alike = readers.filter((reader) => name in reader.schema.shape && settingDoc(reader.schema.shape[name] as z.ZodType)?.description === description);
  const first = alike[0].schema.shape[name] as z.ZodType;
  return {
    name,
    description,
    example: settingDoc(first)?.example,
    defaults: alike.map((reader) => ({ reader: reader.name, shown: shownDefault(reader.schema.shape[name] as z.ZodType) })),
  };
}

/** Every setting without a description (`setting()` was not used): the docs test names them. */
export function undescribedSettings(readers: SettingsReader[]): string[] {
  return readers.flatMap((reader) => Object.entries(reader.schema.shape).filter(([, schema]) => !settingDoc(schema as z.ZodType)).map(([name]) => `${reader.name}: ${name}`));
}

/**
 * The docs' parts: first the settings every service shares (libs/config's fragments), then each
 * reader's own, each variable described once; a reader that means something else by a variable
 * (the all-in-one's DATABASE_URL) describes it again in its own part.
 */
export function settingsSections(readers: SettingsReader[]): SettingsSection[] {
  const described = new Set<string>();
  const key = (name: string, description: string) => `${name}\u0000${description}`;
  const docOf = (reader: SettingsReader, name: string) => settingDoc(reader.schema.shape[name] as z.ZodType)?.description ?? '';
  const shared: SettingsSection = { title: 'Every service', rows: [], alsoReads: [] };
  for (const name of SHARED_SETTING_NAMES) {
    const reader = readers.find((r) => name in r.schema.shape);
    if (!reader) continue;
    shared.rows.push(rowOf(readers, name, docOf(reader, name)));
    described.add(key(name, docOf(reader, name)));
  }
  const sections = [shared];
  for (const reader of readers) {
    const section: SettingsSection = { title: reader.name, runs: reader.runs, note: reader.note, rows: [], alsoReads: [] };
    for (const name of Object.keys(reader.schema.shape)) {
      const description = docOf(reader, name);
      if (described.has(key(name, description))) {
        section.alsoReads.push(name);
        continue;
      }
      described.add(key(name, description));
      section.rows.push(rowOf(readers, name, description));
    }
    sections.push(section);
  }
  return sections;
}
