import net from 'node:net';

/** Ports this process has handed out: the OS may hand a released port out again at once. */
const handedOut = new Set<number>();

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A port on 127.0.0.1 nothing listens on right now (the OS picks it; it is released before it is
 * used), and never one this process handed out before, so servers started one after the other
 * (the all-in-one runner's services, a test stack's processes) never get the same port.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await anyFreePort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}
