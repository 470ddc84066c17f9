import * as grpc from '@grpc/grpc-js';
import type { CallStreamClient } from './generated/parley/calls/v1/CallStream';
import type { CallFrame } from './generated/parley/calls/v1/CallFrame';
import type { ReplyFrame__Output } from './generated/parley/calls/v1/ReplyFrame';
import { noCallStream, serviceError, unrun } from './service-error';

export type UnaryMethod = grpc.MethodDefinition<unknown, unknown>;
export type Callback = (error: grpc.ServiceError | null, response?: unknown) => void;

/** After a server answered that it has no call stream (an older version), calls go unary this long. */
const UNSUPPORTED_RECHECK_MS = 60_000;

/** How often a call that reached no handler is sent again (a stream that never opened, a stopping server). */
const MAX_RESENDS = 2;

interface Pending {
  frame: CallFrame & { id: number };
  /** The stream it was last sent on. */
  stream?: OpenStream;
  method: UnaryMethod;
  settle: Callback;
  resends: number;
}

interface OpenStream {
  call: grpc.ClientDuplexStream<CallFrame, ReplyFrame__Output>;
  pending: Map<number, Pending>;
  /** The server's headers came: what this stream carries reaches its handlers. */
  reached: boolean;
  done: boolean;
}

/** What carries a client's unary calls: one server's stream, or one per instance (balanced-call-streams.ts). */
export interface CallCarrier {
  /** False while no server reached has a call stream (an older version): the caller calls unary. */
  readonly supported: boolean;
  /** Sends one call; `settle` gets its answer, or its failure, once. Answers a cancel. */
  call(method: UnaryMethod, request: unknown, metadata: grpc.Metadata, deadline: number, settle: Callback): () => void;
  close(): void;
}

/**
 * The client side of `parley.calls.v1.CallStream` (calls.proto): unary calls to one server as
 * frames of one long-lived bidirectional stream, opened at the first call and again after it
 * ends. A grpc-js unary call opens an HTTP/2 stream with headers and trailers each way, about 1 ms
 * of the client's CPU and 0.65 ms of the server's on this machine; a frame on an open stream
 * costs a quarter of that (docs/performance.md).
 *
 * A call's deadline runs on the client (its frame carries it). When the stream fails, its
 * unanswered calls fail UNAVAILABLE, except those that reached no handler (sent before the
 * server's headers came, or answered `not_run` by a stopping server), which are sent again on a
 * new stream: gRPC's transparent retry. Retries of answered failures are the caller's
 * (`streamedMethod`).
 */
export class CallStreamChannel implements CallCarrier {
  private stream: OpenStream | undefined;
  private nextId = 1;
  private closed = false;
  private closeIdle = false;
  private unsupportedUntil = 0;

  constructor(private readonly client: CallStreamClient) {}

  /** False while the server has no call stream (an older version): the caller calls unary then. */
  get supported(): boolean {
    return Date.now() >= this.unsupportedUntil;
  }

