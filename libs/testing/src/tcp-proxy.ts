import net from 'node:net';

export interface ProxyTarget {
  host: string;
  port: number;
}

/** One direction of one proxied connection: bytes wait for the latency, or for release() while held. */
class Lane {
  private lastDue = 0;
  private readonly waiting: Buffer[] = [];

  constructor(
    private readonly to: () => net.Socket | null,
    private readonly proxy: TcpProxy,
  ) {}

  push(chunk: Buffer): void {
    if (this.proxy.holding || this.waiting.length > 0 || !this.to()) {
      this.waiting.push(chunk);
      return;
    }
    this.forward(chunk);
  }

  /** Sends what waited, in order (after a hold, or once the upstream is connected). */
  flush(): void {
    if (this.proxy.holding || !this.to()) return;
    for (const chunk of this.waiting.splice(0)) this.forward(chunk);
  }

  private forward(chunk: Buffer): void {
    const latency = this.proxy.latencyMs;
    if (latency <= 0 && this.lastDue <= Date.now()) {
      this.to()?.write(chunk);
      return;
    }
    // Never earlier than a chunk sent before it: the stream stays in order when the latency changes.
    const due = Math.max(Date.now() + latency, this.lastDue);
    this.lastDue = due;
    setTimeout(() => this.to()?.write(chunk), due - Date.now());
  }
}

/**
 * A TCP proxy a test can cut, reset, slow down and hold, to take a database, broker or gateway
 * away from a process without stopping the shared server every other test uses. With several
 * targets it connects each new client to the first one that accepts (a failover balancer).
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly lanes = new Set<Lane>();
  private readonly targets: ProxyTarget[];
  port = 0;
  /** Delay added to every chunk in both directions. */
  latencyMs = 0;
  /** True while hold() keeps every byte back. */
  holding = false;

  constructor(targetHost: string, targetPort: number, alternates: ProxyTarget[] = []) {
    this.targets = [{ host: targetHost, port: targetPort }, ...alternates];
  }

  /** Listens on a free port (or the one it had, after a cut). */
  async start(): Promise<number> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** Drops every connection and refuses new ones, as a dead server or network would. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.reset();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Drops every open connection (as a network reset would) but keeps accepting new ones. */
  reset(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Adds `ms` of delay to every chunk from now on (0: none). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Keeps every byte back, in both directions, until release(): a peer that stopped answering. */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const lane of this.lanes) lane.flush();
  }

  /** Accepts connections again on the same port. */
  restore(): Promise<number> {
    return this.start();
  }

  stop(): Promise<void> {
    this.release();
    return this.cut();
  }

  private accept(client: net.Socket): void {
    let upstream: net.Socket | null = null;
    const toUpstream = new Lane(() => upstream, this);
    const toClient = new Lane(() => (client.destroyed ? null : client), this);
    this.track(client);
    client.on('data', (chunk: Buffer) => toUpstream.push(chunk));
    client.on('close', () => {
      upstream?.destroy();
      this.lanes.delete(toUpstream);
      this.lanes.delete(toClient);
    });
    this.lanes.add(toUpstream);
    this.lanes.add(toClient);

    const connect = (index: number) => {
      const target = this.targets[index];
      const socket = net.connect(target.port, target.host);
      socket.once('error', () => {
        socket.destroy();
        if (!upstream && index + 1 < this.targets.length && !client.destroyed) connect(index + 1);
        else client.destroy();
      });
      socket.once('connect', () => {
        upstream = socket;
        this.track(socket);
        socket.on('data', (chunk: Buffer) => toClient.push(chunk));
        socket.on('close', () => client.destroy());
        toUpstream.flush();
      });
    };
    connect(0);
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }
}
