import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { ObjectStore } from '../domain/attachment.ports';

/**
 * A folder as the object store, for the embedded mode. A file is written under a temporary name
 * and renamed when complete, so a failed upload leaves nothing behind.
 */
export function createDiskStore(root: string): ObjectStore {
  const base = path.resolve(root);
  const pathOf = (key: string): string => {
    const target = path.resolve(base, key);
    if (!target.startsWith(base + path.sep)) throw new Error(`object key outside the store: ${key}`);
    return target;
  };
  return {
    async put(key, body) {
      const target = pathOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${randomUUID()}.part`;
      // Opened before the body flows: a stream that opens its file itself may create it after a
      // failed body has already been cleaned up, leaving the partial file behind.
      const file = await fs.promises.open(partial, 'wx');
      try {
        await pipeline(body, file.createWriteStream());
        await fs.promises.rename(partial, target);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
    },
    async get(key): Promise<Readable> {
      const target = pathOf(key);
      await fs.promises.access(target);
      return fs.createReadStream(target);
    },
    async remove(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
  };
}
