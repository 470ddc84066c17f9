import fs from 'node:fs';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as SessionProto } from './generated/session';
import type { ProtoGrpcType as MessageProto } from './generated/message';
import type { ProtoGrpcType as PresenceProto } from './generated/presence';
import type { ProtoGrpcType as AttachmentProto } from './generated/attachment';
import type { ProtoGrpcType as CallsProto } from './generated/calls';

/**
 * The .proto files: next to a service's bundle (its build copies them to dist/services/<name>/protos),
 * else the repository's protos/ folder (run from sources).
 */
export const PROTOS_DIR = [path.join(__dirname, 'protos'), path.resolve(__dirname, '../../../protos')].find((dir) => fs.existsSync(dir)) ?? path.resolve(__dirname, '../../../protos');

/** The options the generated types were made with (protos/generate.sh): keep them in step. */
const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTOS_DIR],
};

function load<T>(file: string): T {
  const definition = protoLoader.loadSync(path.join(PROTOS_DIR, file), LOADER_OPTIONS);
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

let session: SessionProto | undefined;
let message: MessageProto | undefined;
let presence: PresenceProto | undefined;
let attachment: AttachmentProto | undefined;
let calls: CallsProto | undefined;

export const sessionProto = (): SessionProto['parley']['session']['v1'] =>
  (session ??= load<SessionProto>('parley/session/v1/session.proto')).parley.session.v1;

export const messageProto = (): MessageProto['parley']['message']['v1'] =>
  (message ??= load<MessageProto>('parley/message/v1/message.proto')).parley.message.v1;

export const presenceProto = (): PresenceProto['parley']['presence']['v1'] =>
  (presence ??= load<PresenceProto>('parley/presence/v1/presence.proto')).parley.presence.v1;
export const attachmentProto = (): AttachmentProto['parley']['attachment']['v1'] =>
  (attachment ??= load<AttachmentProto>('parley/attachment/v1/attachment.proto')).parley.attachment.v1;

export const callsProto = (): CallsProto['parley']['calls']['v1'] => (calls ??= load<CallsProto>('parley/calls/v1/calls.proto')).parley.calls.v1;

/** Each service's full name, as servers register it and in-process clients find it. */
export const SERVICE_NAMES = {
  session: 'parley.session.v1.SessionService',
  message: 'parley.message.v1.MessageService',
  presence: 'parley.presence.v1.PresenceService',
  attachment: 'parley.attachment.v1.AttachmentService',
  cannedResponses: 'parley.session.v1.CannedResponseService',
  ratings: 'parley.session.v1.RatingService',
  sessionReports: 'parley.session.v1.SessionReportService',
  messageSearch: 'parley.message.v1.MessageSearchService',
  messageReports: 'parley.message.v1.MessageReportService',
} as const;
