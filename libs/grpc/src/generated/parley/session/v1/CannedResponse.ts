// Original file: parley/session/v1/session.proto


export interface CannedResponse {
  'id'?: (string);
  'shortcut'?: (string);
  'title'?: (string);
  'content'?: (string);
  'shared'?: (boolean);
  'created_at'?: (string);
  'updated_at'?: (string);
}

export interface CannedResponse__Output {
  'id': (string);
  'shortcut': (string);
  'title': (string);
  'content': (string);
  'shared': (boolean);
  'created_at': (string);
  'updated_at': (string);
}
