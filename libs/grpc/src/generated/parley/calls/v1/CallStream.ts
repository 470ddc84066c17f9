// Original file: parley/calls/v1/calls.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CallFrame as _parley_calls_v1_CallFrame, CallFrame__Output as _parley_calls_v1_CallFrame__Output } from '../../../parley/calls/v1/CallFrame';
import type { ReplyFrame as _parley_calls_v1_ReplyFrame, ReplyFrame__Output as _parley_calls_v1_ReplyFrame__Output } from '../../../parley/calls/v1/ReplyFrame';

export interface CallStreamClient extends grpc.Client {
  Calls(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_parley_calls_v1_CallFrame, _parley_calls_v1_ReplyFrame__Output>;
  Calls(options?: grpc.CallOptions): grpc.ClientDuplexStream<_parley_calls_v1_CallFrame, _parley_calls_v1_ReplyFrame__Output>;
  calls(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_parley_calls_v1_CallFrame, _parley_calls_v1_ReplyFrame__Output>;
  calls(options?: grpc.CallOptions): grpc.ClientDuplexStream<_parley_calls_v1_CallFrame, _parley_calls_v1_ReplyFrame__Output>;
  
}

export interface CallStreamHandlers extends grpc.UntypedServiceImplementation {
  Calls: grpc.handleBidiStreamingCall<_parley_calls_v1_CallFrame__Output, _parley_calls_v1_ReplyFrame>;
  
}

export interface CallStreamDefinition extends grpc.ServiceDefinition {
  Calls: MethodDefinition<_parley_calls_v1_CallFrame, _parley_calls_v1_ReplyFrame, _parley_calls_v1_CallFrame__Output, _parley_calls_v1_ReplyFrame__Output>
}
