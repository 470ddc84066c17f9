import { attachmentConfigSchema } from '@parley/attachment';
import { tokenCliSettingsSchema } from '@parley/auth';
import { composeSettingsSchema, testSettingsSchema, type SettingsReader } from '@parley/config';
import { migrateConfigSchema } from '@parley/db';
import { gatewayConfigSchema } from '@parley/gateway';
import { messageConfigSchema } from '@parley/message';
import { presenceConfigSchema } from '@parley/presence';
import { sessionConfigSchema } from '@parley/session';
import { allInOneConfigSchema } from '../config';

export const COMPOSE_READER: SettingsReader = {
  name: 'docker compose',
  runs: 'docker compose up',
  note: 'docker-compose.yml reads these from a `.env` file beside it, and passes the services\' settings it names through; the addresses, ports and URLs inside the compose network are fixed in the file.',
  schema: composeSettingsSchema,
};

/** Every process, tool and file that reads Parley's settings: what docs/configuration.md and .env.example are made from. */
export const SETTINGS_READERS: SettingsReader[] = [
  { name: 'session', runs: 'tsx services/session/src/main.ts', schema: sessionConfigSchema },
  { name: 'message', runs: 'tsx services/message/src/main.ts', schema: messageConfigSchema },
  { name: 'presence', runs: 'tsx services/presence/src/main.ts', schema: presenceConfigSchema },
  { name: 'attachment', runs: 'tsx services/attachment/src/main.ts', schema: attachmentConfigSchema },
  { name: 'gateway', runs: 'tsx services/gateway/src/main.ts', schema: gatewayConfigSchema },
  {
    name: 'all-in-one',
    runs: 'npm start',
    note: 'Every service runs in this one process and gets the settings above from its environment, except the database URL, the secrets, and the gRPC hosts, ports and addresses, which the runner sets.',
    schema: allInOneConfigSchema,
  },
  { name: 'migrate', runs: 'npm run migrate', schema: migrateConfigSchema },
  { name: 'token', runs: 'npm run token', schema: tokenCliSettingsSchema },
  COMPOSE_READER,
  { name: 'tests', runs: 'npm test', schema: testSettingsSchema },
];
