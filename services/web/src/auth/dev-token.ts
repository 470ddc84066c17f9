/**
 * The gateway's development token minter (`/api/v1/dev/token`). It answers only while the gateway
 * runs with the public development secret (`npm start`); anywhere else it refuses and the app
 * offers only the token field. The page the gateway serves says which (a `parley-dev-sign-in`
 * meta tag), so the app asks nothing; only a page served by Vite's dev server, which has no such
 * tag, asks the gateway.
 */
export async function devTokensAvailable(): Promise<boolean> {
  const said = document.querySelector('meta[name="parley-dev-sign-in"]')?.getAttribute('content');
  if (said) return said === 'on';
  try {
    const response = await fetch('/api/v1/dev/token');
    return response.ok;
  } catch {
    return false;
  }
}

export async function mintDevToken(role: string, name: string): Promise<string> {
  const response = await fetch('/api/v1/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, name }),
  });
  const answer = (await response.json().catch(() => null)) as { data?: { token: string }; error?: { message: string } } | null;
  if (!response.ok || !answer?.data) throw new Error(answer?.error?.message ?? `The gateway answered ${response.status}`);
  return answer.data.token;
}
