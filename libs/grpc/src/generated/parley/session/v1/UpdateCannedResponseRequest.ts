// Original file: parley/session/v1/session.proto


export interface UpdateCannedResponseRequest {
  'id'?: (string);
  'has_shortcut'?: (boolean);
  'shortcut'?: (string);
  'has_title'?: (boolean);
  'title'?: (string);
  'has_content'?: (boolean);
  'content'?: (string);
  'has_shared'?: (boolean);
  'shared'?: (boolean);
}

export interface UpdateCannedResponseRequest__Output {
  'id': (string);
  'has_shortcut': (boolean);
  'shortcut': (string);
  'has_title': (boolean);
  'title': (string);
  'has_content': (boolean);
  'content': (string);
  'has_shared': (boolean);
  'shared': (boolean);
}
