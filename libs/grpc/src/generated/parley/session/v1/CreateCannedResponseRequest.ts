// Original file: parley/session/v1/session.proto


export interface CreateCannedResponseRequest {
  'shortcut'?: (string);
  'title'?: (string);
  'content'?: (string);
  'shared'?: (boolean);
}

export interface CreateCannedResponseRequest__Output {
  'shortcut': (string);
  'title': (string);
  'content': (string);
  'shared': (boolean);
}
