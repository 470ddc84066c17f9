import { z } from 'zod';
import { attachmentLimitSettings, env, linkSecretSettings, parseConfig, serviceAddressSettings, serviceBaseSettings, setting, type Env } from '@parley/config';
import { ATTACHMENT_TYPE_NAMES, type AttachmentTypeName } from '@parley/contracts';

const typeList = z
  .string()
  .default(ATTACHMENT_TYPE_NAMES.join(','))
  .transform((value) => value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.enum(ATTACHMENT_TYPE_NAMES as [AttachmentTypeName, ...AttachmentTypeName[]])).min(1));

export const attachmentConfigSchema = z
  .object({
    ...serviceBaseSettings('attachment', { poolMax: 10 }),
    ...serviceAddressSettings('session'),
    ...attachmentLimitSettings,
    ATTACHMENT_ALLOWED_TYPES: setting(typeList, `Accepted types, comma-separated, out of ${ATTACHMENT_TYPE_NAMES.join(', ')}.`),
    ATTACHMENT_STORE: setting(z.enum(['s3', 'disk']).default('disk'), 'Where files are kept: s3 (MinIO or any S3 server) or disk (a folder).'),
    ATTACHMENT_DISK_DIR: setting(z.string().min(1).default('.data/attachments'), 'The folder of the disk store.'),
    S3_ENDPOINT: setting(env.optionalUrl(), 'The S3 server (required for s3).', { example: 'http://127.0.0.1:9000' }),
    S3_ACCESS_KEY: setting(z.string().default(''), "The S3 server's access key (required for s3)."),
    S3_SECRET_KEY: setting(z.string().default(''), "The S3 server's secret key (required for s3)."),
    S3_BUCKET: setting(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name').default('parley-attachments'), 'Bucket of the files, created at start if missing.'),
    S3_REGION: setting(z.string().min(1).default('us-east-1'), 'Region of the S3 server.'),
    ...linkSecretSettings,
    ATTACHMENT_LINK_TTL_SECONDS: setting(env.int(300, 10, 86_400), 'How long a signed download link works, in seconds.'),
    ATTACHMENT_UNSENT_TTL_SECONDS: setting(env.int(86_400, 1), 'How long an upload may stay unsent before it is removed, in seconds.'),
    ATTACHMENT_SWEEP_INTERVAL_SECONDS: setting(env.int(600, 1), 'How often the cleanup of unsent uploads runs, in seconds.'),
    ATTACHMENT_THUMBNAIL_SIZE: setting(env.int(256, 16, 1024), 'Largest side of an image thumbnail, in pixels.'),
  })
  .superRefine((config, ctx) => {
    if (config.ATTACHMENT_STORE !== 's3') return;
    for (const key of ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const) {
      if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when ATTACHMENT_STORE=s3' });
    }
  });

export type AttachmentConfig = z.infer<typeof attachmentConfigSchema>;

export const loadAttachmentConfig = (source: Env = process.env): AttachmentConfig => parseConfig(attachmentConfigSchema, source);
