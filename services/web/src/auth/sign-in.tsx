import { useEffect, useState } from 'preact/hooks';
import { reasonOf } from '../api';
import { devTokensAvailable, mintDevToken } from './dev-token';
import { AREA_ROLES, readToken, type Area } from './token';
import { Alert, onSubmit } from '../ui';

interface SignInProps {
  area: Area;
  /** Why the last sign-in failed, if it did. */
  problem: string | null;
  onToken: (token: string) => void;
}

/** Sign in with the platform's token; under `npm start` also by picking a role and a name. */
export function SignIn({ area, problem, onToken }: SignInProps) {
  const roles = AREA_ROLES[area];
  const [dev, setDev] = useState(false);
  const [role, setRole] = useState(roles[0]);
  const [name, setName] = useState(area === 'agent' ? 'Ana' : 'Cleo');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(problem);

  useEffect(() => void devTokensAvailable().then(setDev), []);

  const signInWith = (token: string) => {
    try {
      const me = readToken(token);
      if (!roles.includes(me.role)) throw new Error(`This token is for a ${me.role}; the ${area === 'agent' ? 'agent console' : 'customer widget'} needs ${roles.join(' or ')}`);
      onToken(token.trim());
    } catch (failure) {
      setError(reasonOf(failure));
    }
  };

  return (
    <section class="card sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in to the {area === 'agent' ? 'agent console' : 'support chat'}</h2>
      <Alert message={error} />
      {dev && (
        <form
          class="stack"
          aria-label="Development sign-in"
          onSubmit={onSubmit(() => {
            setError(null);
            return mintDevToken(role, name).then(signInWith, (failure) => setError(reasonOf(failure)));
          })}
        >
          <p class="muted">Development mode: the gateway mints a token for whoever you pick.</p>
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.currentTarget.value)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            Name
            <input value={name} required maxLength={100} onInput={(event) => setName(event.currentTarget.value)} />
          </label>
          <button type="submit">Sign in as {name || '…'}</button>
        </form>
      )}
      <form
        class="stack"
        aria-label="Sign in with a token"
        onSubmit={onSubmit(() => {
          setError(null);
          signInWith(pasted);
        })}
      >
        <label>
          Token (a JWT from your platform, or <code>npm run token</code>)
          <textarea rows={3} value={pasted} required onInput={(event) => setPasted(event.currentTarget.value)} />
        </label>
        <button type="submit" class={dev ? 'secondary' : ''}>
          Sign in with this token
        </button>
      </form>
    </section>
  );
}