  /** Sends one call; `settle` gets its answer, or its failure, once. Answers a cancel. */
  call(method: UnaryMethod, request: unknown, metadata: grpc.Metadata, deadline: number, settle: Callback): () => void {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(metadata.getMap())) if (typeof value === 'string') values[key] = value;
    const frame = { id: this.nextId++, method: method.path, request: method.requestSerialize(request), metadata: values, deadline_ms: deadline };
    let settled = false;
    const pending: Pending = {
      frame,
      method,
      resends: 0,
      settle: (error, response) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        settle(error, response);
      },
    };
    const forget = (code: grpc.status, details: string) => {
      pending.stream?.pending.delete(frame.id);
      pending.settle(serviceError({ code, details }));
    };
    const timer = setTimeout(() => forget(grpc.status.DEADLINE_EXCEEDED, 'Deadline exceeded'), Math.max(0, deadline - Date.now()));
    this.send(pending);
    return () => forget(grpc.status.CANCELLED, 'Cancelled on client');
  }

  /** Closes once no call is unanswered (now, if none is). */
  closeWhenIdle(): void {
    this.closeIdle = true;
    if ((this.stream?.pending.size ?? 0) === 0) this.close();
  }

  /** Ends the stream; calls still unanswered fail UNAVAILABLE. */
  close(): void {
    this.closed = true;
    const stream = this.stream;
    this.stream = undefined;
    if (stream) {
      this.lost(stream, serviceError({ code: grpc.status.UNAVAILABLE, details: 'The client was closed' }), false);
      stream.call.cancel();
    }
    this.client.close();
  }

  private send(pending: Pending): void {
    if (this.closed) {
      pending.settle(unrun(serviceError({ code: grpc.status.UNAVAILABLE, details: 'The client was closed' })));
      return;
    }
    const stream = this.stream ?? this.open();
    pending.stream = stream;
    stream.pending.set(pending.frame.id, pending);
    stream.call.write(pending.frame);
  }

  private open(): OpenStream {
    const call = this.client.Calls();
    const stream: OpenStream = { call, pending: new Map(), reached: false, done: false };
    call.on('metadata', () => (stream.reached = true));
    call.on('data', (reply: ReplyFrame__Output) => this.answer(stream, reply));
    // A stopping server ends the stream (status OK) once it has answered every call it took. The
    // status comes before the answers still buffered in the stream: it is acted on after them.
    call.on('status', (status: grpc.StatusObject) => {
      const act = () =>
        status.code === grpc.status.OK
          ? this.lost(stream, serviceError({ code: grpc.status.UNAVAILABLE, details: 'The service stopped' }), true)
          : this.lost(stream, serviceError({ code: status.code, details: status.details }), false);
      if (call.readableEnded) act();
      else call.once('end', act);
    });
    call.on('error', () => undefined); // its status says the same
    this.stream = stream;
    return stream;
  }

  private answer(stream: OpenStream, reply: ReplyFrame__Output): void {
    const pending = stream.pending.get(reply.id);
    if (!pending) return; // its caller stopped waiting
    stream.pending.delete(reply.id);
    if (this.closeIdle && stream.pending.size === 0) setImmediate(() => this.close());
    if (reply.not_run) {
      this.retire(stream);
      this.resendOr(pending, unrun(serviceError({ code: reply.code, details: reply.details })));
    } else if (reply.code !== grpc.status.OK) pending.settle(serviceError({ code: reply.code, details: reply.details }));
    else {
      let response: unknown;
      try {
        response = pending.method.responseDeserialize(reply.response);
      } catch {
        pending.settle(serviceError({ code: grpc.status.INTERNAL, details: 'Response message parsing error' }));
        return;
      }
      pending.settle(null, response);
    }
  }

  /** New calls go to a new stream; this one ends once its calls are answered. */
  private retire(stream: OpenStream): void {
    if (this.stream !== stream) return;
    this.stream = undefined;
    stream.call.end();
  }

  private lost(stream: OpenStream, error: grpc.ServiceError, graceful: boolean): void {
    if (stream.done) return;
    stream.done = true;
    if (this.stream === stream) this.stream = undefined;
    // Calls a stream never delivered to a handler: before its headers, or left when a stopping
    // server ended it (it ends only once every call it took is answered).
    const notRun = graceful || (!stream.reached && error.code === grpc.status.UNAVAILABLE);
    const unsupported = !stream.reached && error.code === grpc.status.UNIMPLEMENTED;
    if (unsupported) this.unsupportedUntil = Date.now() + UNSUPPORTED_RECHECK_MS;
    const pending = [...stream.pending.values()];
    stream.pending.clear();
    for (const call of pending) {
      if (notRun) this.resendOr(call, unrun(error));
      else call.settle(unsupported ? noCallStream(error) : error);
    }
  }

  private resendOr(pending: Pending, error: grpc.ServiceError): void {
    if (pending.resends >= MAX_RESENDS) {
      pending.settle(error);
      return;
    }
    pending.resends += 1;
    this.send(pending);
  }
}
