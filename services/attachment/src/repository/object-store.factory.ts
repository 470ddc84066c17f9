import type { AttachmentConfig } from '../config';
import type { ObjectStore } from '../domain/attachment.ports';
import { createDiskStore } from './disk.store';
import { createS3Store } from './s3.store';

/** The store the configuration names; an S3 bucket is created at start if it is missing. */
export async function openObjectStore(config: AttachmentConfig): Promise<ObjectStore> {
  if (config.ATTACHMENT_STORE === 'disk') return createDiskStore(config.ATTACHMENT_DISK_DIR);
  const store = createS3Store({
    endpoint: config.S3_ENDPOINT as string,
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
  });
  await store.ensureBucket();
  return store;
}
