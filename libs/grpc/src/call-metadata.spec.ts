import * as grpc from '@grpc/grpc-js';
import { fromMetadata, toMetadata } from './call-metadata';

describe('call metadata', () => {
  it('carries any user id and name, unicode included', () => {
    const identity = { userId: 'zoë-🍕', role: 'customer' as const, name: '李 Zoë' };
    expect(fromMetadata(toMetadata({ identity, requestId: 'r-1' }))).toEqual({ identity, requestId: 'r-1' });
  });

  it('refuses a call without identity or with an unknown role', () => {
    expect(() => fromMetadata(new grpc.Metadata())).toThrow('The call carries no identity');
    const metadata = toMetadata({ identity: { userId: 'u', role: 'customer', name: 'x' } });
    metadata.set('x-parley-user-role', 'root');
    expect(() => fromMetadata(metadata)).toThrow('The call carries an unknown role');
  });
});
