import * as grpc from '@grpc/grpc-js';
import { ROLES, type Identity } from '@parley/contracts';
import { unauthenticated } from '@parley/errors';

/**
 * The caller's identity and request id travel in gRPC metadata. The gateway puts a verified
 * user there; a service acting on its own behalf uses the `service` role.
 */
const USER_ID = 'x-parley-user-id-b64';
const USER_ROLE = 'x-parley-user-role';
const USER_NAME = 'x-parley-user-name-b64';
const REQUEST_ID = 'x-request-id';

export interface CallContext {
  identity: Identity;
  requestId?: string;
}

/** The call's metadata; a service calling another on a user's behalf passes the identity's request on. */
export function toMetadata({ identity, requestId = identity.requestId }: CallContext): grpc.Metadata {
  const metadata = new grpc.Metadata();
  // Metadata values must be printable ASCII; ids and names from tokens may not be.
  metadata.set(USER_ID, Buffer.from(identity.userId, 'utf8').toString('base64'));
  metadata.set(USER_ROLE, identity.role);
  metadata.set(USER_NAME, Buffer.from(identity.name, 'utf8').toString('base64'));
  if (requestId) metadata.set(REQUEST_ID, requestId);
  return metadata;
}

const first = (metadata: grpc.Metadata, key: string): string | undefined => {
  const value = metadata.get(key)[0];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

export function fromMetadata(metadata: grpc.Metadata): CallContext {
  const encodedId = first(metadata, USER_ID);
  const userId = encodedId && Buffer.from(encodedId, 'base64').toString('utf8');
  const role = first(metadata, USER_ROLE);
  const name = first(metadata, USER_NAME);
  if (!userId || !role) throw unauthenticated('The call carries no identity');
  if (role !== 'service' && !(ROLES as readonly string[]).includes(role)) throw unauthenticated('The call carries an unknown role');
  const requestId = first(metadata, REQUEST_ID);
  const identity: Identity = { userId, role: role as Identity['role'], name: name ? Buffer.from(name, 'base64').toString('utf8') : '' };
  if (requestId) identity.requestId = requestId;
  return { identity, requestId };
}
