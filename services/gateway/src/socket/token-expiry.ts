import { answerError } from './event-handler';
import type { GatewaySocket } from './socket.types';

/** setTimeout's longest delay; a token valid for longer is checked again then. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than the token it was opened with: when the token expires the client
 * is told (`error` UNAUTHENTICATED) and disconnected, and must reconnect with a fresh token (the
 * handshake checks it again). @parley/client does that by itself.
 */
export function closeWhenTokenExpires(socket: GatewaySocket): void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = socket.data.expiresAt - Date.now();
    if (left > 0) {
      timer = setTimeout(arm, Math.min(left, MAX_DELAY_MS));
      return;
    }
    answerError(socket, { code: 'UNAUTHENTICATED', message: 'The token has expired; reconnect with a fresh one' });
    socket.disconnect(true);
  };
  arm();
  socket.on('disconnect', () => clearTimeout(timer));
}
