import {
  CANNED_RESPONSE_LIMITS,
  cannedResponseIdSchema,
  createCannedResponseSchema,
  isStaff,
  updateCannedResponseSchema,
  validate,
  type CannedResponse,
  type Identity,
} from '@parley/contracts';
import { AppError, failedPrecondition, notFound, permissionDenied } from '@parley/errors';
import type { CannedResponseChanges, CannedResponseRepository, StoredCannedResponse } from './canned-response.ports';

const toPublic = ({ owner_id: _owner, ...response }: StoredCannedResponse): CannedResponse => response;
const taken = (shortcut: string, shared: boolean) =>
  new AppError('ALREADY_EXISTS', shared ? `The team already has a shared response /${shortcut}` : `You already have a response /${shortcut}`);

/**
 * Canned responses, for staff only. Shared ones: every agent sees them, admins create, edit and
 * delete them. Personal ones: seen and changed by their owner alone (to anyone else they do not exist).
 */
export function createCannedResponseService({ responses }: { responses: CannedResponseRepository }) {
  function asStaff(identity: Identity): void {
    if (!isStaff(identity.role)) throw permissionDenied('Canned responses are for support agents and admins');
  }

  async function assertRoom(identity: Identity, shared: boolean): Promise<void> {
    const max = shared ? CANNED_RESPONSE_LIMITS.shared : CANNED_RESPONSE_LIMITS.perAgent;
    const count = await responses.count(shared ? { shared: true } : { shared: false, ownerId: identity.userId });
    if (count >= max) throw failedPrecondition(shared ? `The team keeps at most ${max} shared responses` : `You keep at most ${max} personal responses`);
  }

  /** The response as the caller may change it: their own, or a shared one if they are an admin. */
  async function changeable(identity: Identity, id: unknown): Promise<StoredCannedResponse> {
    const response = await responses.get(validate(cannedResponseIdSchema, id));
    if (!response || (!response.shared && response.owner_id !== identity.userId)) throw notFound('Canned response not found');
    if (response.shared && identity.role !== 'admin') throw permissionDenied('Only admins change shared responses');
    return response;
  }

  return {
    async list(identity: Identity): Promise<CannedResponse[]> {
      asStaff(identity);
      return (await responses.listVisible(identity.userId)).map(toPublic);
    },

    async create(identity: Identity, body: unknown): Promise<CannedResponse> {
      asStaff(identity);
      const input = validate(createCannedResponseSchema, body ?? {});
      if (input.shared && identity.role !== 'admin') throw permissionDenied('Only admins create shared responses');
      await assertRoom(identity, input.shared);
      const created = await responses.create({ ...input, owner_id: identity.userId });
      if (created === 'shortcut_taken') throw taken(input.shortcut, input.shared);
      return toPublic(created);
    },

    async update(identity: Identity, id: unknown, body: unknown): Promise<CannedResponse> {
      asStaff(identity);
      const patch = validate(updateCannedResponseSchema, body ?? {});
      const existing = await changeable(identity, id);
      const changes: CannedResponseChanges = { shortcut: patch.shortcut, title: patch.title, content: patch.content };
      if (patch.shared !== undefined && patch.shared !== existing.shared) {
        if (identity.role !== 'admin') throw permissionDenied('Only admins share responses');
        await assertRoom(identity, patch.shared);
        // A shared response made personal becomes the admin's own.
        Object.assign(changes, { shared: patch.shared, owner_id: identity.userId });
      }
      const updated = await responses.update(existing.id, changes);
      if (updated === 'shortcut_taken') throw taken(patch.shortcut ?? existing.shortcut, changes.shared ?? existing.shared);
      if (!updated) throw notFound('Canned response not found');
      return toPublic(updated);
    },

    async remove(identity: Identity, id: unknown): Promise<void> {
      asStaff(identity);
      const existing = await changeable(identity, id);
      if (!(await responses.delete(existing.id))) throw notFound('Canned response not found');
    },
  };
}

export type CannedResponseService = ReturnType<typeof createCannedResponseService>;
