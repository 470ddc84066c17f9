import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CallFrame as _parley_calls_v1_CallFrame, CallFrame__Output as _parley_calls_v1_CallFrame__Output } from './parley/calls/v1/CallFrame';
import type { CallStreamClient as _parley_calls_v1_CallStreamClient, CallStreamDefinition as _parley_calls_v1_CallStreamDefinition } from './parley/calls/v1/CallStream';
import type { ReplyFrame as _parley_calls_v1_ReplyFrame, ReplyFrame__Output as _parley_calls_v1_ReplyFrame__Output } from './parley/calls/v1/ReplyFrame';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  parley: {
    calls: {
      v1: {
        CallFrame: MessageTypeDefinition<_parley_calls_v1_CallFrame, _parley_calls_v1_CallFrame__Output>
        CallStream: SubtypeConstructor<typeof grpc.Client, _parley_calls_v1_CallStreamClient> & { service: _parley_calls_v1_CallStreamDefinition }
        ReplyFrame: MessageTypeDefinition<_parley_calls_v1_ReplyFrame, _parley_calls_v1_ReplyFrame__Output>
      }
    }
  }
}

