// Original file: parley/batch/v1/batch.proto


export interface ItemError {
  'code'?: (string);
  'message'?: (string);
  'details_json'?: (string);
}

export interface ItemError__Output {
  'code': (string);
  'message': (string);
  'details_json': (string);
}
