import type { CannedResponse } from '@parley/contracts';

/** What a canned response's placeholders stand for where it is inserted. */
export interface CannedResponseContext {
  customer_name: string;
  agent_name: string;
}

/** The response's text as it is inserted: `{{customer_name}}` and `{{agent_name}}` filled in (spaces inside the braces allowed). */
export function fillCannedResponse(content: string, context: CannedResponseContext): string {
  return content.replace(/\{\{\s*(customer_name|agent_name)\s*\}\}/g, (_match, name: keyof CannedResponseContext) => context[name]);
}

/**
 * The responses a composer offers for what is typed: when the text is `/` and the start of a
 * shortcut (nothing else yet), those whose shortcut starts with it, then those whose title holds
 * it; nothing otherwise. `null` means the text is not asking for one.
 */
export function cannedResponsesFor(text: string, responses: CannedResponse[]): CannedResponse[] | null {
  const typed = /^\/([\p{L}\p{N}_-]*)$/u.exec(text.trimStart());
  if (!typed) return null;
  const start = typed[1].toLowerCase();
  const byShortcut = responses.filter((r) => r.shortcut.startsWith(start));
  const byTitle = start ? responses.filter((r) => !r.shortcut.startsWith(start) && r.title.toLowerCase().includes(start)) : [];
  return [...byShortcut, ...byTitle];
}
