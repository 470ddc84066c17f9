import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ATTACHMENT_TYPE_NAMES, createEvent, routingKeys, type ChatMessage, type Identity } from '@parley/contracts';
import { attachmentFromProto, toMessageAttachment } from '@parley/grpc';
import { eventually } from '@parley/testing';
import { startAttachmentHarness, type AttachmentHarness } from '../testing/attachment-harness';
import { readAll } from '../testing/fakes';
import { chunksOf, pngOfSize, sampleFiles, spoofs } from '../testing/sample-files';

jest.setTimeout(60_000);

const cleo: Identity = { userId: 'customer-1', role: 'customer', name: 'Cleo' };
const dan: Identity = { userId: 'customer-2', role: 'customer', name: 'Dan' };
const pizzeria: Identity = { userId: 'restaurant-1', role: 'restaurant', name: 'Pizzeria Uno' };
const ana: Identity = { userId: 'agent-1', role: 'support', name: 'Ana' };
const root: Identity = { userId: 'admin-1', role: 'admin', name: 'Root' };
const as = (identity: Identity) => ({ identity });

/** The objects s3rver holds in a bucket (it keeps each as a `<key>._S3rver_object` file). */
function objectFiles(h: AttachmentHarness): string[] {
  const root = path.join(h.s3.directory, h.bucket);
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('._S3rver_object'));
}

