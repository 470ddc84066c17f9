import type { ChatMessage, ChatSession, ChatSessionView, UploadedAttachment } from '@parley/contracts';
import { ParleyError } from './parley-error';

export interface OpenSessionInput {
  subject: string;
  category?: string;
  priority?: 'low' | 'medium' | 'high' | 'urgent';
  restaurant_id?: string;
  ticket_id?: string;
  initial_message?: string;
}

/** The REST half of the API (`/api/v1/chat`), with the caller's current token. */
export class RestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  openSession(input: OpenSessionInput): Promise<ChatSessionView> {
    return this.call('POST', '/sessions', input);
  }

  listSessions(query: { status?: string; assigned?: 'me'; limit?: number; offset?: number } = {}): Promise<ChatSessionView[]> {
    return this.call('GET', `/sessions${toQuery(query)}`);
  }

  getSession(sessionId: string): Promise<ChatSessionView> {
    return this.call('GET', `/sessions/${encodeURIComponent(sessionId)}`);
  }

  history(sessionId: string, query: { limit?: number; offset?: number; after_seq?: number } = {}): Promise<ChatMessage[]> {
    return this.call('GET', `/sessions/${encodeURIComponent(sessionId)}/messages${toQuery(query)}`);
  }

  updateStatus(sessionId: string, status: ChatSession['status']): Promise<ChatSession> {
    return this.call('PATCH', `/sessions/${encodeURIComponent(sessionId)}/status`, { status });
  }

  assign(sessionId: string, agent?: { agent_id: string; agent_name: string }): Promise<ChatSession> {
    return this.call('POST', `/sessions/${encodeURIComponent(sessionId)}/assign`, agent ?? {});
  }

  /** Pre-uploads files (up to 5, 10 MB each by default); send them with `send(…, { attachmentIds })`. */
  upload(files: Array<{ name: string; data: Blob }>): Promise<UploadedAttachment[]> {
    const form = new FormData();
    for (const file of files) form.append('attachments', file.data, file.name);
    return this.call('POST', '/upload', form);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}/api/v1/chat${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => null)) as { success?: boolean; data?: T; error?: { code: string; message: string } } | null;
    if (!response.ok || !answer?.success) {
      throw new ParleyError(answer?.error?.code ?? 'UNAVAILABLE', answer?.error?.message ?? `HTTP ${response.status}`);
    }
    return answer.data as T;
  }
}

function toQuery(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined) as [string, string | number][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}` : '';
}
