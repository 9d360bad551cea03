import type { RunningSandbox } from './server';

// Plain-fetch helpers for tests that talk to the sandbox like a GitHub client would.

export interface GqlResponse {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[]; message?: string; documentation_url?: string };
}

export async function gql(sb: Pick<RunningSandbox, 'url'>, query: string, variables: Record<string, unknown> = {}, token = 'sandbox-token-mona'): Promise<GqlResponse> {
  const res = await fetch(`${sb.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] };
}

export async function rest(sb: Pick<RunningSandbox, 'url'>, path: string, token = 'sandbox-token-mona'): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.url}${path}`, { headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json' } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
