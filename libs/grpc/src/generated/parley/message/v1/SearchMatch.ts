// Original file: parley/message/v1/message.proto

import type { SearchHighlight as _parley_message_v1_SearchHighlight, SearchHighlight__Output as _parley_message_v1_SearchHighlight__Output } from '../../../parley/message/v1/SearchHighlight';
import type { Long } from '@grpc/proto-loader';

export interface SearchMatch {
  'message_id'?: (string);
  'seq'?: (number | string | Long);
  'sender_id'?: (string);
  'sender_name'?: (string);
  'sender_role'?: (string);
  'message_type'?: (string);
  'created_at'?: (string);
  'snippet'?: (string);
  'highlights'?: (_parley_message_v1_SearchHighlight)[];
}

export interface SearchMatch__Output {
  'message_id': (string);
  'seq': (number);
  'sender_id': (string);
  'sender_name': (string);
  'sender_role': (string);
  'message_type': (string);
  'created_at': (string);
  'snippet': (string);
  'highlights': (_parley_message_v1_SearchHighlight__Output)[];
}
