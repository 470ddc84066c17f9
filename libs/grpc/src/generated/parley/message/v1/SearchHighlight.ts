// Original file: parley/message/v1/message.proto


export interface SearchHighlight {
  'start'?: (number);
  'end'?: (number);
}

export interface SearchHighlight__Output {
  'start': (number);
  'end': (number);
}
