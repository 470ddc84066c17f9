import { useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import type { ChatSession, SearchMatch, SessionSearchResult, SessionStatus } from '@parley/contracts';
import { reasonOf } from '../api';
import { Alert, onSubmit } from '../ui';

const PAGE = 20;
const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

/** A snippet as text, the words found marked (never as HTML). */
function Highlighted({ text, highlights }: { text: string; highlights: Array<[number, number]> }) {
  const parts: Array<string | { mark: string }> = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at) continue;
    parts.push(text.slice(at, start), { mark: text.slice(start, end) });
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts.map((part, i) => (typeof part === 'string' ? part : <mark key={i}>{part.mark}</mark>))}</>;
}

/** Search over every chat's messages; a match opens its chat at that message. */
export function SearchPanel({ chat, open }: { chat: ParleyClient; open: (session: ChatSession, seq: number) => void }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<SessionStatus | ''>('');
  const [found, setFound] = useState<{ results: SessionSearchResult[]; has_more: boolean; asked: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (offset = 0) => {
    setProblem(null);
    try {
      const page = await chat.rest.search({ q, ...(status ? { status } : {}), limit: PAGE, offset });
      setFound({ results: offset === 0 ? page.results : [...(found?.results ?? []), ...page.results], has_more: page.has_more, asked: q });
    } catch (error) {
      setProblem(reasonOf(error));
    }
  };

  return (
    <section class="search" aria-label="Message search">
      <form class="search-form" role="search" onSubmit={onSubmit(() => run())}>
        <label>
          Search messages
          <input type="search" value={q} maxLength={200} placeholder="Words in any order, or their start" onInput={(event) => setQ(event.currentTarget.value)} />
        </label>
        <label>
          Chats
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as SessionStatus | '')}>
            <option value="">all</option>
            <option value="waiting">waiting</option>
            <option value="active">active</option>
            <option value="resolved">resolved</option>
            <option value="closed">closed</option>
          </select>
        </label>
        <button type="submit" disabled={!q.trim()}>
          Search
        </button>
      </form>
      <Alert message={problem} />
      {found && found.results.length === 0 && <p class="muted">Nothing found for “{found.asked}”.</p>}
      <ol class="results">
        {found?.results.map(({ session, match_count, matches }) => (
          <li key={session.id} class="result">
            <div>
              <strong>{session.subject}</strong> <span class="muted">
                {session.customer_name} · {session.status} · {match_count} {match_count === 1 ? 'match' : 'matches'}
              </span>
            </div>
            <ul class="matches">
              {matches.map((match: SearchMatch) => (
                <li key={match.message_id}>
                  <button type="button" class="match" onClick={() => open(session, match.seq)} aria-label={`Open ${session.subject} at ${match.sender_name}'s message: ${match.snippet}`}>
                    <span class="muted">
                      {match.sender_name}
                      {match.message_type === 'note' ? ' (note)' : ''} · {when(match.created_at)}
                    </span>
                    <span class="snippet">
                      <Highlighted text={match.snippet} highlights={match.highlights} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {found?.has_more && (
        <button type="button" class="secondary" onClick={() => run(found.results.length)}>
          More results
        </button>
      )}
    </section>
  );
}
