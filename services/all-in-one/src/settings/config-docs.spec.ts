import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { renderConfigurationDoc, setting, undescribedSettings } from '@parley/config';
import { configDocs } from './config-docs';
import { SETTINGS_READERS } from './settings-readers';

describe('docs/configuration.md and .env.example, made from the settings schemas', () => {
  it.each(configDocs().map(({ file, text }) => [path.basename(file), file, text]))('%s is up to date (npm run config:docs writes it)', (_name, file, text) => {
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('describes every setting of every process', () => {
    expect(undescribedSettings(SETTINGS_READERS)).toEqual([]);
  });

  it('a setting added to a schema shows up with its default and description, once', () => {
    const extended = SETTINGS_READERS.map((reader) =>
      reader.name === 'message' ? { ...reader, schema: reader.schema.extend({ MAX_THINGS: setting(z.coerce.number().default(7), 'Things at most.') }) } : reader,
    );
    const doc = renderConfigurationDoc(extended);
    expect(doc).not.toBe(renderConfigurationDoc(SETTINGS_READERS));
    expect(doc.match(/^\| `MAX_THINGS` .*$/gm)).toEqual(['| `MAX_THINGS` | `7` | Things at most. | message |']);
  });
});
