import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';

/** Channels a subscription's binds and unbinds go over, side by side. */
export const BINDING_CHANNELS = 8;

/**
 * The channels a subscription binds and unbinds its patterns on, opened when first needed. amqplib
 * runs one channel's RPCs one after another (each waits for the broker's answer), so a gateway
 * binding a thousand sessions in a reconnect storm waited a thousand round trips in a row; over
 * several channels of the same connection (an exclusive queue accepts any channel of its
 * connection) they go side by side. A pattern always goes over the same channel, so its bind and
 * a later unbind reach the broker in that order. After an outage the consumer channel's setup
 * binds every pattern again; a bind that failed meanwhile is only logged.
 */
export class BindingChannels {
  private readonly channels: Array<Promise<ChannelWrapper> | undefined> = [];

  constructor(
    private readonly connection: AmqpConnectionManager,
    private readonly queue: string,
    private readonly size = BINDING_CHANNELS,
  ) {}

  /**
   * The channel a pattern's binds and unbinds go over, open. A channel opened while the broker is
   * away is not waited for past `OPEN_WAIT_MS` (a bind then does nothing, and the consumer's setup
   * binds the pattern when the broker is back), so a join never hangs on an outage.
   */
  for(pattern: string): Promise<ChannelWrapper> {
    const index = hash(pattern) % this.size;
    return (this.channels[index] ??= this.open(index));
  }

  async close(): Promise<void> {
    await Promise.all(this.channels.map(async (opening) => (await opening)?.close().catch(() => undefined)));
  }

  private async open(index: number): Promise<ChannelWrapper> {
    const channel = this.connection.createChannel({ name: `bindings:${this.queue}:${index}`, confirm: false });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, OPEN_WAIT_MS)));
    await Promise.race([channel.waitForConnect(), waited]);
    clearTimeout(timer);
    return channel;
  }
}

/** How long a binding channel's opening is waited for. */
const OPEN_WAIT_MS = 2000;

/** FNV-1a: a stable spread of patterns over the channels. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
