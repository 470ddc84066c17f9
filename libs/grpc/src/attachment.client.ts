import { Readable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { once } from 'node:events';
import type { CallContext } from './call-metadata';
import { toMetadata } from './call-metadata';
import { invoke, toAppError } from './grpc-client';
import { attachmentProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
import type { AttachmentServiceClient } from './generated/parley/attachment/v1/AttachmentService';
import type { Attachment__Output } from './generated/parley/attachment/v1/Attachment';
import type { ClaimAttachmentsResponse__Output } from './generated/parley/attachment/v1/ClaimAttachmentsResponse';
import type { DownloadChunk__Output } from './generated/parley/attachment/v1/DownloadChunk';
import type { DownloadLink__Output } from './generated/parley/attachment/v1/DownloadLink';
import type { DownloadRequest } from './generated/parley/attachment/v1/DownloadRequest';

/** Streams take as long as the file does; a slow client gets this long. */
export const STREAM_DEADLINE_MS = 120_000;

export interface DownloadStream {
  info: { file_name: string; content_type: string; size: number };
  body: Readable;
}

/** The attachment service as its callers see it. */
export class AttachmentClient {
  private readonly client: AttachmentServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    this.client = serviceClient(attachmentProto().AttachmentService, SERVICE_NAMES.attachment, address, internalToken, local);
  }

  /**
   * Streams `source` to the service chunk by chunk, with backpressure. If `source` fails (a size
   * limit, a dropped client), the call is cancelled and the promise rejects with that error.
   */
  upload(info: { file_name: string; declared_type: string }, source: AsyncIterable<Buffer>, context: CallContext): Promise<Attachment__Output> {
    let settle: { resolve(v: Attachment__Output): void; reject(e: unknown): void };
    const result = new Promise<Attachment__Output>((resolve, reject) => (settle = { resolve, reject }));
    let sourceError: unknown;
    let answered = false;
    const call = this.client.Upload(toMetadata(context), { deadline: Date.now() + STREAM_DEADLINE_MS }, (error, response) => {
      answered = true;
      if (sourceError !== undefined) settle.reject(sourceError);
      else if (error) settle.reject(toAppError('attachment', error));
      else settle.resolve(response as Attachment__Output);
    });
    void (async () => {
      try {
        call.write({ info });
        for await (const chunk of source) {
          // The service may refuse early (a wrong type): then the rest is not sent.
          if (answered) return;
          if (!call.write({ data: chunk })) await Promise.race([once(call, 'drain'), result.catch(() => undefined)]);
        }
        if (!answered) call.end();
      } catch (error) {
        sourceError = error;
        call.cancel();
      }
    })();
    return result;
  }

  deleteAttachment(attachmentId: string, context: CallContext): Promise<unknown> {
    return invoke('attachment', (m, o, cb) => this.client.DeleteAttachment({ attachment_id: attachmentId }, m, o, cb), context);
  }

  claimAttachments(sessionId: string, attachmentIds: string[], context: CallContext): Promise<Attachment__Output[]> {
    return invoke<ClaimAttachmentsResponse__Output>(
      'attachment',
      (m, o, cb) => this.client.ClaimAttachments({ session_id: sessionId, attachment_ids: attachmentIds }, m, o, cb),
      context,
    ).then((response) => response.attachments);
  }

  getAttachment(attachmentId: string, context: CallContext): Promise<Attachment__Output> {
    return invoke('attachment', (m, o, cb) => this.client.GetAttachment({ attachment_id: attachmentId }, m, o, cb), context);
  }

  createDownloadLink(attachmentId: string, thumbnail: boolean, context: CallContext): Promise<DownloadLink__Output> {
    return invoke('attachment', (m, o, cb) => this.client.CreateDownloadLink({ attachment_id: attachmentId, thumbnail }, m, o, cb), context);
  }

  /** Resolves once the service has answered the file's metadata (or refused); the body streams after. */
  async download(request: DownloadRequest, context: CallContext): Promise<DownloadStream> {
    const call = this.client.Download(request, toMetadata(context), { deadline: Date.now() + STREAM_DEADLINE_MS });
    const chunks = call[Symbol.asyncIterator]() as AsyncIterator<DownloadChunk__Output>;
    let first: IteratorResult<DownloadChunk__Output>;
    try {
      first = await chunks.next();
    } catch (error) {
      throw toAppError('attachment', error as grpc.ServiceError);
    }
    if (first.done || !first.value.info) {
      call.cancel();
      throw new Error('Download answered without the file information');
    }
    const { file_name, content_type, size } = first.value.info;
    async function* body() {
      try {
        for (;;) {
          const next = await chunks.next();
          if (next.done) return;
          if (next.value.data) yield next.value.data;
        }
      } finally {
        call.cancel();
      }
    }
    return { info: { file_name, content_type, size: Number(size) }, body: Readable.from(body(), { objectMode: false }) };
  }

  close(): void {
    this.client.close();
  }
}
