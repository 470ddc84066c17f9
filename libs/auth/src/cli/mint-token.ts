/**
 * Prints a development token: npm run token -- --role support --name Ana [--sub id] [--hours 8]
 * Uses JWT_SECRET, or the development secret that `npm start` uses when none is set.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@parley/contracts';
import { DEV_JWT_SECRET } from '../dev-secret';
import { signToken } from '../token';
import { loadTokenCliSettings } from '../token-cli.settings';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'customer' },
    name: { type: 'string' },
    sub: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});

const role = values.role as Role;
if (!(ROLES as readonly string[]).includes(role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(2);
}
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0) {
  console.error('--hours must be a positive number');
  process.exit(2);
}
const secret = loadTokenCliSettings().JWT_SECRET ?? DEV_JWT_SECRET;
console.log(signToken(secret, { sub: values.sub ?? randomUUID(), role, name: values.name ?? `${role} user` }, Math.round(hours * 3600)));
