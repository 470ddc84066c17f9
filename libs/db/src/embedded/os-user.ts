import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@parley/config';

/** An operating-system user a child process runs as. */
export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function lookUp(name: string): OsUser | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    return { name, uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/**
 * The user PostgreSQL runs as when this process is root (PostgreSQL refuses to run as root):
 * `postgres`, made as a system user when the machine has none.
 */
export function postgresOsUser(): OsUser {
  const found = lookUp('postgres');
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
  } catch (error) {
    throw new ConfigError(`PostgreSQL does not run as root and this machine has no "postgres" user, which could not be made (${(error as Error).message}): create one (useradd --system postgres) or set DATABASE_URL to a PostgreSQL server.`);
  }
  const made = lookUp('postgres');
  if (!made) throw new ConfigError('The "postgres" user was made but cannot be found: check the machine\'s user database or set DATABASE_URL to a PostgreSQL server.');
  return made;
}

/** Permission bits a user needs on a path: 1 search/execute, 2 write, 4 read. */
function permits(stat: fs.Stats, user: OsUser, bits: number): boolean {
  // POSIX picks exactly one class: the owner's, else the group's, else everyone's (other groups the user is in are not counted).
  const shift = stat.uid === user.uid ? 6 : stat.gid === user.gid ? 3 : 0;
  return ((stat.mode >> shift) & bits) === bits;
}

/**
 * True when `user` can walk down to `target` (search permission on every folder above it) and has
 * `bits` on `target` itself. Missing paths are judged by the folders that exist above them.
 */
export function canReach(target: string, user: OsUser, bits = 1): boolean {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (folder === path.dirname(folder)) break;
  }
  for (const folder of folders) {
    const stat = fs.statSync(folder, { throwIfNoEntry: false });
    if (!stat) return true;
    if (!permits(stat, user, 1)) return false;
  }
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  return !stat || permits(stat, user, bits);
}
