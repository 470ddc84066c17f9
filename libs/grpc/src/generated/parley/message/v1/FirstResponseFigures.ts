// Original file: parley/message/v1/message.proto


export interface FirstResponseFigures {
  'count'?: (number);
  'p50_seconds'?: (number | string);
  'p90_seconds'?: (number | string);
}

export interface FirstResponseFigures__Output {
  'count': (number);
  'p50_seconds': (number);
  'p90_seconds': (number);
}
