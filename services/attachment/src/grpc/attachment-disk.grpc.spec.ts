import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ATTACHMENT_TYPE_NAMES, type Identity } from '@parley/contracts';
import { startAttachmentHarness, type AttachmentHarness } from '../testing/attachment-harness';
import { readAll } from '../testing/fakes';
import { chunksOf, pngOfSize, sampleFiles } from '../testing/sample-files';

jest.setTimeout(60_000);

const cleo: Identity = { userId: 'customer-1', role: 'customer', name: 'Cleo' };
const as = (identity: Identity) => ({ identity });

describe('attachment service over gRPC with the disk store (the embedded mode)', () => {
  let h: AttachmentHarness;
  let dir: string;
  let samples: Awaited<ReturnType<typeof sampleFiles>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-attachments-disk-'));
    h = await startAttachmentHarness({ ATTACHMENT_STORE: 'disk', ATTACHMENT_DISK_DIR: dir, ATTACHMENT_MAX_FILE_BYTES: String(512 * 1024) });
    samples = await sampleFiles();
  });
  afterAll(async () => {
    await h.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const files = () => fs.readdirSync(path.join(dir, 'chat-attachments')).filter((f) => !f.endsWith('.part'));
  const partials = () => fs.readdirSync(path.join(dir, 'chat-attachments')).filter((f) => f.endsWith('.part'));

  it.each(ATTACHMENT_TYPE_NAMES)('keeps a %s file under its generated name and streams it back', async (name) => {
    const file = samples[name];
    const stored = await h.attachments.upload({ file_name: file.name, declared_type: file.type }, chunksOf(file.bytes, 333), as(cleo));
    expect(fs.readFileSync(path.join(dir, 'chat-attachments', stored.id)).equals(file.bytes)).toBe(true);
    const { info, body } = await h.attachments.download({ attachment_id: stored.id, thumbnail: false, expires: '', signature: '' }, as(cleo));
    expect(info).toEqual({ file_name: file.name, content_type: file.type, size: file.bytes.length });
    expect((await readAll(body)).equals(file.bytes)).toBe(true);
    if (file.type.startsWith('image/')) {
      const thumbnail = await h.attachments.download({ attachment_id: stored.id, thumbnail: true, expires: '', signature: '' }, as(cleo));
      expect((await sharp(await readAll(thumbnail.body)).metadata()).format).toBe('webp');
    }
  });

  it('keeps nothing of a file past the limit, not even a partial file', async () => {
    const before = files().length;
    const attempt = h.attachments.upload({ file_name: 'big.png', declared_type: 'image/png' }, chunksOf(pngOfSize(2 * 1024 * 1024)), as(cleo));
    await expect(attempt).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: 'big.png is larger than the 512 kB limit' });
    expect(files()).toHaveLength(before);
    expect(partials()).toEqual([]);
  });
});
