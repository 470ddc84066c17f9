import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { startS3Server, type TestS3Server } from '@parley/testing';
import type { ObjectStore } from '../domain/attachment.ports';
import { readAll } from '../testing/fakes';
import { createDiskStore } from './disk.store';
import { createS3Store } from './s3.store';

jest.setTimeout(30_000);

/** A body that yields some bytes, then fails (as a limit passed mid-upload does). */
async function* failingBody(bytesBefore: number): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < bytesBefore; sent += 1024 * 1024) yield Buffer.alloc(Math.min(1024 * 1024, bytesBefore - sent), 1);
  throw new Error('limit passed');
}

const stores: Array<[string, () => Promise<{ store: ObjectStore; stop(): Promise<void>; listed(): Promise<string[]> }>]> = [
  [
    'S3 (s3rver)',
    async () => {
      const s3: TestS3Server = await startS3Server();
      const bucket = `parley-test-${randomUUID().slice(0, 8)}`;
      const store = createS3Store({ endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, bucket, region: 'us-east-1' });
      await store.ensureBucket();
      await store.ensureBucket(); // a second start finds it
      const listed = async () => fs.readdirSync(path.join(s3.directory, bucket), { recursive: true }).map(String).filter((f) => f.endsWith('._S3rver_object'));
      return { store, stop: s3.stop, listed };
    },
  ],
  [
    'disk',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-disk-store-'));
      const listed = async () => fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => !fs.statSync(path.join(dir, f)).isDirectory());
      return { store: createDiskStore(dir), stop: async () => fs.rmSync(dir, { recursive: true, force: true }), listed };
    },
  ],
];

describe.each(stores)('object store: %s', (_name, open) => {
  let store: ObjectStore;
  let stop: () => Promise<void>;
  let listed: () => Promise<string[]>;
  beforeAll(async () => {
    ({ store, stop, listed } = await open());
  });
  afterAll(() => stop());

  it('stores a streamed object and streams it back; removes it, and a second removal is fine', async () => {
    const bytes = Buffer.alloc(6 * 1024 * 1024 + 17, 7); // more than one 5 MB part
    await store.put('chat-attachments/one', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), 'application/pdf');
    expect((await readAll(await store.get('chat-attachments/one'))).equals(bytes)).toBe(true);
    expect((await listed()).filter((f) => f.includes('one'))).toHaveLength(1);
    await store.remove('chat-attachments/one');
    await store.remove('chat-attachments/one');
    expect((await listed()).filter((f) => f.includes('one'))).toEqual([]);
    await expect(store.get('chat-attachments/one').then(readAll)).rejects.toThrow();
  });

  it.each([
    ['within the first part', 1024],
    ['after the first 5 MB part', 6 * 1024 * 1024],
  ])('keeps nothing when the body fails mid-stream (%s)', async (_label, bytesBefore) => {
    await expect(store.put('chat-attachments/broken', Readable.from(failingBody(bytesBefore)), 'image/png')).rejects.toThrow('limit passed');
    await expect(store.get('chat-attachments/broken').then(readAll)).rejects.toThrow();
    expect((await listed()).filter((f) => f.includes('broken'))).toEqual([]);
  });
});

it('the disk store refuses keys outside its folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-disk-store-'));
  const store = createDiskStore(dir);
  await expect(store.put('../escape', Readable.from([Buffer.from('x')]), 'text/plain')).rejects.toThrow(/outside the store/);
  fs.rmSync(dir, { recursive: true, force: true });
});
