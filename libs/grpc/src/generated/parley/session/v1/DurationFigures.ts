// Original file: parley/session/v1/session.proto


export interface DurationFigures {
  'count'?: (number);
  'p50_seconds'?: (number | string);
  'p90_seconds'?: (number | string);
}

export interface DurationFigures__Output {
  'count': (number);
  'p50_seconds': (number);
  'p90_seconds': (number);
}
