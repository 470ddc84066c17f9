import { useEffect, useState } from 'preact/hooks';
import type { ChatStore } from './chat-store';

/** Re-renders the component whenever the store changes. */
export function useStore(store: ChatStore): void {
  const [, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
}
