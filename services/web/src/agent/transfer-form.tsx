import { useEffect, useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import { apiRequest, reasonOf } from '../api';
import { Alert, onSubmit } from '../ui';

interface OnlineAgent {
  user_id: string;
  role: string;
  name: string;
}

/** How often the form asks again who is online while nobody else is. */
const RECHECK_MS = 2000;

/** Hands the chat to another agent who is online now. */
export function TransferForm({ chat, token, sessionId, myId, done }: { chat: ParleyClient; token: string; sessionId: string; myId: string; done: () => void }) {
  const [agents, setAgents] = useState<OnlineAgent[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // While nobody else is online the form asks again: an agent who has just signed in appears
    // once their connection is registered, a moment after their page shows.
    let open = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      apiRequest<OnlineAgent[]>(token, 'GET', '/api/v1/chat/agents/online').then(
        (online) => {
          if (!open) return;
          const others = online.filter((a) => a.user_id !== myId && a.role === 'support');
          setAgents(others);
          setChosen((current) => (others.some((a) => a.user_id === current) ? current : (others[0]?.user_id ?? '')));
          if (others.length === 0) timer = setTimeout(ask, RECHECK_MS);
        },
        (error) => open && setProblem(reasonOf(error)),
      );
    void ask();
    return () => {
      open = false;
      clearTimeout(timer);
    };
  }, [token, myId]);

  const submit = async () => {
    const agent = agents?.find((a) => a.user_id === chosen);
    if (!agent) return;
    try {
      await chat.transferChat(sessionId, { agent_id: agent.user_id, agent_name: agent.name });
      done();
    } catch (error) {
      setProblem(reasonOf(error));
    }
  };

  return (
    <form
      class="transfer"
      onSubmit={onSubmit(submit)}
    >
      <Alert message={problem} />
      {agents && agents.length === 0 && <p>No other agent is online yet.</p>}
      {agents && agents.length > 0 && (
        <>
          <label>
            Transfer to
            <select value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
              {agents.map((a) => (
                <option key={a.user_id} value={a.user_id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Transfer</button>
        </>
      )}
      <button type="button" class="secondary" onClick={done}>
        Cancel
      </button>
    </form>
  );
}
