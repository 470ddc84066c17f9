import http from 'node:http';

export interface FilePart {
  name: string;
  type: string;
  bytes: Buffer;
  field?: string;
}

/** A multipart/form-data body as a browser sends it. */
export function formData(files: FilePart[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append(file.field ?? 'attachments', new Blob([file.bytes], { type: file.type }), file.name);
  return form;
}

/** Sends a form with fetch; answers the status and the JSON body. */
export async function postForm(url: string, token: string | undefined, form: FormData): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(url, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Sends a raw body (e.g. a malformed multipart one) with the given content type. */
export async function postRaw(url: string, token: string, contentType: string, body: Buffer | string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });
  return { status: response.status, body: await response.json() };
}

/**
 * Starts a multipart upload of `declaredBytes` bytes but sends only `sentBytes` of them and keeps
 * the request open: resolves with the response if the server answers before the body is complete.
 */
export function answerBeforeBodyEnds(url: string, token: string, sentBytes: number): Promise<{ status: number; body: unknown }> {
  const boundary = 'parley-boundary-1234';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="huge.png"\r\nContent-Type: image/png\r\n\r\n`);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.once('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
      });
    });
    request.write(head);
    for (let sent = 0; sent < sentBytes; sent += 16 * 1024) request.write(Buffer.alloc(Math.min(16 * 1024, sentBytes - sent), 0x41));
    // The body is never finished: only an early answer resolves this.
  });
}
