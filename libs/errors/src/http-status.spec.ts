import { AppError, httpStatusOf, toPublicError } from './index';

describe('error mapping', () => {
  it.each([
    ['INVALID_ARGUMENT', 400],
    ['FAILED_PRECONDITION', 400],
    ['UNAUTHENTICATED', 401],
    ['PERMISSION_DENIED', 403],
    ['NOT_FOUND', 404],
    ['ALREADY_EXISTS', 409],
    ['RESOURCE_EXHAUSTED', 429],
    ['UNAVAILABLE', 503],
    ['DEADLINE_EXCEEDED', 504],
    ['INTERNAL', 500],
  ] as const)('maps %s to HTTP %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('shows an AppError as it is and hides anything else', () => {
    expect(toPublicError(new AppError('NOT_FOUND', 'Session not found'))).toEqual({ code: 'NOT_FOUND', message: 'Session not found' });
    expect(toPublicError(new Error('relation "chat_sessions" does not exist'))).toEqual({ code: 'INTERNAL', message: 'Internal error' });
  });
});
