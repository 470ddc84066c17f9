import { z } from 'zod';
import { env, parseConfig } from '@parley/config';
import { ATTACHMENT_DEFAULTS, ATTACHMENT_TYPE_NAMES, type AttachmentTypeName } from '@parley/contracts';

const typeList = z
  .string()
  .default(ATTACHMENT_TYPE_NAMES.join(','))
  .transform((value) => value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.enum(ATTACHMENT_TYPE_NAMES as [AttachmentTypeName, ...AttachmentTypeName[]])).min(1));

/** The limits every process that checks uploads reads (the gateway too): the seed's by default. */
export const attachmentLimitsSchema = {
  ATTACHMENT_MAX_FILE_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(ATTACHMENT_DEFAULTS.maxFileBytes),
  ATTACHMENT_MAX_FILES: z.coerce.number().int().min(1).max(50).default(ATTACHMENT_DEFAULTS.maxFiles),
};

export const attachmentConfigSchema = z
  .object({
    DATABASE_URL: env.url(),
    AMQP_URL: env.optionalUrl(),
    EVENTS_EXCHANGE: z.string().min(1).default('parley.events'),
    ATTACHMENT_GRPC_HOST: z.string().default('0.0.0.0'),
    /** Serves GET /metrics (Prometheus) on this port; unset: no metrics server (the all-in-one gateway shows them). */
    METRICS_PORT: env.optionalPort(),
    ATTACHMENT_GRPC_PORT: env.port(50054),
    /** Shared secret every internal gRPC call carries (required; the all-in-one runner makes one). */
    INTERNAL_GRPC_TOKEN: env.internalToken(),
    SESSION_SERVICE_ADDR: env.address('127.0.0.1:50051'),
    ...attachmentLimitsSchema,
    /** Comma-separated type names out of jpeg, png, gif, webp, pdf, doc, docx, xls, xlsx, txt. */
    ATTACHMENT_ALLOWED_TYPES: typeList,
    /** `s3` (MinIO or any S3 server) or `disk` (a folder; the embedded mode). */
    ATTACHMENT_STORE: z.enum(['s3', 'disk']).default('disk'),
    ATTACHMENT_DISK_DIR: z.string().min(1).default('.data/attachments'),
    S3_ENDPOINT: env.optionalUrl(),
    S3_ACCESS_KEY: z.string().default(''),
    S3_SECRET_KEY: z.string().default(''),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name').default('parley-attachments'),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** Signs the short-lived download links; every attachment service instance needs the same one. */
    ATTACHMENT_LINK_SECRET: env.secret(),
    ATTACHMENT_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    /** How long an upload may stay unsent before the cleanup removes it. */
    ATTACHMENT_UNSENT_TTL_SECONDS: z.coerce.number().int().min(1).default(86_400),
    ATTACHMENT_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(600),
    ATTACHMENT_THUMBNAIL_SIZE: z.coerce.number().int().min(16).max(1024).default(256),
  })
  .superRefine((config, ctx) => {
    if (config.ATTACHMENT_STORE !== 's3') return;
    for (const key of ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const) {
      if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when ATTACHMENT_STORE=s3' });
    }
  });

export type AttachmentConfig = z.infer<typeof attachmentConfigSchema>;

export const loadAttachmentConfig = (source: Record<string, string | undefined> = process.env): AttachmentConfig =>
  parseConfig(attachmentConfigSchema, source);
