import { randomUUID } from 'node:crypto';
import { fakeAttachmentService, identity, readAll } from '../testing/fakes';
import { chunksOf, pngOfSize, sampleFiles, spoofs } from '../testing/sample-files';

const cleo = identity('cleo', 'customer', 'Cleo');
const dan = identity('dan', 'customer', 'Dan');
const ana = identity('ana', 'support', 'Ana');
const gateway = identity('gateway:1', 'service', 'gateway');

async function setup() {
  const fake = fakeAttachmentService();
  const session = fake.sessions.add({ customer_id: cleo.userId });
  const samples = await sampleFiles();
  const upload = (who = cleo, file: { name: string; type: string; bytes: Buffer } = samples.png) =>
    fake.service.upload(who, { file_name: file.name, declared_type: file.type }, chunksOf(file.bytes, 1000));
  return { ...fake, session, samples, upload };
}

describe('attachment service: upload', () => {
  it('stores the bytes under a generated key, with cleaned metadata and a thumbnail for images', async () => {
    const { upload, store, attachments, samples } = await setup();
    const record = await upload(cleo, { ...samples.png, name: '../../Screen shot.png' });
    expect(record).toMatchObject({
      file_name: 'Screen shot.png',
      file_type: 'image/png',
      file_size: samples.png.bytes.length,
      file_url: `/uploads/chat-attachments/${record.id}`,
      thumbnail_url: `/uploads/chat-attachments/${record.id}/thumbnail`,
      uploader_id: cleo.userId,
      session_id: null,
      message_id: null,
    });
    const row = attachments.rows.get(record.id);
    expect(row?.storage_key).toBe(`chat-attachments/${record.id}`);
    expect(store.objects.get(`chat-attachments/${record.id}`)).toEqual({ bytes: samples.png.bytes, contentType: 'image/png' });
    expect(store.objects.get(`chat-attachments/${record.id}.thumbnail.webp`)?.contentType).toBe('image/webp');
  });

  it('makes no thumbnail for documents', async () => {
    const { upload, samples, store } = await setup();
    const record = await upload(cleo, samples.pdf);
    expect(record.thumbnail_url).toBeNull();
    expect([...store.objects.keys()]).toEqual([`chat-attachments/${record.id}`]);
  });

  it('stops reading at the first chunk past the size limit, keeping nothing', async () => {
    const { service, store, attachments } = await setup();
    let read = 0;
    const big = pngOfSize(1024 * 1024);
    const attempt = service.upload(cleo, { file_name: 'big.png', declared_type: 'image/png' }, chunksOf(big, 8 * 1024, (n) => (read = n)));
    await expect(attempt).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: 'big.png is larger than the 64 kB limit', details: { httpStatus: 413 } });
    expect(read).toBe(72 * 1024);
    expect(store.objects.size).toBe(0);
    expect(attachments.rows.size).toBe(0);
  });

  it('accepts a file of exactly the limit', async () => {
    const { service } = await setup();
    const record = await service.upload(cleo, { file_name: 'edge.png', declared_type: '' }, chunksOf(pngOfSize(64 * 1024)));
    expect(record.file_size).toBe(64 * 1024);
  });

  it.each([
    ['an executable named .png', spoofs.exeAsPng, 'INVALID_ARGUMENT'],
    ['HTML named .pdf', spoofs.htmlAsPdf, 'INVALID_ARGUMENT'],
    ['an empty file', { name: 'empty.txt', type: 'text/plain', bytes: Buffer.alloc(0) }, 'INVALID_ARGUMENT'],
    ['a nameless file', { name: '../', type: 'text/plain', bytes: Buffer.from('hi') }, 'INVALID_ARGUMENT'],
    ['text with a NUL byte after the first 4 kB', { name: 'log.txt', type: 'text/plain', bytes: Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]) }, 'INVALID_ARGUMENT'],
  ])('refuses %s, keeping nothing', async (_label, file, code) => {
    const { upload, store, attachments } = await setup();
    await expect(upload(cleo, file)).rejects.toMatchObject({ code });
    expect(store.objects.size).toBe(0);
    expect(attachments.rows.size).toBe(0);
  });

  it('refuses uploads by a service identity', async () => {
    const { upload } = await setup();
    await expect(upload(gateway)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});

describe('attachment service: claims, links to messages, rights', () => {
  it("reserves the sender's uploads for a session and answers them in order", async () => {
    const { service, upload, session, samples } = await setup();
    const a = await upload(cleo, samples.jpeg);
    const b = await upload(cleo, samples.pdf);
    const claimed = await service.claim(cleo, { session_id: session.id, attachment_ids: [b.id, a.id] });
    expect(claimed.map((c) => [c.id, c.session_id])).toEqual([
      [b.id, session.id],
      [a.id, session.id],
    ]);
    // A resend to the same session may claim them again.
    await expect(service.claim(cleo, { session_id: session.id, attachment_ids: [a.id] })).resolves.toHaveLength(1);
  });

  it.each([
    ["someone else's upload", 'NOT_FOUND'],
    ['an unknown id', 'NOT_FOUND'],
    ['an upload sent in another session', 'FAILED_PRECONDITION'],
    ['a session the sender may not see', 'PERMISSION_DENIED'],
    ['the same id twice', 'INVALID_ARGUMENT'],
    ['six ids', 'INVALID_ARGUMENT'],
    ['a malformed id', 'INVALID_ARGUMENT'],
  ])('refuses to claim %s with %s', async (label, code) => {
    const { service, upload, sessions, session } = await setup();
    const mine = await upload(cleo);
    const other = sessions.add({ customer_id: cleo.userId });
    const dans = sessions.add({ customer_id: dan.userId });
    let ids = [mine.id];
    let sessionId = session.id;
    if (label.startsWith("someone else's")) ids = [(await upload(dan)).id];
    if (label === 'an unknown id') ids = [randomUUID()];
    if (label.startsWith('an upload sent')) await service.claim(cleo, { session_id: other.id, attachment_ids: [mine.id] });
    if (label.startsWith('a session the sender')) sessionId = dans.id;
    if (label === 'the same id twice') ids = [mine.id, mine.id.toUpperCase()];
    if (label === 'six ids') ids = Array.from({ length: 6 }, () => randomUUID());
    if (label === 'a malformed id') ids = ['abc'];
    await expect(service.claim(cleo, { session_id: sessionId, attachment_ids: ids })).rejects.toMatchObject({ code });
  });

  it('links uploads to the message that carried them, once', async () => {
    const { service, upload, session, attachments } = await setup();
    const a = await upload(cleo);
    await service.claim(cleo, { session_id: session.id, attachment_ids: [a.id] });
    const message = { id: randomUUID(), session_id: session.id, attachments: [{ id: a.id }] };
    expect(await service.markAttached(message)).toBe(1);
    expect(await service.markAttached(message)).toBe(0);
    expect(await service.markAttached({ ...message, id: randomUUID() })).toBe(0);
    expect(attachments.rows.get(a.id)?.message_id).toBe(message.id);
  });

  it('lets the uploader, the session requester and staff download a sent file; a stranger gets nothing', async () => {
    const { service, upload, session, samples } = await setup();
    const a = await upload(cleo, samples.pdf);
    // Before it is sent, only the uploader sees it.
    await expect(service.get(ana, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await service.claim(cleo, { session_id: session.id, attachment_ids: [a.id] });
    for (const who of [cleo, ana]) {
      const download = await service.download(who, { attachment_id: a.id, thumbnail: false });
      expect(download.info).toEqual({ file_name: 'invoice.pdf', content_type: 'application/pdf', size: samples.pdf.bytes.length });
      expect(await readAll(download.body)).toEqual(samples.pdf.bytes);
    }
    await expect(service.download(dan, { attachment_id: a.id, thumbnail: false })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.download(gateway, { attachment_id: a.id, thumbnail: false })).resolves.toBeDefined();
    await expect(service.download(cleo, { attachment_id: a.id, thumbnail: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.download(cleo, { attachment_id: randomUUID(), thumbnail: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('signs short-lived links that work without rights, for the variant and time they name', async () => {
    const { service, upload, advance, samples } = await setup();
    const a = await upload(cleo, samples.png);
    const link = await service.createLink(cleo, a.id, true);
    expect(link.url).toMatch(new RegExp(`^/uploads/chat-attachments/${a.id}/thumbnail\\?expires=\\d+&signature=[\\w-]+$`));
    const params = new URL(link.url, 'http://x').searchParams;
    const signed = { attachment_id: a.id, thumbnail: true, expires: params.get('expires') ?? '', signature: params.get('signature') ?? '' };
    expect(await readAll((await service.download(gateway, signed)).body)).toEqual(Buffer.from('thumbnail'));
    await expect(service.download(gateway, { ...signed, thumbnail: false })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.download(gateway, { ...signed, signature: signed.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.download(gateway, { ...signed, expires: String(Number(signed.expires) + 60) })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    advance(31_000);
    await expect(service.download(gateway, signed)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.createLink(dan, a.id, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('attachment service: removal and cleanup', () => {
  it('lets the uploader withdraw an unsent upload, and nobody else', async () => {
    const { service, upload, store, session } = await setup();
    const a = await upload(cleo);
    await expect(service.remove(dan, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await service.remove(cleo, a.id);
    expect(store.objects.size).toBe(0);
    const b = await upload(cleo);
    await service.claim(cleo, { session_id: session.id, attachment_ids: [b.id] });
    await expect(service.remove(cleo, b.id)).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('removes uploads unsent after the TTL, keeps sent ones and fresh reservations', async () => {
    const { service, upload, session, store, attachments, advance } = await setup();
    const unsent = await upload(cleo);
    const sent = await upload(cleo);
    const reserved = await upload(cleo);
    await service.claim(cleo, { session_id: session.id, attachment_ids: [sent.id] });
    await service.markAttached({ id: randomUUID(), session_id: session.id, attachments: [{ id: sent.id }] });
    advance(59_000);
    expect(await service.sweepUnsent()).toBe(0);
    await service.claim(cleo, { session_id: session.id, attachment_ids: [reserved.id] });
    advance(2_000);
    expect(await service.sweepUnsent()).toBe(1);
    expect([...attachments.rows.keys()].sort()).toEqual([sent.id, reserved.id].sort());
    expect([...store.objects.keys()].some((key) => key.includes(unsent.id))).toBe(false);
    // A reservation whose message never came expires too.
    advance(60_000);
    expect(await service.sweepUnsent()).toBe(1);
    expect([...attachments.rows.keys()]).toEqual([sent.id]);
  });
});
