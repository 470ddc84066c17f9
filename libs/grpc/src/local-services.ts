import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { internalClientOptions } from './internal-auth';
import { serviceTarget } from './service-target';
import { streamedClient } from './streamed-client';
import { serviceError } from './service-error';
import { callArguments } from './call-arguments';

type Handler = (call: unknown, callback?: (error: Partial<grpc.ServiceError> | null, response?: unknown) => void) => void;
type MethodDefinition = grpc.MethodDefinition<unknown, unknown>;

interface Registered {
  definition: grpc.ServiceDefinition;
  handlers: Record<string, Handler>;
}

const unavailable = (name: string) => serviceError({ code: grpc.status.UNAVAILABLE, details: `${name} is not running in this process` });

/**
 * The services of one process, reachable in process: the all-in-one runner hands one to every
 * service it starts; each registers the handlers it serves over gRPC (`GrpcServer.addService`) and
 * builds its clients over it (`clientFor`). A call then runs the same handler, with the same
 * metadata, error mapping and admission, but without HTTP/2, sockets or the event-loop hops of a
 * loopback connection. Messages are passed through the method's own serialize and deserialize, so
 * a handler sees exactly what it would over the wire (defaults filled, unknown fields gone).
 * Deadlines and the internal token do not apply: there is no network to cross.
 */
export class LocalServices {
  private readonly services = new Map<string, Registered>();

  register(name: string, definition: grpc.ServiceDefinition, handlers: object): void {
    this.services.set(name, { definition, handlers: handlers as Record<string, Handler> });
  }

  /**
   * A client with the methods a grpc-js generated client has (`client.SendMessage(request,
   * metadata, options, callback)`, streams as grpc-js returns them), calling `name`'s handlers.
   * Resolved at each call, so services may start in any order; a call before `name` registered
   * fails UNAVAILABLE, as a connection refused would.
   */
  clientFor<C>(name: string, definition: grpc.ServiceDefinition): C {
    const client: Record<string, unknown> = { close: () => undefined };
    for (const [methodName, method] of Object.entries(definition) as Array<[string, MethodDefinition]>) {
      // Handlers may be keyed by the method's name or its original (camelCase) one, as grpc-js allows.
      const handler = () => {
        const handlers = this.services.get(name)?.handlers;
        return handlers?.[methodName] ?? (method.originalName ? handlers?.[method.originalName] : undefined);
      };
      const call = method.requestStream ? (method.responseStream ? undefined : this.clientStreaming(name, method, handler)) : method.responseStream ? this.serverStreaming(name, method, handler) : this.unary(name, method, handler);
      if (!call) continue;
      client[methodName] = call;
      if (method.originalName) client[method.originalName] = call;
    }
    return client as C;
  }

  private unary(name: string, method: MethodDefinition, handler: () => Handler | undefined) {
    return (request: unknown, ...rest: unknown[]) => {
      const { metadata, callback } = callArguments(rest);
      const handle = handler();
      let cancelled = false;
      if (!handle) setImmediate(() => callback(unavailable(name)));
      else {
        const call = Object.assign(new EventEmitter(), { request: roundTrip(method, 'request', request), metadata, getPath: () => method.path, cancelled: false });
        handle(call, (error, response) => {
          if (cancelled) return;
          if (error) callback(serviceError(error));
          else callback(null, roundTrip(method, 'response', response));
        });
      }
      return { cancel: () => void (cancelled = true) };
    };
  }

  private clientStreaming(name: string, method: MethodDefinition, handler: () => Handler | undefined) {
    return (...rest: unknown[]) => {
      const { metadata, callback } = callArguments(rest);
      const toServer = new PassThrough({ objectMode: true, highWaterMark: 16 });
      const write = toServer.write.bind(toServer) as (chunk: unknown) => boolean;
      const clientSide = Object.assign(toServer, {
        write: (message: unknown) => write(roundTrip(method, 'request', message)),
        cancel: () => toServer.destroy(serviceError({ code: grpc.status.CANCELLED, details: 'Cancelled on client' })),
      });
      const handle = handler();
      if (!handle) {
        setImmediate(() => callback(unavailable(name)));
        return clientSide;
      }
      // The handler reads the client's messages from the same stream, as from a grpc-js server call.
      Object.assign(toServer, { metadata, getPath: () => method.path });
      let answered = false;
      handle(toServer, (error, response) => {
        if (answered) return;
        answered = true;
        if (error) callback(serviceError(error));
        else callback(null, roundTrip(method, 'response', response));
      });
      return clientSide;
    };
  }

  private serverStreaming(name: string, method: MethodDefinition, handler: () => Handler | undefined) {
    return (request: unknown, ...rest: unknown[]) => {
      const { metadata } = callArguments(rest);
      const toClient = new PassThrough({ objectMode: true, highWaterMark: 16 });
      const serverCall = new EventEmitter() as EventEmitter & Record<string, unknown>;
      const clientSide = Object.assign(toClient, {
        cancel: () => {
          serverCall.emit('cancelled');
          toClient.destroy();
        },
      });
      const handle = handler();
      if (!handle) {
        setImmediate(() => toClient.destroy(unavailable(name)));
        return clientSide;
      }
      toClient.on('drain', () => serverCall.emit('drain'));
      Object.assign(serverCall, {
        request: roundTrip(method, 'request', request),
        metadata,
        getPath: () => method.path,
        write: (message: unknown) => toClient.write(roundTrip(method, 'response', message)),
        end: () => toClient.end(),
      });
      // A handler reports a failure by emitting it on its call; the client's stream fails with it.
      const emit = serverCall.emit.bind(serverCall);
      serverCall.emit = (event: string | symbol, ...args: unknown[]) => {
        if (event === 'error') {
          toClient.destroy(serviceError(args[0] as Partial<grpc.ServiceError>));
          return true;
        }
        return emit(event, ...args);
      };
      handle(serverCall);
      return clientSide;
    };
  }
}

/** A message as the other side would receive it over the wire. */
function roundTrip(method: MethodDefinition, side: 'request' | 'response', message: unknown): unknown {
  return side === 'request' ? method.requestDeserialize(method.requestSerialize(message)) : method.responseDeserialize(method.responseSerialize(message));
}

/**
 * A generated client of one of Parley's services: over gRPC to `address` (one host:port, a list,
 * or `dns:///name:port`: service-target.ts), or, given the process's
 * `local` services (all-in-one), in process. Over gRPC its unary calls are frames of long-lived
 * streams, one per instance (streamed-client.ts).
 */
export function serviceClient<C>(
  Client: (new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => C) & { service: grpc.ServiceDefinition },
  serviceName: string,
  address: string,
  internalToken: string,
  local?: LocalServices,
): C {
  if (local) return local.clientFor<C>(serviceName, Client.service);
  const target = serviceTarget(address);
  const options = internalClientOptions(internalToken);
  return streamedClient(Client, serviceName, address, target, options);
}
