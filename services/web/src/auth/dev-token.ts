/**
 * The gateway's development token minter (`/api/v1/dev/token`). It answers only while the gateway
 * runs with the public development secret (`npm start`); anywhere else it refuses and the app
 * offers only the token field.
 */
export async function devTokensAvailable(): Promise<boolean> {
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
