import sharp from 'sharp';
import type { ChatMessage, MessageSentEvent, NewMessageEvent } from '@parley/contracts';
import { api, eventually, request, testUser, waitFor } from '@parley/testing';
import { SocketPool, join, openSession } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * Files through the real stack (session, message and attachment services, two gateways;
 * PostgreSQL, RabbitMQ and an S3 server): a customer on gateway A sends a photo, an agent on
 * gateway B sees it and downloads it.
 */
jest.setTimeout(60_000);

function form(files: Array<{ name: string; type: string; bytes: Buffer }>, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  for (const file of files) body.append('attachments', new Blob([file.bytes], { type: file.type }), file.name);
  return body;
}

async function post(url: string, token: string, body: FormData): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
  return { status: response.status, body: await response.json() };
}

const download = (url: string, token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('a photo from a customer on gateway A to an agent on gateway B', () => {
  let stack: Stack;
  let photo: { name: string; type: string; bytes: Buffer };
  const sockets = new SocketPool();
  const customer = testUser('customer', 'Carla Customer');
  const stranger = testUser('customer', 'Nosy Neighbour');
  const agent = testUser('support', 'Sam Support');

  beforeAll(async () => {
    stack = await startStack({ label: 'attachments' });
    photo = { name: 'wrong order.jpg', type: 'image/jpeg', bytes: await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d94' } }).jpeg().toBuffer() };
  }, 120_000);
  afterEach(() => sockets.closeAll());
  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 90_000);

  it('sends the photo with a multipart message; the agent gets it live and downloads it and its thumbnail', async () => {
    const session = await openSession(stack.gatewayA, customer);
    const agentSocket = await sockets.connect(stack.gatewayB, agent);
    await join(agentSocket, session.id);
    const delivered = waitFor<NewMessageEvent>(agentSocket, 'new_message', (e) => e.message.message_type === 'image', 10_000);

    const sent = await post(`${stack.gatewayA}/api/v1/chat/sessions/${session.id}/messages`, customer.token, form([photo], { content: 'This is not my order', message_type: 'image' }));
    expect(sent.status).toBe(201);
    const { message } = await delivered;
    expect(message).toMatchObject({ id: sent.body.data.id, content: 'This is not my order', attachments: [{ file_name: 'wrong order.jpg', file_type: 'image/jpeg', file_size: photo.bytes.length }] });

    const [file] = message.attachments;
    const got = await download(`${stack.gatewayB}${file.file_url}`, agent.token);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await got.arrayBuffer()).equals(photo.bytes)).toBe(true);
    const thumbnail = await download(`${stack.gatewayB}${file.thumbnail_url}`, agent.token);
    expect(await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 256, height: 192 });

    expect((await download(`${stack.gatewayB}${file.file_url}`, stranger.token)).status).toBe(403);
    expect((await download(`${stack.gatewayA}${file.file_url}`)).status).toBe(401);
  });

  it('pre-uploads a PDF on gateway A, sends it by id over the socket, and the agent on B finds it in the history', async () => {
    const session = await openSession(stack.gatewayA, customer);
    const pdf = { name: 'receipt.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n') };
    const uploaded = await post(`${stack.gatewayA}/api/v1/chat/upload`, customer.token, form([pdf]));
    expect(uploaded).toMatchObject({ status: 201, body: { success: true, data: [{ file_name: 'receipt.pdf', file_type: 'application/pdf', file_size: pdf.bytes.length, file_url: expect.any(String) }] } });
    const id: string = uploaded.body.data[0].id;

    const customerSocket = await sockets.connect(stack.gatewayA, customer);
    await join(customerSocket, session.id);
    const ack = await request<MessageSentEvent>(customerSocket, 'send_message', { session_id: session.id, content: 'My receipt', message_type: 'file', attachment_ids: [id], temp_id: 'r-1' });
    expect(ack.ok).toBe(true);

    const history = await api(stack.gatewayB, 'GET', `/api/v1/chat/sessions/${session.id}/messages`, { token: agent.token });
    const sentWithFile = (history.body.data as ChatMessage[]).find((m) => m.id === ack.data?.message_id);
    expect(sentWithFile?.attachments).toEqual([expect.objectContaining({ id, file_name: 'receipt.pdf' })]);
    // The attachment service links the file to its message from message.created (only messages with files reach its queue).
    await eventually(async () => expect(await stack.db.knex('message_attachments').where({ id }).first('message_id')).toEqual({ message_id: ack.data?.message_id }));

    // A signed link from gateway B works on gateway A without a token.
    const described = await api(stack.gatewayB, 'GET', `/api/v1/chat/attachments/${id}`, { token: agent.token });
    const viaLink = await download(`${stack.gatewayA}${described.body.data.download_url}`);
    expect(viaLink.status).toBe(200);
    expect(viaLink.headers.get('content-disposition')).toBe('attachment; filename=receipt.pdf');
    expect(viaLink.headers.get('x-content-type-options')).toBe('nosniff');

    // The file belongs to that chat now: it can not be sent again elsewhere.
    const other = await openSession(stack.gatewayA, customer);
    const again = await request(customerSocket, 'send_message', { session_id: other.id, content: 'again', attachment_ids: [id] });
    expect(again.error?.code).toBe('FAILED_PRECONDITION');
  });

  it('refuses a spoofed file (400) and one over 10 MB (413), sending nothing', async () => {
    const session = await openSession(stack.gatewayA, customer);
    const url = `${stack.gatewayA}/api/v1/chat/sessions/${session.id}/messages`;
    const exe = { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(500)]) };
    expect(await post(url, customer.token, form([exe], { content: 'look' }))).toEqual({ status: 400, body: { success: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/does not match its \.jpg extension/) } } });
    const huge = { name: 'huge.jpg', type: 'image/jpeg', bytes: Buffer.concat([photo.bytes, Buffer.alloc(10 * 1024 * 1024)]) };
    expect(await post(url, customer.token, form([huge], { content: 'look' }))).toEqual({ status: 413, body: { success: false, error: { code: 'RESOURCE_EXHAUSTED', message: 'huge.jpg is larger than the 10 MB limit' } } });
    const history = await api(stack.gatewayB, 'GET', `/api/v1/chat/sessions/${session.id}/messages`, { token: agent.token });
    expect(history.body.data).toEqual([]);
  });
});
