import { AgentConsole } from './agent/agent-console';
import { SignedIn } from './auth/signed-in';
import type { Area } from './auth/token';
import { CustomerWidget } from './customer/customer-widget';

const areaOf = (path: string): Area | null => (path.startsWith('/agent') ? 'agent' : path.startsWith('/customer') ? 'customer' : null);

/** Three pages: a start page, the customer widget at /customer and the agent console at /agent (the footer is in index.html). */
export function App() {
  const area = areaOf(window.location.pathname);
  return (
    <div class="shell">
      <header class="top">
        <a href="/" class="brand">
          Parley
        </a>
        <nav aria-label="Parts of the app">
          <a href="/customer" aria-current={area === 'customer' ? 'page' : undefined}>
            Customer chat
          </a>
          <a href="/agent" aria-current={area === 'agent' ? 'page' : undefined}>
            Agent console
          </a>
        </nav>
      </header>
      <main>
        {area === 'customer' && <SignedIn area="customer">{(signed, signOut) => <CustomerWidget {...signed} signOut={signOut} />}</SignedIn>}
        {area === 'agent' && <SignedIn area="agent">{(signed, signOut) => <AgentConsole {...signed} signOut={signOut} />}</SignedIn>}
        {area === null && <Start />}
      </main>
    </div>
  );
}

function Start() {
  return (
    <section class="card">
      <h1>Parley support chat</h1>
      <ul class="choices">
        <li>
          <a href="/customer" class="button">
            Open the customer chat
          </a>{' '}
          ask support for help: open a chat, send text and photos.
        </li>
        <li>
          <a href="/agent" class="button">
            Open the agent console
          </a>{' '}
          take chats from the queue and answer them.
        </li>
      </ul>
      <p class="muted">Try both side by side in two tabs: each tab signs in on its own.</p>
    </section>
  );
}
