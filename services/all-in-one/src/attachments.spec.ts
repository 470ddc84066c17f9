import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { NewMessageEvent } from '@parley/contracts';
import { api, connectClient, request, TEST_JWT_SECRET, TEST_SERVICE_ENV, testUser, waitFor } from '@parley/testing';
import { start, type RunningParley } from './main';

jest.setTimeout(60_000);

describe('all-in-one: a photo through the attachment service onto local disk', () => {
  let db: TestDatabase;
  let parley: RunningParley;
  let dataDir: string;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('parley_aio_files');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-aio-files-'));
    parley = await start({ ...TEST_SERVICE_ENV, DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0', HOST: '127.0.0.1', PARLEY_DATA_DIR: dataDir });
    url = `http://127.0.0.1:${parley.port}`;
  });
  afterAll(async () => {
    await parley.stop();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores an uploaded photo under PARLEY_DATA_DIR, sends it by id, and serves it to the agent', async () => {
    const customer = testUser('customer', 'Cleo');
    const agent = testUser('support', 'Ana');
    const sessionId: string = (await api(url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Cold pizza' } })).body.data.id;
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('attachments', new Blob([bytes], { type: 'image/jpeg' }), 'pizza.jpg');
    const uploaded = (await (await fetch(`${url}/api/v1/chat/upload`, { method: 'POST', headers: { authorization: `Bearer ${customer.token}` }, body: form })).json()) as { data: { id: string }[] };
    expect(uploaded).toMatchObject({ success: true, data: [{ file_name: 'pizza.jpg', file_type: 'image/jpeg', file_size: bytes.length }] });
    const { id } = uploaded.data[0];
    expect(fs.readdirSync(path.join(dataDir, 'attachments', 'chat-attachments')).sort()).toEqual([id, `${id}.thumbnail.webp`]);

    const a = await connectClient(url, agent.token);
    const c = await connectClient(url, customer.token);
    await request(a, 'join_session', { session_id: sessionId });
    const delivered = waitFor<NewMessageEvent>(a, 'new_message');
    expect((await request(c, 'send_message', { session_id: sessionId, content: 'Look', message_type: 'image', attachment_ids: [id] })).ok).toBe(true);
    const { message } = await delivered;
    expect(message.attachments).toEqual([expect.objectContaining({ id, file_url: `/uploads/chat-attachments/${id}` })]);
    const download = await fetch(`${url}${message.attachments[0].file_url}`, { headers: { authorization: `Bearer ${agent.token}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    a.close();
    c.close();
  });
});
