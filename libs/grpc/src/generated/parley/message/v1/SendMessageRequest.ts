// Original file: parley/message/v1/message.proto


export interface SendMessageRequest {
  'session_id'?: (string);
  'content'?: (string);
  'message_type'?: (string);
  'temp_id'?: (string);
  'attachment_ids'?: (string)[];
}

export interface SendMessageRequest__Output {
  'session_id': (string);
  'content': (string);
  'message_type': (string);
  'temp_id': (string);
  'attachment_ids': (string)[];
}
