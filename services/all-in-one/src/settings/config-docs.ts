import fs from 'node:fs';
import path from 'node:path';
import { renderConfigurationDoc, renderEnvExample } from '@parley/config';
import { REPO_ROOT } from '@parley/testing';
import { COMPOSE_READER, SETTINGS_READERS } from './settings-readers';


/** The files `npm run config:docs` writes, with what they should hold. */
export function configDocs(): Array<{ file: string; text: string }> {
  return [
    { file: path.join(REPO_ROOT, 'docs', 'configuration.md'), text: renderConfigurationDoc(SETTINGS_READERS) },
    { file: path.join(REPO_ROOT, '.env.example'), text: renderEnvExample(SETTINGS_READERS, COMPOSE_READER) },
  ];
}

if (require.main === module) {
  for (const { file, text } of configDocs()) {
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
  }
}
