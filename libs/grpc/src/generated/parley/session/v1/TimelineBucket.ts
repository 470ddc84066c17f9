// Original file: parley/session/v1/session.proto


export interface TimelineBucket {
  'start'?: (string);
  'opened'?: (number);
  'resolved'?: (number);
  'taken'?: (number);
  'average_wait_seconds'?: (number | string);
}

export interface TimelineBucket__Output {
  'start': (string);
  'opened': (number);
  'resolved': (number);
  'taken': (number);
  'average_wait_seconds': (number);
}
