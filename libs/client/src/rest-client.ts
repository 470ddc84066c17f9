import type {
  CannedResponse,
  ChatMessage,
  ChatSession,
  ChatSessionView,
  LiveFigures,
  ReportSummary,
  SessionRating,
  SessionSearchResult,
  SessionStatus,
  UploadedAttachment,
} from '@parley/contracts';
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

  /** Staff: the team's shared canned responses and the caller's own. */
  listCannedResponses(): Promise<CannedResponse[]> {
    return this.call('GET', '/canned-responses');
  }

  createCannedResponse(input: { shortcut: string; title: string; content: string; shared?: boolean }): Promise<CannedResponse> {
    return this.call('POST', '/canned-responses', input);
  }

  updateCannedResponse(id: string, patch: Partial<Pick<CannedResponse, 'shortcut' | 'title' | 'content' | 'shared'>>): Promise<CannedResponse> {
    return this.call('PATCH', `/canned-responses/${encodeURIComponent(id)}`, patch);
  }

  async deleteCannedResponse(id: string): Promise<void> {
    await this.call('DELETE', `/canned-responses/${encodeURIComponent(id)}`);
  }

  /** The customer rates a resolved or closed chat, once. */
  rateSession(sessionId: string, rating: { score: number; comment?: string }): Promise<SessionRating> {
    return this.call('POST', `/sessions/${encodeURIComponent(sessionId)}/rating`, rating);
  }

  /** Sessions with messages holding every word of `q` (each as a word's start), newest match first. */
  async search(query: { q: string; status?: SessionStatus; limit?: number; offset?: number }): Promise<{ results: SessionSearchResult[]; has_more: boolean }> {
    const answer = await this.request<SessionSearchResult[], { has_more: boolean }>('GET', `/search${toQuery(query)}`);
    return { results: answer.data, has_more: answer.meta?.has_more ?? false };
  }

  /** Admins: the team's figures over a period (default the last day); support: their own. */
  reportSummary(period: { from?: string; to?: string } = {}): Promise<ReportSummary> {
    return this.call('GET', `/reports/summary${toQuery(period)}`);
  }

  /** Staff: the queue now, the agents online and available, and their loads. */
  liveFigures(): Promise<LiveFigures> {
    return this.call('GET', '/reports/live');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.request<T>(method, path, body)).data;
  }

  private async request<T, M = never>(method: string, path: string, body?: unknown): Promise<{ data: T; meta?: M }> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}/api/v1/chat${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => null)) as { success?: boolean; data?: T; meta?: M; error?: { code: string; message: string } } | null;
    if (!response.ok || !answer?.success) {
      throw new ParleyError(answer?.error?.code ?? 'UNAVAILABLE', answer?.error?.message ?? `HTTP ${response.status}`);
    }
    return { data: answer.data as T, meta: answer.meta };
  }
}

function toQuery(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined) as [string, string | number][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}` : '';
}
