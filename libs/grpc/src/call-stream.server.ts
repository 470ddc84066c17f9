import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import type { CallFrame__Output } from './generated/parley/calls/v1/CallFrame';
import type { ReplyFrame } from './generated/parley/calls/v1/ReplyFrame';
import type { CallStreamHandlers } from './generated/parley/calls/v1/CallStream';

type UnaryHandler = (call: unknown, callback: (error: Partial<grpc.ServiceError> | null, response?: unknown) => void) => void;
type MethodDefinition = grpc.MethodDefinition<unknown, unknown>;
type Stream = grpc.ServerDuplexStream<CallFrame__Output, ReplyFrame>;

interface OpenStream {
  call: Stream;
  /** Calls handed to a handler and not answered yet. */
  running: number;
  /** The client will send no more calls. */
  ended: boolean;
  closed: boolean;
}

/**
 * The server side of `parley.calls.v1.CallStream` (calls.proto): the unary calls a client sends
 * as frames of one long-lived stream run the same handlers as over their own HTTP/2 streams, with
 * the frame's metadata and path, and each is answered by a frame. The stream's own metadata has
 * passed the internal token check (internal-auth.ts). Stopping (`drain`) answers new frames
 * `not_run` and ends each stream once its running calls are answered, so a graceful shutdown
 * loses no call.
 */
export class CallStreamServer {
  private readonly methods = new Map<string, { method: MethodDefinition; handler: UnaryHandler }>();
  private readonly open = new Set<OpenStream>();
  private draining = false;

  /** The unary methods of a service, as the server serves them. */
  add(definition: grpc.ServiceDefinition, handlers: object): void {
    const byName = handlers as Record<string, UnaryHandler | undefined>;
    for (const [name, method] of Object.entries(definition) as Array<[string, MethodDefinition]>) {
      if (method.requestStream || method.responseStream) continue;
      const handler = byName[name] ?? (method.originalName ? byName[method.originalName] : undefined);
      if (handler) this.methods.set(method.path, { method, handler });
    }
  }

  readonly handlers: CallStreamHandlers = {
    Calls: (call) => this.serve(call),
  };

  /** Takes no new call; ends each stream once its running calls are answered. */
  drain(): void {
    this.draining = true;
    for (const stream of this.open) this.closeIfDone(stream);
  }

  private serve(call: Stream): void {
    const stream: OpenStream = { call, running: 0, ended: false, closed: false };
    this.open.add(stream);
    // Headers at once: the client then knows that what it sends reaches this server's handlers.
    call.sendMetadata(new grpc.Metadata());
    call.on('data', (frame: CallFrame__Output) => this.run(stream, frame));
    call.on('end', () => {
      stream.ended = true;
      this.closeIfDone(stream);
    });
    const gone = () => {
      stream.closed = true;
      this.open.delete(stream);
    };
    call.on('cancelled', gone);
    call.on('error', gone);
    if (this.draining) this.closeIfDone(stream);
  }

  private run(stream: OpenStream, frame: CallFrame__Output): void {
    const reply = (answer: Omit<ReplyFrame, 'id'>) => {
      if (!stream.closed) stream.call.write({ id: frame.id, ...answer });
    };
    if (this.draining) {
      reply({ code: grpc.status.UNAVAILABLE, details: 'The service is stopping', not_run: true });
      return;
    }
    const entry = this.methods.get(frame.method);
    if (!entry) {
      reply({ code: grpc.status.UNIMPLEMENTED, details: `No method ${frame.method}` });
      return;
    }
    let request: unknown;
    try {
      request = entry.method.requestDeserialize(frame.request);
    } catch {
      reply({ code: grpc.status.INTERNAL, details: 'Request message parsing error' });
      return;
    }
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(frame.metadata)) metadata.set(key, value);
    const deadline = frame.deadline_ms > 0 ? new Date(frame.deadline_ms) : Infinity;
    const call = Object.assign(new EventEmitter(), { request, metadata, cancelled: false, getPath: () => frame.method, getDeadline: () => deadline });
    stream.running += 1;
    entry.handler(call, (error, response) => {
      stream.running -= 1;
      if (error) reply({ code: error.code ?? grpc.status.UNKNOWN, details: error.details ?? error.message ?? '' });
      else reply({ code: grpc.status.OK, response: entry.method.responseSerialize(response) });
      this.closeIfDone(stream);
    });
  }

  private closeIfDone(stream: OpenStream): void {
    if (stream.closed || stream.running > 0 || !(stream.ended || this.draining)) return;
    stream.closed = true;
    this.open.delete(stream);
    stream.call.end();
  }
}
