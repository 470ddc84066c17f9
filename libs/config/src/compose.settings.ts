import { z } from 'zod';
import { internalTokenSettings, jwtSecretSettings, linkSecretSettings } from './fragments';
import { setting } from './setting';

/**
 * What docker-compose.yml reads from a `.env` file beside it (no Parley process reads these
 * itself): the three secrets it requires, and the infrastructure's credentials. It passes the
 * services' own settings through where it names them.
 */
export const composeSettingsSchema = z.object({
  ...jwtSecretSettings,
  ...linkSecretSettings,
  ...internalTokenSettings,
  POSTGRES_PASSWORD: setting(z.string().default('parley'), 'PostgreSQL password of the `parley` user (also in the services\' DATABASE_URL; keep it URL-safe).'),
  RABBITMQ_PASSWORD: setting(z.string().default('parley'), 'RabbitMQ password of the `parley` user (also in AMQP_URL; keep it URL-safe).'),
  MINIO_ROOT_USER: setting(z.string().default('parley'), 'MinIO root user (the attachment service\'s S3 access key).'),
  MINIO_ROOT_PASSWORD: setting(z.string().default('parley-minio-secret'), 'MinIO root password (the attachment service\'s S3 secret key).'),
  PARLEY_IMAGE_TAG: setting(z.string().default('local'), 'Tag of the locally built application image (parley:<tag>).'),
});
