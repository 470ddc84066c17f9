import * as grpc from '@grpc/grpc-js';

/** A grpc-js call's optional arguments: metadata and options may each be left out; a callback comes last. */
export function callArguments(rest: unknown[]): { metadata: grpc.Metadata; options: grpc.CallOptions; callback: grpc.requestCallback<unknown> } {
  const metadata = rest.find((arg): arg is grpc.Metadata => arg instanceof grpc.Metadata) ?? new grpc.Metadata();
  const options = rest.find((arg): arg is grpc.CallOptions => typeof arg === 'object' && arg !== null && !(arg instanceof grpc.Metadata)) ?? {};
  const last = rest.at(-1);
  return { metadata, options, callback: (typeof last === 'function' ? last : () => undefined) as grpc.requestCallback<unknown> };
}
