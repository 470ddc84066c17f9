// Original file: parley/message/v1/message.proto


export interface MarkAsReadRequest {
  'session_id'?: (string);
  'has_message_ids'?: (boolean);
  'message_ids'?: (string)[];
}

export interface MarkAsReadRequest__Output {
  'session_id': (string);
  'has_message_ids': (boolean);
  'message_ids': (string)[];
}
