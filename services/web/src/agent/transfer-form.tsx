import { useEffect, useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import { apiRequest, reasonOf } from '../api';
import { Alert, onSubmit } from '../ui';

interface OnlineAgent {
  user_id: string;
  role: string;
  name: string;
}

/** Hands the chat to another agent who is online now. */
export function TransferForm({ chat, token, sessionId, myId, done }: { chat: ParleyClient; token: string; sessionId: string; myId: string; done: () => void }) {
  const [agents, setAgents] = useState<OnlineAgent[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    apiRequest<OnlineAgent[]>(token, 'GET', '/api/v1/chat/agents/online').then(
      (online) => {
        const others = online.filter((a) => a.user_id !== myId && a.role === 'support');
        setAgents(others);
        setChosen(others[0]?.user_id ?? '');
      },
      (error) => setProblem(reasonOf(error)),
    );
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
      {agents && agents.length === 0 && <p>No other agent is online.</p>}
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
