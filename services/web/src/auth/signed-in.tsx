import { useEffect, useState } from 'preact/hooks';
import type { VNode } from 'preact';
import { ParleyClient, type ParleyError } from '@parley/client';
import { reasonOf } from '../api';
import { SignIn } from './sign-in';
import { forgetToken, readToken, storedToken, storeToken, type Area, type Me } from './token';

export interface Signed {
  chat: ParleyClient;
  me: Me;
  token: string;
}

type Connection = { state: 'signed-out'; problem: string | null } | { state: 'connecting' } | { state: 'online'; signed: Signed };

/** Signs in, connects one ParleyClient for this tab, and renders `children` once it is online. */
export function SignedIn({ area, children }: { area: Area; children: (signed: Signed, signOut: () => void) => VNode }) {
  const [token, setToken] = useState<string | null>(() => storedToken(area));
  const [connection, setConnection] = useState<Connection>({ state: 'signed-out', problem: null });
  const [online, setOnline] = useState(true);

  useEffect(() => {
    if (!token) return;
    let me: Me;
    try {
      me = readToken(token);
    } catch (error) {
      forgetToken(area);
      setConnection({ state: 'signed-out', problem: reasonOf(error) });
      setToken(null);
      return;
    }
    const chat = new ParleyClient({ url: window.location.origin, token });
    setConnection({ state: 'connecting' });
    const signedOut = (problem: string) => {
      chat.disconnect();
      forgetToken(area);
      setConnection({ state: 'signed-out', problem });
      setToken(null);
    };
    chat.on('connection', (state) => {
      // The gateway closes a socket whose token expired; a new sign-in is needed.
      if (state === 'disconnected' && me.exp * 1000 <= Date.now()) signedOut('Your sign-in has expired: sign in again.');
      else setOnline(state !== 'disconnected');
    });
    chat.connect().then(
      () => {
        storeToken(area, token);
        setConnection({ state: 'online', signed: { chat, me, token } });
      },
      (error: ParleyError) =>
        signedOut(error.code === 'UNAUTHENTICATED' ? `The gateway refused the token: ${error.message}` : `Could not reach the gateway: ${reasonOf(error)}`),
    );
    return () => chat.disconnect();
  }, [area, token]);

  const signOut = () => {
    forgetToken(area);
    setConnection({ state: 'signed-out', problem: null });
    setToken(null);
  };

  if (connection.state === 'online') {
    return (
      <>
        {!online && (
          <p role="status" class="banner">
            Reconnecting… messages you send now go out once the connection is back.
          </p>
        )}
        {children(connection.signed, signOut)}
      </>
    );
  }
  if (connection.state === 'connecting' || token) return <p role="status">Connecting…</p>;
  return <SignIn area={area} problem={connection.problem} onToken={setToken} />;
}
