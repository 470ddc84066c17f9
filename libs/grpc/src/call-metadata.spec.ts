import * as grpc from '@grpc/grpc-js';
import { fromMetadata, toMetadata } from './call-metadata';

describe('call metadata', () => {
  it('carries any user id and name, unicode included', () => {
    const identity = { userId: 'zoë-🍕', role: 'customer' as const, name: '李 Zoë' };
    // The identity comes back acting in the request, so what it calls and causes carries the id on.
    expect(fromMetadata(toMetadata({ identity, requestId: 'r-1' }))).toEqual({ identity: { ...identity, requestId: 'r-1' }, requestId: 'r-1' });
  });

  it("passes an identity's own request on when the call names none", () => {
    const identity = { userId: 'u', role: 'support' as const, name: 'Ana', requestId: 'r-2' };
    expect(fromMetadata(toMetadata({ identity })).requestId).toBe('r-2');
  });

  it('refuses a call without identity or with an unknown role', () => {
    expect(() => fromMetadata(new grpc.Metadata())).toThrow('The call carries no identity');
    const metadata = toMetadata({ identity: { userId: 'u', role: 'customer', name: 'x' } });
    metadata.set('x-parley-user-role', 'root');
    expect(() => fromMetadata(metadata)).toThrow('The call carries an unknown role');
  });
});
