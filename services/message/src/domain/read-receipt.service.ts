import { createEvent, markAsReadSchema, routingKeys, seesNotes, validate, type Identity, type MessagesReadEvent } from '@parley/contracts';
import { invalidArgument, notFound, permissionDenied } from '@parley/errors';
import type { MarkingCheck, ReadReceiptRepository, SessionDirectory } from './message.ports';

export interface ReadReceiptServiceDeps {
  receipts: ReadReceiptRepository;
  sessions: SessionDirectory;
}

const listed = (ids: string[]) => (ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', '));

/**
 * Read receipts: a user marks messages of a session they may see as read, by id or everything up
 * to now. Marking again changes nothing and announces nothing; naming a message of another
 * session or one's own is refused and changes nothing.
 */
export function createReadReceiptService({ receipts, sessions }: ReadReceiptServiceDeps) {
  return {
    async markAsRead(identity: Identity, command: unknown): Promise<MessagesReadEvent> {
      if (identity.role === 'service') throw permissionDenied('Only users read messages');
      const input = validate(markAsReadSchema, command);
      const session = await sessions.get(identity, input.session_id);
      const notes = seesNotes(identity.role);
      const eventsFor = (newlyRead: string[]) =>
        newlyRead.length === 0
          ? []
          : [createEvent('messages.read', routingKeys.session(session.id, 'messages.read'), { session_id: session.id, user_id: identity.userId, message_ids: newlyRead }, identity.requestId)];

      if (!input.message_ids) {
        const newlyRead = await receipts.markAll(session.id, identity.userId, eventsFor, notes);
        return { session_id: session.id, user_id: identity.userId, message_ids: newlyRead };
      }
      const ids = [...new Set(input.message_ids.map((id) => id.toLowerCase()))];
      // Checked on what the marking's own transaction reads, before anything of it is stored.
      const check: MarkingCheck = (found) => {
        // A requester naming a private note names nothing they can see: not found.
        const missing = ids.filter((id) => !found.some((m) => m.id === id));
        if (missing.length > 0) throw notFound(`Not messages of this session: ${listed(missing)}`);
        const own = found.filter((m) => m.sender_id === identity.userId).map((m) => m.id);
        if (own.length > 0) throw invalidArgument(`You cannot mark your own messages as read: ${listed(own)}`, { field: 'message_ids' });
      };
      const newlyRead = await receipts.markMessages(session.id, identity.userId, ids, eventsFor, notes, check);
      return { session_id: session.id, user_id: identity.userId, message_ids: newlyRead };
    },
  };
}

export type ReadReceiptService = ReturnType<typeof createReadReceiptService>;
