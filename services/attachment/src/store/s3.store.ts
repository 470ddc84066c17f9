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

/** 5 MB parts (S3's minimum): an upload of unknown size is buffered one part at a time, never whole. */
const PART_SIZE = 5 * 1024 * 1024;

/** MinIO or any S3 server, through the `minio` client. */
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
    partSize: PART_SIZE,
  });
  const { bucket } = settings;
  return {
    /** Creates the bucket at start if it is missing. */
    async ensureBucket() {
      if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket, settings.region);
    },
    async put(key, body, contentType) {
      // A failing body (a limit passed mid-stream) must fail the put, whichever side notices first.
      const failed = new Promise<never>((_, reject) => body.once('error', reject));
      await Promise.race([client.putObject(bucket, key, body, undefined, { 'Content-Type': contentType }), failed]);
    },
    async get(key): Promise<Readable> {
      return client.getObject(bucket, key);
    },
    async remove(key) {
      await client.removeObject(bucket, key);
    },
  };
}
