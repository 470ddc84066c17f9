import { useEffect, useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import type { Availability, OnlineAgent } from '@parley/contracts';
import { apiRequest, reasonOf } from '../api';
import { listen } from '../chat/listen';

/** Available agents get new chats from auto-assignment; away ones keep theirs but get no new ones. */
export function AvailabilityToggle({ chat, token, myId }: { chat: ParleyClient; token: string; myId: string }) {
  const [status, setStatus] = useState<Availability | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // Where I stand now; later changes (from this tab or another) arrive as availability_changed.
    apiRequest<OnlineAgent[]>(token, 'GET', '/api/v1/chat/agents/online').then(
      (online) => setStatus((current) => current ?? online.find((a) => a.user_id === myId)?.availability ?? 'available'),
      () => setStatus((current) => current ?? 'available'),
    );
    const onChanged = ({ agent_id, status: changed }: { agent_id: string; status: Availability }) => agent_id === myId && setStatus(changed);
    return listen(chat, { availability_changed: onChanged });
  }, [chat, token, myId]);

  if (status === null) return null;
  const next: Availability = status === 'available' ? 'away' : 'available';
  const toggle = async () => {
    setProblem(null);
    try {
      setStatus((await chat.setAvailability(next)).status);
    } catch (error) {
      setProblem(`Could not change availability: ${reasonOf(error)}`);
    }
  };

  return (
    <span class="availability">
      <button type="button" class={`pill ${status}`} aria-pressed={status === 'available'} onClick={toggle} title={`Set yourself ${next}`}>
        {status === 'available' ? '● Available' : '○ Away'}
      </button>
      {problem && (
        <span role="alert" class="error">
          {problem}
        </span>
      )}
    </span>
  );
}
