import WebSocket from 'ws';

interface PendingAck {
  resolve(answer: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The load generator's Socket.io client: it speaks the wire protocol itself (Engine.IO 4 over a
 * WebSocket, Socket.IO 5 packets) on `ws`: connect with `auth`, events with or without acks, the
 * events it listens to, pings answered. The gateway sees what socket.io-client sends.
 * socket.io-client cost the load generator about 1 ms of CPU a client in a storm and parsed every
 * event each socket got; this client parses only what it listens to (docs/performance.md, "What
 * it does").
 */
export class WireClient {
  private nextAckId = 0;
  private readonly acks = new Map<number, PendingAck>();
  private readonly listeners = new Map<string, Array<(data: unknown) => void>>();
  private closedBy: Error | undefined;

  private constructor(private readonly ws: WebSocket) {}

  /**
   * Opens the WebSocket to `url`'s Socket.io endpoint and connects to the main namespace with
   * `auth`. Rejects with the server's `connect_error` message, or when nothing answered within
   * `timeoutMs`.
   */
  static connect(url: string, auth: Record<string, unknown>, timeoutMs: number): Promise<WireClient> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    const client = new WireClient(ws);
    return new Promise<WireClient>((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        ws.terminate();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error('connect timed out')), timeoutMs);
      ws.on('error', (error) => fail(error));
      ws.on('close', () => fail(new Error('closed before it connected')));
      ws.on('message', (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('0')) return ws.send(`40${JSON.stringify(auth)}`);
        if (text.startsWith('44')) return fail(new Error(`connect_error: ${(JSON.parse(text.slice(2)) as { message?: string }).message}`));
        if (!text.startsWith('40')) return;
        clearTimeout(timer);
        ws.removeAllListeners();
        client.listen();
        resolve(client);
      });
    });
  }

  /** Calls `handler` with the data of each `event` the server emits, after the handlers added before it. */
  on(event: string, handler: (data: unknown) => void): void {
    const handlers = this.listeners.get(event);
    if (handlers) handlers.push(handler);
    else this.listeners.set(event, [handler]);
  }

  /** Emits `event` without an ack (dropped when the connection is closed, as socket.io-client drops it). */
  emit(event: string, payload: unknown): void {
    if (!this.closedBy) this.ws.send(`42${JSON.stringify([event, payload])}`);
  }

  /** Emits `event` with an ack; resolves with the ack's argument. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    if (this.closedBy) return Promise.reject(this.closedBy);
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error(`${event}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.acks.set(id, { resolve, reject, timer });
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.ws.close();
  }

  private listen(): void {
    this.ws.on('message', (data: Buffer) => this.receive(data.toString()));
    this.ws.on('error', () => undefined);
    this.ws.on('close', () => this.closed(new Error('the connection closed')));
  }

  private receive(text: string): void {
    if (text === '2') return this.ws.send('3');
    if (text.startsWith('42["')) {
      const name = text.slice(4, text.indexOf('"', 4));
      const handlers = this.listeners.get(name);
      if (!handlers) return;
      const data = (JSON.parse(text.slice(2)) as [string, unknown])[1];
      for (const handler of handlers) handler(data);
      return;
    }
    if (text.startsWith('43')) {
      const open = text.indexOf('[');
      const pending = this.acks.get(Number(text.slice(2, open)));
      if (!pending) return;
      this.acks.delete(Number(text.slice(2, open)));
      clearTimeout(pending.timer);
      pending.resolve((JSON.parse(text.slice(open)) as unknown[])[0]);
      return;
    }
    if (text.startsWith('41')) this.ws.close();
  }

  private closed(reason: Error): void {
    this.closedBy ??= reason;
    for (const pending of this.acks.values()) {
      clearTimeout(pending.timer);
      pending.reject(reason);
    }
    this.acks.clear();
  }
}
