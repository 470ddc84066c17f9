// Original file: parley/session/v1/session.proto


export interface CreateSessionRequest {
  'subject'?: (string);
  'category'?: (string);
  'priority'?: (string);
  'restaurant_id'?: (string);
  'ticket_id'?: (string);
  'initial_message'?: (string);
}

export interface CreateSessionRequest__Output {
  'subject': (string);
  'category': (string);
  'priority': (string);
  'restaurant_id': (string);
  'ticket_id': (string);
  'initial_message': (string);
}
