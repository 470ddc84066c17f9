import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { AppError, invalidArgument } from '@parley/errors';
import type { AttachmentsApi } from '../domain/gateway.ports';
import { attachmentUpload, tooLarge, type StoredFile, type UploadLimits } from './upload-storage';

export const isMultipart = (req: Request): boolean => /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');

/** multer's and busboy's refusals, in our error model. */
function translate(error: unknown, limits: UploadLimits): unknown {
  // The service's own size refusal (its limit may be lower) is a 413 too.
  if (error instanceof AppError && error.code === 'RESOURCE_EXHAUSTED') return new AppError(error.code, error.message, { httpStatus: 413 });
  if (error instanceof AppError) return error;
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return tooLarge(error.field ?? 'A file', limits.maxFileBytes);
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return invalidArgument(`Send at most ${limits.maxFiles} files, in the "attachments" field`, { field: 'attachments' });
      default:
        return invalidArgument(`The form has too many or too large fields (${error.code})`);
    }
  }
  return invalidArgument('The multipart/form-data body is malformed');
}

/**
 * Reads a multipart body with the files streamed to the attachment service. A file past the size
 * limit is answered with 413 at once; multer then discards the rest of the body (so the client
 * can read the answer) without storing any of it.
 */
export function readMultipart(attachments: AttachmentsApi, limits: UploadLimits, answerError: (res: Response, error: AppError) => void): RequestHandler {
  const upload = attachmentUpload(attachments, limits, (req, error) => {
    if (req.res && !req.res.headersSent) answerError(req.res, error);
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isMultipart(req)) {
      next(invalidArgument('Send the files as multipart/form-data'));
      return;
    }
    upload(req, res, (error?: unknown) => {
      if (res.headersSent) return;
      next(error === undefined ? undefined : translate(error, limits));
    });
  };
}

export const storedFiles = (req: Request): StoredFile[] => (Array.isArray(req.files) ? (req.files as StoredFile[]) : []);
