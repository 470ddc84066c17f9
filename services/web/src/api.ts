import { ParleyError } from '@parley/client';

/** REST calls the SDK does not wrap (availability, online agents, file downloads), with the caller's token. */
export async function apiRequest<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as { success?: boolean; data?: T; error?: { code: string; message: string } } | null;
  if (!response.ok || !answer?.success) throw new ParleyError(answer?.error?.code ?? 'UNAVAILABLE', answer?.error?.message ?? `HTTP ${response.status}`);
  return answer.data as T;
}

/** A file the caller may read, as a blob: URL (an <img> cannot send the Authorization header). */
export async function fetchFileUrl(token: string, path: string): Promise<string> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new ParleyError(response.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', `The file could not be loaded (HTTP ${response.status})`);
  return URL.createObjectURL(await response.blob());
}

/** The message a person should read for any failure. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
