import { Readable } from 'node:stream';
import type { Identity } from '@parley/contracts';
import { ATTACHMENT_TYPE_NAMES } from '@parley/contracts';
import type { AttachmentLimits, AttachmentRepository, AttachmentRow, NewAttachment, ObjectStore, Thumbnailer } from '../domain/attachment.ports';
import { createAttachmentService } from '../domain/attachment.service';
import { createLinkSigner } from '../domain/download-links';
import { FakeSessionDirectory } from '@parley/testing';

/** Objects in memory (tests only; the real stores stream). */
export class MemoryStore implements ObjectStore {
  readonly objects = new Map<string, { bytes: Buffer; contentType: string }>();
  async put(key: string, body: Readable, contentType: string): Promise<void> {
    const parts: Buffer[] = [];
    for await (const chunk of body) parts.push(chunk as Buffer);
    this.objects.set(key, { bytes: Buffer.concat(parts), contentType });
  }
  async get(key: string): Promise<Readable> {
    const object = this.objects.get(key);
    if (!object) throw new Error(`no object ${key}`);
    return Readable.from([object.bytes]);
  }
  async remove(key: string): Promise<void> {
    this.objects.delete(key);
  }
}

export class FakeAttachmentRepository implements AttachmentRepository {
  readonly rows = new Map<string, AttachmentRow>();
  constructor(private readonly clock: () => Date) {}
  async create(row: NewAttachment) {
    const created: AttachmentRow = { ...row, session_id: null, message_id: null, created_at: this.clock(), claimed_at: null };
    this.rows.set(row.id, created);
    return { ...created };
  }
  async get(id: string) {
    const row = this.rows.get(id);
    return row ? { ...row } : null;
  }
  async getMany(ids: string[]) {
    return ids.flatMap((id) => (this.rows.has(id) ? [{ ...(this.rows.get(id) as AttachmentRow) }] : []));
  }
  async claim(ids: string[], sessionId: string, at: Date) {
    let count = 0;
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row && (row.session_id === null || row.session_id === sessionId)) {
        Object.assign(row, { session_id: sessionId, claimed_at: at });
        count++;
      }
    }
    return count;
  }
  async attach(ids: string[], messageId: string, sessionId: string) {
    let count = 0;
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row && row.message_id === null && (row.session_id === null || row.session_id === sessionId)) {
        Object.assign(row, { message_id: messageId, session_id: sessionId });
        count++;
      }
    }
    return count;
  }
  async takeExpired(before: Date, limit: number) {
    const taken = [...this.rows.values()]
      .filter((r) => r.message_id === null && r.created_at < before && (r.claimed_at === null || r.claimed_at < before))
      .slice(0, limit);
    taken.forEach((r) => this.rows.delete(r.id));
    return taken;
  }
  async deleteUnsent(id: string, reservedBefore: Date | null) {
    const row = this.rows.get(id);
    if (!row || row.message_id !== null) return false;
    if (row.claimed_at && !(reservedBefore && row.claimed_at < reservedBefore)) return false;
    return this.rows.delete(id);
  }
}

export const fakeThumbnailer: Thumbnailer = {
  async make(image) {
    await readAll(image);
    return Buffer.from('thumbnail');
  },
};

export const TEST_LIMITS: AttachmentLimits = {
  maxFileBytes: 64 * 1024,
  maxFiles: 5,
  allowedTypes: ATTACHMENT_TYPE_NAMES,
  unsentTtlMs: 60_000,
  linkTtlMs: 30_000,
};

/** The domain service over fakes, with a clock the test moves. */
export function fakeAttachmentService(limits: Partial<AttachmentLimits> = {}) {
  let nowMs = Date.parse('2026-11-25T10:00:00Z');
  const clock = () => new Date(nowMs);
  const attachments = new FakeAttachmentRepository(clock);
  const store = new MemoryStore();
  const sessions = new FakeSessionDirectory();
  const service = createAttachmentService({
    attachments,
    store,
    sessions,
    thumbnails: fakeThumbnailer,
    links: createLinkSigner('test-link-secret-0123456789'),
    limits: { ...TEST_LIMITS, ...limits },
    clock,
  });
  return { service, attachments, store, sessions, advance: (ms: number) => (nowMs += ms) };
}

export const identity = (userId: string, role: Identity['role'], name = userId): Identity => ({ userId, role, name });

export async function readAll(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
