import { z } from 'zod';

const HOST_PORT = String.raw`(\[[0-9a-fA-F:.]+\]|[^\s,/:[\]]+):\d{1,5}`;
const SERVICE_ADDRESS = new RegExp(`^(dns:///${HOST_PORT}|${HOST_PORT}(,${HOST_PORT})*)$`);

/** Zod shapes for the forms environment variables come in. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: () => z.string().url(),
  optionalUrl: () =>
    z
      .string()
      .optional()
      .transform((v) => (v === '' ? undefined : v))
      .pipe(z.string().url().optional()),
  /** host:port, a comma-separated list of them (one per instance), or dns:///name:port (libs/grpc service-target.ts). */
  address: (fallback: string) => z.string().regex(SERVICE_ADDRESS, 'must be host:port, a comma-separated list of host:port, or dns:///name:port').default(fallback),
  secret: () => z.string().min(16, 'must be at least 16 characters'),
  /** A port that may be left unset (the feature is then off). */
  optionalPort: () =>
    z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : Number(v)))
      .pipe(z.number().int().min(0).max(65535).optional()),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
  /** Milliseconds within [min, max]. */
  ms: (fallback: number, min: number, max = 3_600_000) => z.coerce.number().int().min(min).max(max).default(fallback),
  /** A whole number within [min, max]. */
  int: (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(fallback),
  /** An optional string where empty means unset. */
  optionalString: () =>
    z
      .string()
      .optional()
      .transform((v) => v || undefined),
};
