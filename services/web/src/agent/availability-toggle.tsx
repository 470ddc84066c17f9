import { useState } from 'preact/hooks';
import { apiRequest, reasonOf } from '../api';

type Availability = 'available' | 'away';

/** Available agents get chats; away ones keep theirs but get no new ones. */
export function AvailabilityToggle({ token }: { token: string }) {
  const [status, setStatus] = useState<Availability>('available');
  const [problem, setProblem] = useState<string | null>(null);
  const next: Availability = status === 'available' ? 'away' : 'available';

  const toggle = async () => {
    setProblem(null);
    try {
      const answer = await apiRequest<{ status: Availability }>(token, 'PUT', '/api/v1/chat/agents/me/availability', { status: next });
      setStatus(answer.status);
    } catch (error) {
      setProblem(`Could not change availability: ${reasonOf(error)}`);
    }
  };

  return (
    <span class="availability">
      <button type="button" class={`pill ${status}`} aria-pressed={status === 'available'} onClick={toggle} title={`Click to set yourself ${next}`}>
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
