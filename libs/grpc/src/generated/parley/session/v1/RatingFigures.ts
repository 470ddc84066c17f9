// Original file: parley/session/v1/session.proto


export interface RatingFigures {
  'count'?: (number);
  'average'?: (number | string);
}

export interface RatingFigures__Output {
  'count': (number);
  'average': (number);
}
