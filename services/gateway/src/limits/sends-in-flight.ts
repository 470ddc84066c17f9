/** How many sends one gateway holds unanswered, per socket and in all. */
export interface SendBounds {
  perSocket: number;
  perGateway: number;
}

/** One admitted send; give it back once the send is answered, whether it succeeded or failed. */
export interface SendSlot {
  release(): void;
}

/** Which bound a refused send would have passed. */
export type SendRefusal = 'socket' | 'gateway';

/**
 * Counts the `send_message` events this gateway has taken and not answered yet: waiting for their
 * turn in their socket's queue or at the message service. Past a bound a send is refused at once
 * rather than queued, so an overload ends in refusals the client retries later, not in backlogs
 * that answer seconds late or time out.
 */
export class SendsInFlight {
  private total = 0;
  private readonly bySocket = new Map<string, number>();

  constructor(private readonly bounds: SendBounds) {}

  /** A slot for one more send of this socket, or the bound it would pass (the socket's is checked first). */
  acquire(socketId: string): { slot: SendSlot } | { refused: SendRefusal } {
    const own = this.bySocket.get(socketId) ?? 0;
    if (own >= this.bounds.perSocket) return { refused: 'socket' };
    if (this.total >= this.bounds.perGateway) return { refused: 'gateway' };
    this.bySocket.set(socketId, own + 1);
    this.total += 1;
    let released = false;
    return {
      slot: {
        release: () => {
          if (released) return;
          released = true;
          this.total -= 1;
          const left = (this.bySocket.get(socketId) ?? 1) - 1;
          if (left > 0) this.bySocket.set(socketId, left);
          else this.bySocket.delete(socketId);
        },
      },
    };
  }

  /** Sends unanswered on this gateway, or of one socket. */
  inFlight(socketId?: string): number {
    return socketId === undefined ? this.total : (this.bySocket.get(socketId) ?? 0);
  }
}
