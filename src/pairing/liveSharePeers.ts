/** Who a Live Share peer is on the team (pure, unit-tested). */

export interface LiveSharePeer {
  readonly userName: string | undefined;
  readonly emailAddress: string | undefined;
}

/**
 * The team member a Live Share peer is, when Live Share tells: its user name is the GitHub
 * login for GitHub sign-ins, and a GitHub noreply address names the login too.
 */
export function peerLogin(peers: readonly LiveSharePeer[], members: readonly string[]): string | undefined {
  const byLower = new Map(members.map((m) => [m.toLowerCase(), m]));
  for (const peer of peers) {
    const name = peer.userName?.toLowerCase();
    if (name && byLower.has(name)) return byLower.get(name);
    const noreply = /^(?:\d+\+)?([a-z0-9-]+)@users\.noreply\.github\.com$/i.exec(peer.emailAddress ?? '');
    const login = noreply?.[1]?.toLowerCase();
    if (login && byLower.has(login)) return byLower.get(login);
  }
  return undefined;
}
