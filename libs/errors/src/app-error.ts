import { ErrorCode } from './error-code';

/** An error meant for the caller: a stable machine code and a message safe to show a user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalidArgument = (message: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_ARGUMENT', message, details);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const permissionDenied = (message: string) => new AppError('PERMISSION_DENIED', message);
export const failedPrecondition = (message: string) => new AppError('FAILED_PRECONDITION', message);
export const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);

/** What a client may see of any error: AppErrors as they are, everything else as a generic INTERNAL. */
export function toPublicError(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'Internal error' };
}
