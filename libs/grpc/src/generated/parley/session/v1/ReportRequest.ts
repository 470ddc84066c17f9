// Original file: parley/session/v1/session.proto


export interface ReportRequest {
  'from'?: (string);
  'to'?: (string);
}

export interface ReportRequest__Output {
  'from': (string);
  'to': (string);
}
