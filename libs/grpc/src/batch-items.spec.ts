import { createLogger } from '@parley/logger';
import { notFound } from '@parley/errors';
import { callerFromProto, itemErrorFromProto, itemErrorToProto } from './batch-items';

const logger = createLogger('batch-items-spec', 'silent');

describe('a batch item failure on the wire', () => {
  it('keeps an application error as it is', () => {
    const wire = itemErrorToProto(notFound('Session not found'), logger, 'SendMessages');
    expect(wire).toEqual({ code: 'NOT_FOUND', message: 'Session not found', details_json: '' });
    expect(itemErrorFromProto({ code: 'NOT_FOUND', message: 'Session not found', details_json: '' })).toMatchObject({ code: 'NOT_FOUND', message: 'Session not found' });
  });

  it('says UNAVAILABLE (try again) when the database cannot be reached, as a unary call would', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(itemErrorToProto(refused, logger, 'SendMessages')).toMatchObject({ code: 'UNAVAILABLE' });
    expect(itemErrorToProto(new Error('Connection terminated unexpectedly'), logger, 'SendMessages').code).toBe('UNAVAILABLE');
  });

  it('hides anything else behind INTERNAL', () => {
    expect(itemErrorToProto(new TypeError('x is undefined'), logger, 'SendMessages')).toEqual({ code: 'INTERNAL', message: 'Internal error', details_json: '' });
  });
});

describe('a batch item caller', () => {
  it('may be a user or the sending service itself, as a unary call may', () => {
    expect(callerFromProto({ user_id: 'u1', role: 'customer', name: 'Ann', request_id: 'r1' }).identity).toEqual({ userId: 'u1', role: 'customer', name: 'Ann', requestId: 'r1' });
    expect(callerFromProto({ user_id: 'gateway:a', role: 'service', name: 'gateway', request_id: '' }).identity).toEqual({ userId: 'gateway:a', role: 'service', name: 'gateway' });
  });

  it('fails its item without a user or with an unknown role', () => {
    expect(() => callerFromProto(null)).toThrow('no valid caller');
    expect(() => callerFromProto({ user_id: '', role: 'customer', name: '', request_id: '' })).toThrow('no valid caller');
    expect(() => callerFromProto({ user_id: 'u1', role: 'root', name: '', request_id: '' })).toThrow('no valid caller');
  });
});
