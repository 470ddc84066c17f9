// Original file: parley/session/v1/session.proto


export interface Session {
  'id'?: (string);
  'subject'?: (string);
  'category'?: (string);
  'priority'?: (string);
  'status'?: (string);
  'customer_id'?: (string);
  'customer_role'?: (string);
  'customer_name'?: (string);
  'restaurant_id'?: (string);
  'ticket_id'?: (string);
  'agent_id'?: (string);
  'agent_name'?: (string);
  'created_at'?: (string);
  'updated_at'?: (string);
  'accepted_at'?: (string);
  'resolved_at'?: (string);
  'closed_at'?: (string);
  'queue_position'?: (number);
}

export interface Session__Output {
  'id': (string);
  'subject': (string);
  'category': (string);
  'priority': (string);
  'status': (string);
  'customer_id': (string);
  'customer_role': (string);
  'customer_name': (string);
  'restaurant_id': (string);
  'ticket_id': (string);
  'agent_id': (string);
  'agent_name': (string);
  'created_at': (string);
  'updated_at': (string);
  'accepted_at': (string);
  'resolved_at': (string);
  'closed_at': (string);
  'queue_position': (number);
}
