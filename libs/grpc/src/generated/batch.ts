import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from './parley/batch/v1/Caller';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from './parley/batch/v1/ItemError';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  parley: {
    batch: {
      v1: {
        Caller: MessageTypeDefinition<_parley_batch_v1_Caller, _parley_batch_v1_Caller__Output>
        ItemError: MessageTypeDefinition<_parley_batch_v1_ItemError, _parley_batch_v1_ItemError__Output>
      }
    }
  }
}