describe('attachment service over gRPC (PostgreSQL, s3rver)', () => {
  let h: AttachmentHarness;
  let samples: Awaited<ReturnType<typeof sampleFiles>>;
  beforeAll(async () => {
    h = await startAttachmentHarness({ ATTACHMENT_MAX_FILE_BYTES: String(1024 * 1024) });
    samples = await sampleFiles();
  });
  afterAll(() => h.stop());

  const upload = (who: Identity, file: { name: string; type: string; bytes: Buffer }, chunk = 16 * 1024) =>
    h.attachments.upload({ file_name: file.name, declared_type: file.type }, chunksOf(file.bytes, chunk), as(who));
  const objectsInBucket = () => objectFiles(h);
  const download = async (who: Identity, id: string, thumbnail = false) => {
    const { info, body } = await h.attachments.download({ attachment_id: id, thumbnail, expires: '', signature: '' }, as(who));
    return { info, bytes: await readAll(body) };
  };

  it.each(ATTACHMENT_TYPE_NAMES)('stores a %s file in S3 and streams it back unchanged', async (name) => {
    const file = samples[name];
    const stored = await upload(cleo, file, 100);
    expect(stored).toMatchObject({ file_name: file.name, file_type: file.type, file_size: file.bytes.length, uploader_id: cleo.userId, file_url: `/uploads/chat-attachments/${stored.id}` });
    const back = await download(cleo, stored.id);
    expect(back.info).toEqual({ file_name: file.name, content_type: file.type, size: file.bytes.length });
    expect(back.bytes.equals(file.bytes)).toBe(true);
  });

  it('makes a WebP thumbnail for an image, at most 256 px a side', async () => {
    const big = { name: 'wide.png', type: 'image/png', bytes: await sharp({ create: { width: 1200, height: 300, channels: 3, background: '#3a6' } }).png().toBuffer() };
    const stored = await upload(cleo, big);
    expect(stored.thumbnail_url).toBe(`/uploads/chat-attachments/${stored.id}/thumbnail`);
    const thumbnail = await download(cleo, stored.id, true);
    expect(thumbnail.info.content_type).toBe('image/webp');
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ format: 'webp', width: 256, height: 64 });
  });

  it('refuses a file past the limit as soon as it passes it, keeping nothing', async () => {
    const before = objectsInBucket().length;
    let read = 0;
    const attempt = h.attachments.upload({ file_name: 'huge.png', declared_type: 'image/png' }, chunksOf(pngOfSize(32 * 1024 * 1024), 64 * 1024, (n) => (read = n)), as(cleo));
    await expect(attempt).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: 'huge.png is larger than the 1 MB limit' });
    // The sender is stopped long before the end of the file. What it produced past the limit is
    // what the transport buffered before the refusal reached it: about 2 MB on an idle machine,
    // 3 MB on a loaded one (a tighter bound of 3 MB in all failed a CI run).
    expect(read).toBeLessThan(8 * 1024 * 1024);
    expect(objectsInBucket()).toHaveLength(before);
    expect(await h.db.knex('message_attachments').where({ file_name: 'huge.png' })).toEqual([]);
  });

  it.each([
    ['an executable named .png', spoofs.exeAsPng],
    ['HTML named .pdf', spoofs.htmlAsPdf],
    ['an ELF binary named .txt', spoofs.elfAsTxt],
  ])('refuses %s with INVALID_ARGUMENT', async (_label, file) => {
    await expect(upload(cleo, file)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/does not match/) });
  });

  it('refuses a large spoofed file from its first bytes, without reading the rest', async () => {
    let read = 0;
    // Large enough that the transport's buffers (2 to 3 MB, above) hold only a small part of it.
    const exe = Buffer.concat([spoofs.exeAsPng.bytes, Buffer.alloc(32 * 1024 * 1024)]);
    const attempt = h.attachments.upload({ file_name: 'cat.png', declared_type: 'image/png' }, chunksOf(exe, 64 * 1024, (n) => (read = n)), as(cleo));
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(read).toBeLessThan(exe.length);
  });

  it('refuses an upload that never sends its info', async () => {
    const noInfo = h.attachments.upload({ file_name: '', declared_type: '' }, chunksOf(samples.png.bytes), as(cleo));
    await expect(noInfo).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  describe('sent with a message', () => {
    let sessionId: string;
    let photoId: string;
    let message: ChatMessage;
    beforeAll(async () => {
      sessionId = (await h.sessions.createSession({ subject: 'Wrong pizza' }, as(cleo))).id;
      photoId = (await upload(cleo, samples.jpeg)).id;
      // What the message service does with a message that carries files: it claims them as the
      // sender, stores the message, and publishes message.created (the flow itself is e2e's).
      const claimed = (await h.attachments.claimAttachments(sessionId, [photoId], as(cleo))).map((a) => toMessageAttachment(attachmentFromProto(a)));
      expect(claimed).toEqual([expect.objectContaining({ id: photoId, file_name: 'receipt.jpg', file_type: 'image/jpeg', thumbnail_url: `/uploads/chat-attachments/${photoId}/thumbnail` })]);
      message = {
        id: randomUUID(),
        session_id: sessionId,
        seq: 1,
        sender_id: cleo.userId,
        sender_role: cleo.role,
        sender_name: cleo.name,
        content: 'This is not what I ordered',
        message_type: 'image',
        temp_id: null,
        created_at: new Date().toISOString(),
        attachments: claimed,
        read_by: [],
      };
      await h.bus.publish(createEvent('message.created', routingKeys.session(sessionId, 'message.created'), { message }));
    });

    it('is linked to its message through message.created', async () => {
      await eventually(async () => expect(await h.db.knex('message_attachments').where({ id: photoId }).first()).toMatchObject({ message_id: message.id, session_id: sessionId }));
    });

    it.each([
      ['the customer who sent it', 'ok', cleo],
      ['a support agent', 'ok', ana],
      ['an admin', 'ok', root],
      ['another customer', 'PERMISSION_DENIED', dan],
      ['a restaurant', 'PERMISSION_DENIED', pizzeria],
    ] as const)('answers a download by %s: %s', async (_label, outcome, who) => {
      const attempt = download(who, photoId);
      if (outcome === 'ok') expect((await attempt).bytes.equals(samples.jpeg.bytes)).toBe(true);
      else await expect(attempt).rejects.toMatchObject({ code: outcome });
    });

    it('can not be claimed again for another chat', async () => {
      const other = (await h.sessions.createSession({ subject: 'Another' }, as(cleo))).id;
      await expect(h.attachments.claimAttachments(other, [photoId], as(cleo))).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    });

    it('can not be claimed by someone else, who does not learn it exists', async () => {
      // An admin may write in any chat, so only the attachment check can refuse this.
      await expect(h.attachments.claimAttachments(sessionId, [photoId], as(root))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('gets a signed link that works without rights until it expires', async () => {
      const link = await h.attachments.createDownloadLink(photoId, false, as(ana));
      const params = new URL(link.url, 'http://gateway').searchParams;
      const service = { identity: { userId: 'gateway', role: 'service' as const, name: 'gateway' } };
      const signed = { attachment_id: photoId, thumbnail: false, expires: params.get('expires') ?? '', signature: params.get('signature') ?? '' };
      expect((await readAll((await h.attachments.download(signed, service)).body)).equals(samples.jpeg.bytes)).toBe(true);
      // One character changed (never to itself).
      const tampered = (signed.signature[0] === 'x' ? 'y' : 'x') + signed.signature.slice(1);
      await expect(h.attachments.download({ ...signed, signature: tampered }, service)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      await expect(h.attachments.createDownloadLink(photoId, false, as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    });
  });
});

describe('cleanup of unsent uploads (PostgreSQL, s3rver)', () => {
  it('removes an upload nobody sent once its TTL passes, from the table and the bucket', async () => {
    const h = await startAttachmentHarness({ ATTACHMENT_UNSENT_TTL_SECONDS: '1', ATTACHMENT_SWEEP_INTERVAL_SECONDS: '1' });
    try {
      const samples = await sampleFiles();
      const stored = await h.attachments.upload({ file_name: 'x.png', declared_type: 'image/png' }, chunksOf(samples.png.bytes), as(cleo));
      const listed = () => objectFiles(h).filter((f) => f.includes(stored.id));
      expect(listed()).toHaveLength(2); // the file and its thumbnail
      // The row goes first (nothing can reference the files after it), then the files.
      await eventually(
        async () => {
          expect(await h.db.knex('message_attachments').where({ id: stored.id })).toEqual([]);
          expect(listed()).toEqual([]);
        },
        10_000,
        200,
      );
    } finally {
      await h.stop();
    }
  });
});
