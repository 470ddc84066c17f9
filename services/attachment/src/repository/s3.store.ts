import type { Readable } from 'node:stream';
import * as Minio from 'minio';
import type { ObjectStore } from '../domain/attachment.ports';

export interface S3Settings {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

/** S3's smallest multipart part: the most of an upload held in memory at once. */
export const PART_SIZE = 5 * 1024 * 1024;

/**
 * MinIO or any S3 server, through the `minio` client. An upload's length is unknown until it
 * ends, so it goes up part by part (5 MB at a time, never the whole file): a file that ends
 * within the first part is one PUT, a longer one a multipart upload that is aborted if the
 * stream fails (a limit passed), so a refused file leaves no object and no orphaned parts.
 * (minio's putObject for streams of unknown length would first list the bucket's incomplete
 * uploads, and abandons its parts on failure.)
 */
export function createS3Store(settings: S3Settings): ObjectStore & { ensureBucket(): Promise<void> } {
  const url = new URL(settings.endpoint);
  const client = new Minio.Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    useSSL: url.protocol === 'https:',
    accessKey: settings.accessKey,
    secretKey: settings.secretKey,
    region: settings.region,
    pathStyle: true,
  });
  const { bucket } = settings;

  async function* parts(body: Readable): AsyncGenerator<Buffer> {
    let pending: Buffer[] = [];
    let length = 0;
    for await (const chunk of body) {
      pending.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= PART_SIZE) {
        const joined = Buffer.concat(pending);
        yield joined.subarray(0, PART_SIZE);
        pending = [joined.subarray(PART_SIZE)];
        length -= PART_SIZE;
      }
    }
    if (length > 0) yield Buffer.concat(pending);
  }

  return {
    /** Creates the bucket at start if it is missing; another instance starting at once may create it first. */
    async ensureBucket() {
      if (await client.bucketExists(bucket)) return;
      try {
        await client.makeBucket(bucket, settings.region);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
      }
    },
    async put(key, body, contentType) {
      const iterator = parts(body);
      const first = await iterator.next();
      const second = first.done ? first : await iterator.next();
      if (second.done) {
        const only = first.done ? Buffer.alloc(0) : first.value;
        await client.putObject(bucket, key, only, only.length, { 'Content-Type': contentType });
        return;
      }
      const uploadId = await client.initiateNewMultipartUpload(bucket, key, { 'Content-Type': contentType });
      try {
        const etags: { part: number; etag: string }[] = [];
        const send = async (payload: Buffer) => {
          const part = etags.length + 1;
          const { etag } = await client.uploadPart({ bucketName: bucket, objectName: key, uploadID: uploadId, partNumber: part, headers: { 'Content-Length': payload.length } }, payload);
          etags.push({ part, etag });
        };
        await send(first.value as Buffer);
        await send(second.value);
        for await (const payload of { [Symbol.asyncIterator]: () => iterator }) await send(payload);
        await client.completeMultipartUpload(bucket, key, uploadId, etags);
      } catch (error) {
        await client.abortMultipartUpload(bucket, key, uploadId).catch(() => undefined);
        throw error;
      }
    },
    async get(key): Promise<Readable> {
      return client.getObject(bucket, key);
    },
    async remove(key) {
      await client.removeObject(bucket, key);
    },
  };
}
