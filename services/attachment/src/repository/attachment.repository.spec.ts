import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { createKnex, createTestDatabase, type TestDatabase } from '@parley/db';
import type { AttachmentRepository } from '../domain/attachment.ports';
import { createAttachmentRepository } from './attachment.repository';

jest.setTimeout(30_000);

describe('attachment repository: the sweep of unsent uploads (PostgreSQL)', () => {
  let db: TestDatabase;
  let otherPool: Knex;
  let one: AttachmentRepository;
  let two: AttachmentRepository;
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  beforeAll(async () => {
    db = await createTestDatabase();
    otherPool = createKnex({ url: db.url, poolMax: 5 });
    one = createAttachmentRepository(db.knex);
    // A second instance: its own pool, so its statements run beside the first one's.
    two = createAttachmentRepository(otherPool);
  });
  afterAll(async () => {
    await otherPool.destroy();
    await db.drop();
  });

  const upload = async (createdAt: Date, extra: { message_id?: string; session_id?: string; claimed_at?: Date } = {}) => {
    const id = randomUUID();
    await db.knex('message_attachments').insert({
      id,
      uploader_id: 'cleo',
      file_name: 'receipt.pdf',
      file_type: 'application/pdf',
      file_size: 10,
      storage_key: `chat-attachments/${id}`,
      file_url: `/uploads/chat-attachments/${id}`,
      created_at: createdAt,
      ...extra,
    });
    return id;
  };

  it('takes each expired upload once when two instances sweep at once, and leaves sent, fresh and newly reserved ones', async () => {
    const expired = await Promise.all(Array.from({ length: 60 }, (_, i) => upload(ago(120 + i))));
    const reservedLongAgo = await upload(ago(200), { session_id: randomUUID(), claimed_at: ago(150) });
    const kept = [
      await upload(ago(5)),
      await upload(ago(200), { message_id: randomUUID(), session_id: randomUUID(), claimed_at: ago(190) }),
      await upload(ago(200), { session_id: randomUUID(), claimed_at: ago(1) }),
    ];

    const taken: string[][] = [[], []];
    await Promise.all(
      [one, two].map(async (repository, i) => {
        for (;;) {
          const batch = await repository.takeExpired(ago(60), 7);
          if (batch.length === 0) return;
          taken[i].push(...batch.map((row) => row.id));
        }
      }),
    );

    const all = [...taken[0], ...taken[1]];
    // Exactly once between them; which instance takes how many is up to the scheduler.
    expect(all.sort()).toEqual([...expired, reservedLongAgo].sort());
    expect((await db.knex('message_attachments').select<{ id: string }[]>('id')).map((r) => r.id).sort()).toEqual([...kept].sort());
  });

  it('passes over the uploads another instance holds, without waiting for it', async () => {
    const held = await upload(ago(300));
    const free = await upload(ago(200));
    const other = await otherPool.transaction();
    try {
      await other('message_attachments').where({ id: held }).forUpdate().select('id');
      const rows = await one.takeExpired(ago(60), 10);
      expect(rows.map((r) => r.id)).toEqual([free]);
    } finally {
      await other.rollback();
    }
    expect((await one.takeExpired(ago(60), 10)).map((r) => r.id)).toEqual([held]);
  });

  it('takes the oldest first, and answers each row with its storage key', async () => {
    const oldest = await upload(ago(300));
    const older = await upload(ago(200));
    const newer = await upload(ago(100));
    const rows = await one.takeExpired(ago(60), 2);
    expect(rows.map((r) => [r.id, r.storage_key, r.file_size]).sort()).toEqual(
      [
        [oldest, `chat-attachments/${oldest}`, 10],
        [older, `chat-attachments/${older}`, 10],
      ].sort(),
    );
    expect((await one.takeExpired(ago(60), 2)).map((r) => r.id)).toEqual([newer]);
  });
});
