// Original file: parley/message/v1/message.proto


export interface ReadReceipt {
  'user_id'?: (string);
  'read_at'?: (string);
}

export interface ReadReceipt__Output {
  'user_id': (string);
  'read_at': (string);
}
