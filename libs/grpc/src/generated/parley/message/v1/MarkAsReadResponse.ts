// Original file: parley/message/v1/message.proto


export interface MarkAsReadResponse {
  'message_ids'?: (string)[];
}

export interface MarkAsReadResponse__Output {
  'message_ids': (string)[];
}
