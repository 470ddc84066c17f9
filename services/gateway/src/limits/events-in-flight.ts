/** How many events of a kind one gateway holds unanswered, per socket and in all. */
export interface InFlightBounds {
  perSocket: number;
  perGateway: number;
}

/** One admitted event; give it back once it is answered, whether it succeeded or failed. */
export interface InFlightSlot {
  release(): void;
}

/** Which bound a refused event would have passed. */
export type InFlightRefusal = 'socket' | 'gateway';

/**
 * Counts the events of one kind this gateway has taken and not answered yet (`send_message`;
 * `join_session`): waiting for their turn in their socket's queue or at a service. Past a bound
 * one is refused at once rather than queued, so an overload ends in refusals the client retries
 * later, not in backlogs that answer seconds late or time out.
 */
export class EventsInFlight {
  private total = 0;
  private readonly bySocket = new Map<string, number>();

  constructor(private readonly bounds: InFlightBounds) {}

  /** A slot for one more event of this socket, or the bound it would pass (the socket's is checked first). */
  acquire(socketId: string): { slot: InFlightSlot } | { refused: InFlightRefusal } {
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

  /** Events unanswered on this gateway, or of one socket. */
  inFlight(socketId?: string): number {
    return socketId === undefined ? this.total : (this.bySocket.get(socketId) ?? 0);
  }
}
