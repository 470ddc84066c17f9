import type { Request } from 'express';
import multer, { type StorageEngine } from 'multer';
import type { UploadedAttachment } from '@parley/contracts';
import { AppError } from '@parley/errors';
import type { AttachmentsApi } from '../domain/gateway.ports';
import { callerOf } from './http-auth';

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

const formatBytes = (bytes: number): string =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : bytes % 1024 === 0 ? `${bytes / 1024} kB` : `${bytes} bytes`;

/** A file past the size limit: RESOURCE_EXHAUSTED, answered with HTTP 413. */
export const tooLarge = (name: string, maxBytes: number) =>
  new AppError('RESOURCE_EXHAUSTED', `${name} is larger than the ${formatBytes(maxBytes)} limit`, { httpStatus: 413 });

/** What a stored file carries on `req.files` after the storage engine ran. */
export type StoredFile = Express.Multer.File & { attachment: UploadedAttachment };

/**
 * A multer storage engine that streams each part straight to the attachment service (gRPC client
 * streaming, with backpressure): nothing is buffered whole here or written to disk. When a part
 * passes the size limit, the call is cancelled at once (the service keeps nothing) and
 * `onTooLarge` answers the client without waiting for the rest of the body.
 */
export function attachmentStorage(attachments: AttachmentsApi, limits: UploadLimits, onTooLarge: (req: Request, error: AppError) => void): StorageEngine {
  return {
    _handleFile(req, file, callback) {
      const caller = callerOf(req.res as NonNullable<Request['res']>);
      file.stream.once('limit', () => {
        const error = tooLarge(file.originalname, limits.maxFileBytes);
        onTooLarge(req, error);
        file.stream.destroy(error);
      });
      attachments.upload(caller, { file_name: file.originalname, declared_type: file.mimetype, data: file.stream }).then(
        (attachment) => callback(null, { attachment, size: attachment.file_size } as Partial<StoredFile>),
        (error: unknown) => {
          file.stream.resume();
          callback(error as Error);
        },
      );
    },
    _removeFile(req, file, callback) {
      const stored = (file as Partial<StoredFile>).attachment;
      if (!stored) return callback(null);
      attachments.remove(callerOf(req.res as NonNullable<Request['res']>), stored.id).then(
        () => callback(null),
        () => callback(null), // left to the cleanup of unsent uploads
      );
    },
  };
}

/** multer over that engine, for the `attachments` field, with the configured limits. */
export function attachmentUpload(attachments: AttachmentsApi, limits: UploadLimits, onTooLarge: (req: Request, error: AppError) => void) {
  return multer({
    storage: attachmentStorage(attachments, limits, onTooLarge),
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 10, fieldSize: 64 * 1024, parts: limits.maxFiles + 10 },
    defParamCharset: 'utf8',
  }).array('attachments', limits.maxFiles);
}
