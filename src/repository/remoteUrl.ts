import type { RepoRef } from '../github/gateway';

/**
 * Git remote URL → owner/name, for the hosts of the configured GitHub instance. Pure.
 * Accepts https (`https://github.com/o/n(.git)`), scp-like ssh (`git@github.com:o/n.git`),
 * `ssh://git@host[:port]/o/n`, and `git://host/o/n`.
 */
export interface ParsedRemote extends RepoRef {
  readonly host: string;
}

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

export function parseRemoteUrl(url: string): ParsedRemote | undefined {
  const text = url.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return undefined;
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  } else if (scp?.[1] && scp[2]) {
    host = scp[1];
    path = scp[2];
  } else {
    return undefined;
  }
  const parts = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '').split('/');
  if (parts.length !== 2) return undefined;
  const [owner, name] = parts;
  if (!owner || !name || !SEGMENT.test(owner) || !SEGMENT.test(name)) return undefined;
  return { host: host.toLowerCase(), owner, name };
}

export interface Remote {
  readonly name: string;
  readonly fetchUrl?: string | undefined;
  readonly pushUrl?: string | undefined;
}

/**
 * Picks the team's repository among a clone's remotes. Rule: `upstream` wins over `origin` (in a
 * fork, `upstream` is the team repository and `origin` the personal fork), then any other remote
 * in order; only remotes on one of `hosts` count.
 */
export function pickRepository(remotes: readonly Remote[], hosts: readonly string[]): ParsedRemote | undefined {
  const rank = (r: Remote) => (r.name === 'upstream' ? 0 : r.name === 'origin' ? 1 : 2);
  const sorted = [...remotes].sort((a, b) => rank(a) - rank(b));
  for (const remote of sorted) {
    for (const url of [remote.fetchUrl, remote.pushUrl]) {
      if (!url) continue;
      const parsed = parseRemoteUrl(url);
      if (parsed && hosts.includes(parsed.host)) return parsed;
    }
  }
  return undefined;
}

/** `owner/name` from the `teamSupport.repository` setting, or undefined when empty or malformed. */
export function parseRepositorySetting(value: string): RepoRef | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
  return match?.[1] && match[2] ? { owner: match[1], name: match[2] } : undefined;
}
