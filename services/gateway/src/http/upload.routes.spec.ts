import { api, connectClient, request, testUser, waitFor, type ClientSocket } from '@parley/testing';
import type { NewMessageEvent } from '@parley/contracts';
import { answerBeforeBodyEnds, formData, postForm, postRaw, type FilePart } from '../testing/multipart';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

const png = (name = 'screenshot.png', size = 2048): FilePart => ({ name, type: 'image/png', bytes: Buffer.alloc(size, 1) });
const pdf: FilePart = { name: 'receipt.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 tiny') };
const exe: FilePart = { name: 'cat.png', type: 'image/png', bytes: Buffer.from('MZ\x90\x00 not a picture', 'latin1') };

describe('gateway: uploads (multipart, streamed to the attachment service)', () => {
  let gw: TestGateway;
  const customer = testUser('customer', 'Cleo');
  const stranger = testUser('customer', 'Sam');
  const agent = testUser('support', 'Ana');
  let sessionId: string;
  const url = (path: string) => `${gw.url}/api/v1/chat${path}`;
  const unchanged = () => ({ files: gw.files.files.size, messages: gw.backend.messages.length });

  beforeAll(async () => {
    gw = await startTestGateway({ maxFileBytes: 64 * 1024, maxFiles: 5 });
    sessionId = (await api(gw.url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Wrong order' } })).body.data.id;
  });
  afterAll(() => gw.close());

  describe('POST /upload (pre-upload)', () => {
    it("answers the protocol's shape for every file, in order", async () => {
      const res = await postForm(url('/upload'), customer.token, formData([png(), pdf]));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        success: true,
        data: [
          { id: expect.any(String), file_name: 'screenshot.png', file_url: expect.stringMatching(/^\/uploads\/chat-attachments\//), file_size: 2048, file_type: 'image/png', thumbnail_url: expect.stringMatching(/\/thumbnail$/), created_at: expect.any(String) },
          { id: expect.any(String), file_name: 'receipt.pdf', file_url: expect.any(String), file_size: pdf.bytes.length, file_type: 'application/pdf', thumbnail_url: null, created_at: expect.any(String) },
        ],
      });
    });

    it('keeps a non-ASCII file name', async () => {
      const res = await postForm(url('/upload'), customer.token, formData([png('reçu café.png')]));
      expect(res.body.data[0].file_name).toBe('reçu café.png');
    });

    it('answers 413 as soon as a file passes the limit, before the client has sent the rest', async () => {
      const before = gw.files.received.length;
      const res = await answerBeforeBodyEnds(url('/upload'), customer.token, 256 * 1024);
      expect(res).toEqual({ status: 413, body: { success: false, error: { code: 'RESOURCE_EXHAUSTED', message: 'huge.png is larger than the 64 kB limit' } } });
      const received = gw.files.received.slice(before);
      expect(received).toHaveLength(1);
      expect(received[0]).toBeLessThanOrEqual(64 * 1024 + 1);
    });

    it('accepts a file of exactly the limit', async () => {
      const res = await postForm(url('/upload'), customer.token, formData([png('edge.png', 64 * 1024)]));
      expect(res.status).toBe(201);
    });

    it.each<[string, number, string, () => Promise<{ status: number; body: any }>]>([ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['a file over 64 kB', 413, 'RESOURCE_EXHAUSTED', () => postForm(url('/upload'), customer.token, formData([png('small.png'), png('big.png', 70 * 1024)]))],
      ['six files', 400, 'INVALID_ARGUMENT', () => postForm(url('/upload'), customer.token, formData(Array.from({ length: 6 }, (_, i) => png(`p${i}.png`))))],
      ['no file', 400, 'INVALID_ARGUMENT', () => postForm(url('/upload'), customer.token, formData([]))],
      ['a file in another field', 400, 'INVALID_ARGUMENT', () => postForm(url('/upload'), customer.token, formData([{ ...png(), field: 'file' }]))],
      ['a text field besides the files', 400, 'INVALID_ARGUMENT', () => postForm(url('/upload'), customer.token, formData([png()], { note: 'hi' }))],
      ['an executable named .png', 400, 'INVALID_ARGUMENT', () => postForm(url('/upload'), customer.token, formData([png('ok.png'), exe]))],
      ['a JSON body', 400, 'INVALID_ARGUMENT', () => api(gw.url, 'POST', '/api/v1/chat/upload', { token: customer.token, body: { attachments: [] } })],
      ['a multipart body without a boundary', 400, 'INVALID_ARGUMENT', () => postRaw(url('/upload'), customer.token, 'multipart/form-data', 'x')],
      ['a truncated multipart body', 400, 'INVALID_ARGUMENT', () => postRaw(url('/upload'), customer.token, 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="attachments"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc')],
      ['a malformed part header', 400, 'INVALID_ARGUMENT', () => postRaw(url('/upload'), customer.token, 'multipart/form-data; boundary=b', '--b\r\nno header here\r\n\r\nabc\r\n--b--\r\n')],
      ['no token', 401, 'UNAUTHENTICATED', () => postForm(url('/upload'), undefined, formData([png()]))],
    ])('refuses %s with %i %s, keeping nothing', async (_label, status, code, send) => {
      const before = unchanged();
      const res = await send();
      expect(res).toEqual({ status, body: { success: false, error: { code, message: expect.any(String) } } });
      expect(unchanged()).toEqual(before);
    });
  });

  describe('POST /sessions/:id/messages as multipart', () => {
    let agentSocket: ClientSocket;
    beforeAll(async () => {
      agentSocket = await connectClient(gw.url, agent.token);
      await request(agentSocket, 'join_session', { session_id: sessionId });
    });
    afterAll(() => agentSocket.close());

    it('sends the files with the message; everyone in the session gets it with its attachments', async () => {
      const delivered = waitFor<NewMessageEvent>(agentSocket, 'new_message', (e) => e.message.content === 'Check this screenshot');
      const res = await postForm(url(`/sessions/${sessionId}/messages`), customer.token, formData([png(), png('second.png')], { content: 'Check this screenshot', message_type: 'image', temp_id: 'm-1' }));
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ content: 'Check this screenshot', message_type: 'image', temp_id: 'm-1', attachments: [{ file_name: 'screenshot.png' }, { file_name: 'second.png' }] });
      expect((await delivered).message.attachments).toEqual(res.body.data.attachments);
    });

    it('makes a message of files without a type an image or a file message, caption optional', async () => {
      const photos = await postForm(url(`/sessions/${sessionId}/messages`), customer.token, formData([png()]));
      expect(photos.body.data).toMatchObject({ content: '', message_type: 'image' });
      const mixed = await postForm(url(`/sessions/${sessionId}/messages`), customer.token, formData([png(), pdf], { content: 'both' }));
      expect(mixed.body.data).toMatchObject({ message_type: 'file' });
    });

    it('still takes a JSON body', async () => {
      const res = await api(gw.url, 'POST', `/api/v1/chat/sessions/${sessionId}/messages`, { token: customer.token, body: { content: 'plain' } });
      expect(res).toMatchObject({ status: 201, body: { data: { content: 'plain', attachments: [] } } });
    });

    it('withdraws the uploaded files when the message is refused', async () => {
      const before = unchanged();
      const res = await postForm(url(`/sessions/${sessionId}/messages`), customer.token, formData([png()], { message_type: 'video' }));
      expect(res).toMatchObject({ status: 400, body: { success: false, error: { code: 'INVALID_ARGUMENT' } } });
      expect(unchanged()).toEqual(before);
    });

    it.each([
      ['a stranger', () => stranger.token, () => sessionId, 403, 'PERMISSION_DENIED'],
      ['an unknown session', () => customer.token, () => '00000000-0000-4000-8000-0000000000aa', 404, 'NOT_FOUND'],
      ['a malformed session id', () => customer.token, () => 'abc', 400, 'INVALID_ARGUMENT'],
    ])('refuses %s before reading a byte of the files', async (_label, token, session, status, code) => {
      const before = { ...unchanged(), received: gw.files.received.length };
      const res = await postForm(url(`/sessions/${session()}/messages`), token(), formData([png()], { content: 'hi' }));
      expect(res).toEqual({ status, body: { success: false, error: { code, message: expect.any(String) } } });
      expect({ ...unchanged(), received: gw.files.received.length }).toEqual(before);
    });

    it('refuses a file over the limit in a message with 413, sending nothing', async () => {
      const before = unchanged();
      const res = await postForm(url(`/sessions/${sessionId}/messages`), customer.token, formData([png('big.png', 100 * 1024)], { content: 'hi' }));
      expect(res.status).toBe(413);
      expect(unchanged()).toEqual(before);
    });
  });
});
