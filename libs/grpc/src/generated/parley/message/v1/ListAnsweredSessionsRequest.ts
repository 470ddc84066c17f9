// Original file: parley/message/v1/message.proto

import type { AnswerCheck as _parley_message_v1_AnswerCheck, AnswerCheck__Output as _parley_message_v1_AnswerCheck__Output } from '../../../parley/message/v1/AnswerCheck';

export interface ListAnsweredSessionsRequest {
  'checks'?: (_parley_message_v1_AnswerCheck)[];
}

export interface ListAnsweredSessionsRequest__Output {
  'checks': (_parley_message_v1_AnswerCheck__Output)[];
}
