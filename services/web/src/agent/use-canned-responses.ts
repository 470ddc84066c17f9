import { useEffect, useState } from 'preact/hooks';
import type { ParleyClient } from '@parley/client';
import type { CannedResponse } from '@parley/contracts';

/** The agent's canned responses (the team's and their own), loaded once and again on `reload`. */
export function useCannedResponses(chat: ParleyClient): { responses: CannedResponse[]; reload: () => void } {
  const [responses, setResponses] = useState<CannedResponse[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    chat.rest.listCannedResponses().then(setResponses, () => undefined);
  }, [chat, version]);
  return { responses, reload: () => setVersion((v) => v + 1) };
}
