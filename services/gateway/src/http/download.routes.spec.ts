import { api, connectClient, request, testUser, waitFor } from '@parley/testing';
import type { MessageSentEvent, NewMessageEvent } from '@parley/contracts';
import { formData, postForm, type FilePart } from '../testing/multipart';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

const photo: FilePart = { name: 'cold pizza.png', type: 'image/png', bytes: Buffer.alloc(3000, 7) };
const receipt: FilePart = { name: 'receipt.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 receipt') };

describe('gateway: attachments sent over the socket, and downloads', () => {
  let gw: TestGateway;
  const customer = testUser('customer', 'Cleo');
  const stranger = testUser('customer', 'Sam');
  const restaurant = testUser('restaurant', 'Pizzeria Uno');
  const agent = testUser('support', 'Ana');
  const admin = testUser('admin', 'Root');
  let sessionId: string;
  let photoId: string;
  let receiptId: string;
  let unsentId: string;

  const get = (path: string, token?: string) => fetch(`${gw.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    gw = await startTestGateway();
    sessionId = (await api(gw.url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Wrong order' } })).body.data.id;
    const uploaded = (await postForm(`${gw.url}/api/v1/chat/upload`, customer.token, formData([photo, receipt, photo]))).body.data;
    [photoId, receiptId, unsentId] = uploaded.map((a: { id: string }) => a.id);
  });
  afterAll(() => gw.close());

  it('sends pre-uploaded files by id with send_message; new_message carries them to everyone', async () => {
    const c = await connectClient(gw.url, customer.token);
    const a = await connectClient(gw.url, agent.token);
    await request(c, 'join_session', { session_id: sessionId });
    await request(a, 'join_session', { session_id: sessionId });
    const delivered = waitFor<NewMessageEvent>(a, 'new_message');
    const ack = await request<MessageSentEvent>(c, 'send_message', { session_id: sessionId, content: 'See these', message_type: 'file', attachment_ids: [photoId, receiptId], temp_id: 't-1' });
    expect(ack.ok).toBe(true);
    const { message } = await delivered;
    expect(message).toMatchObject({ id: ack.data?.message_id, message_type: 'file', attachments: [{ id: photoId, file_name: 'cold pizza.png' }, { id: receiptId, file_name: 'receipt.pdf' }] });
    c.close();
    a.close();
  });

  it('answers every bad attachment_ids with the error event and the ack, storing nothing', async () => {
    const c = await connectClient(gw.url, customer.token);
    const other = (await postForm(`${gw.url}/api/v1/chat/upload`, stranger.token, formData([photo]))).body.data[0].id;
    const before = gw.backend.messages.length;
    const cases: Array<[unknown, string]> = [
      [['not-a-uuid'], 'INVALID_ARGUMENT'],
      ['one id', 'INVALID_ARGUMENT'],
      [Array.from({ length: 6 }, () => photoId), 'INVALID_ARGUMENT'],
      [[other], 'NOT_FOUND'],
    ];
    for (const [ids, code] of cases) {
      const errors = waitFor<{ code: string; event: string }>(c, 'error');
      const answer = await request(c, 'send_message', { session_id: sessionId, content: 'x', attachment_ids: ids });
      expect({ ids, ok: answer.ok, code: answer.error?.code }).toEqual({ ids, ok: false, code });
      expect(await errors).toMatchObject({ code, event: 'send_message' });
    }
    const image = await request(c, 'send_message', { session_id: sessionId, content: 'x', message_type: 'image' });
    expect(image.error?.code).toBe('INVALID_ARGUMENT');
    expect(gw.backend.messages.length).toBe(before);
    c.close();
  });

  it.each([
    ['the uploader', () => customer.token, 200],
    ['the agent', () => agent.token, 200],
    ['an admin', () => admin.token, 200],
    ['another customer', () => stranger.token, 403],
    ['a restaurant', () => restaurant.token, 403],
    ['nobody (no token)', () => undefined, 401],
  ])('serves a sent image to %s: %i', async (_label, token, status) => {
    const res = await get(`/uploads/chat-attachments/${photoId}`, token());
    expect(res.status).toBe(status);
    if (status !== 200) {
      expect(await res.json()).toEqual({ success: false, error: { code: expect.any(String), message: expect.any(String) } });
      return;
    }
    expect(Buffer.from(await res.arrayBuffer()).equals(photo.bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="cold pizza.png"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a document only as a download, never inline', async () => {
    const res = await get(`/uploads/chat-attachments/${receiptId}`, agent.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=receipt.pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
  });

  it('serves thumbnails of images only', async () => {
    const thumbnail = await get(`/uploads/chat-attachments/${photoId}/thumbnail`, agent.token);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect((await get(`/uploads/chat-attachments/${receiptId}/thumbnail`, agent.token)).status).toBe(404);
  });

  it("hides an upload nobody sent from everyone but its uploader (404)", async () => {
    expect((await get(`/uploads/chat-attachments/${unsentId}`, customer.token)).status).toBe(200);
    expect((await get(`/uploads/chat-attachments/${unsentId}`, agent.token)).status).toBe(404);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await get('/uploads/chat-attachments/abc', customer.token)).status).toBe(400);
    expect((await get('/uploads/chat-attachments/00000000-0000-4000-8000-0000000000aa', customer.token)).status).toBe(404);
  });

  it('describes an attachment with a signed link that works without a token, and only as signed', async () => {
    const described = await api(gw.url, 'GET', `/api/v1/chat/attachments/${photoId}`, { token: agent.token });
    expect(described.body.data).toMatchObject({ id: photoId, file_name: 'cold pizza.png', download_url: expect.stringContaining('signature='), download_url_expires_at: expect.any(String) });
    const link = described.body.data.download_url as string;
    const res = await get(link);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(photo.bytes)).toBe(true);
    expect((await get(link.replace(/signature=[^&]+/, 'signature=forged'))).status).toBe(403);
    expect((await get(link.replace(/signature=[^&]+/, 'signature=bad%20chars'))).status).toBe(400);
    expect((await get(`${link}&extra=1`)).status).toBe(400);
    expect((await api(gw.url, 'GET', `/api/v1/chat/attachments/${photoId}`, { token: stranger.token })).status).toBe(403);
    expect((await api(gw.url, 'GET', '/api/v1/chat/attachments/abc', { token: agent.token })).body).toEqual({ success: false, error: { code: 'INVALID_ARGUMENT', message: 'attachment id must be a UUID' } });
    expect((await api(gw.url, 'GET', '/api/v1/chat/attachments/00000000-0000-4000-8000-0000000000aa', { token: agent.token })).status).toBe(404);
    expect((await api(gw.url, 'GET', `/api/v1/chat/attachments/${photoId}`)).status).toBe(401);
  });
});
