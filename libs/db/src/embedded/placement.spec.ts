import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@parley/config';
import { embeddedClusterDir } from '../embedded-postgres';
import { canReach, type OsUser } from './os-user';
import { postgresFor } from './postgres-binaries';

/** A user that owns none of the test's files (as the `postgres` user owns none of a root's clone). */
const stranger: OsUser = { name: 'stranger', uid: 65_534, gid: 65_534 };

describe('where the embedded PostgreSQL can live when it runs as another user', () => {
  const made: string[] = [];
  const folder = (mode: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-placement-'));
    fs.chmodSync(dir, mode);
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('a folder is out of reach when a folder above it cannot be entered', () => {
    const open = folder(0o755);
    const closed = folder(0o700);
    expect(canReach(path.join(open, 'data'), stranger)).toBe(true);
    expect(canReach(path.join(closed, 'data'), stranger)).toBe(false);
    expect(canReach(closed, stranger)).toBe(false);
    fs.chmodSync(closed, 0o711);
    expect(canReach(path.join(closed, 'data'), stranger)).toBe(true);
  });

  it('keeps the cluster in the data folder when the user can enter it', () => {
    const data = path.join(folder(0o755), '.data');
    expect(embeddedClusterDir(data, stranger, folder(0o755))).toBe(path.join(data, 'postgres'));
  });

  it('puts the cluster in the spare folder, linked from the data folder, when the data folder is private; the next run finds it', () => {
    const data = path.join(folder(0o700), '.data');
    const spare = path.join(folder(0o755), 'parley');
    const first = embeddedClusterDir(data, stranger, spare);
    expect(path.dirname(first)).toBe(spare);
    expect(fs.readlinkSync(path.join(data, 'postgres'))).toBe(first);
    fs.mkdirSync(first);
    expect(embeddedClusterDir(data, stranger, spare)).toBe(fs.realpathSync(first));
  });

  it('stops with one sentence that says what to do when the spare folder cannot be made', () => {
    const data = path.join(folder(0o700), '.data');
    const attempt = () => embeddedClusterDir(data, stranger, '/dev/null/parley');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/cannot reach .*\.data\/postgres, and \/dev\/null\/parley cannot hold it instead \(ENOTDIR\): let that user into the folder .* or set DATABASE_URL/);
  });

  it('stops with one sentence when a cluster made earlier is now out of reach', () => {
    const data = path.join(folder(0o700), '.data');
    fs.mkdirSync(path.join(data, 'postgres'), { recursive: true });
    expect(() => embeddedClusterDir(data, stranger, folder(0o755))).toThrow(/data in .* is out of the "stranger" user's reach: let that user into/);
  });

  it('copies binaries out of a private folder once, open to every user, links kept, and uses the copy from then on', () => {
    const packagedDir = path.join(folder(0o700), 'native');
    fs.mkdirSync(path.join(packagedDir, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(packagedDir, 'lib'), { mode: 0o700 });
    for (const name of ['initdb', 'postgres']) fs.writeFileSync(path.join(packagedDir, 'bin', name), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(packagedDir, 'lib', 'libpq.so.5.18'), '');
    fs.symlinkSync('libpq.so.5.18', path.join(packagedDir, 'lib', 'libpq.so.5'));
    const packaged = { dir: packagedDir, initdb: path.join(packagedDir, 'bin', 'initdb'), postgres: path.join(packagedDir, 'bin', 'postgres'), version: '1.2.3' };
    const spare = folder(0o755);
    let asked = 0;
    const spareDir = () => (asked++, spare);

    const copy = postgresFor(stranger, spareDir, packaged);
    expect(path.dirname(copy.dir)).toBe(spare);
    expect(path.basename(copy.dir)).toContain('postgres-1.2.3');
    expect(canReach(copy.postgres, stranger, 5)).toBe(true);
    expect(canReach(path.join(copy.dir, 'lib', 'libpq.so.5.18'), stranger, 4)).toBe(true);
    expect(fs.readlinkSync(path.join(copy.dir, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(fs.readdirSync(spare)).toEqual([path.basename(copy.dir)]);

    fs.writeFileSync(path.join(copy.dir, 'bin', 'postgres'), 'the copy');
    expect(postgresFor(stranger, spareDir, packaged)).toEqual(copy);
    expect(fs.readFileSync(copy.postgres, 'utf8')).toBe('the copy');
    expect(asked).toBe(2);
  });

  it('uses the packaged binaries in place when the user can reach them', () => {
    const packagedDir = path.join(folder(0o755), 'native');
    fs.mkdirSync(path.join(packagedDir, 'bin'), { recursive: true });
    for (const name of ['initdb', 'postgres']) fs.writeFileSync(path.join(packagedDir, 'bin', name), '', { mode: 0o755 });
    const packaged = { dir: packagedDir, initdb: path.join(packagedDir, 'bin', 'initdb'), postgres: path.join(packagedDir, 'bin', 'postgres'), version: '1.2.3' };
    expect(postgresFor(stranger, () => '/dev/null/never', packaged).dir).toBe(packagedDir);
  });
});
