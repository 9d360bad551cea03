import type { RepositoryRecord, UserRecord } from './model';
import type { Snapshot } from './rateLimit';
import type { Store } from './store';
import { avatarUrl, repoUrl, userUrl } from './urls';

// The REST endpoints the extension uses, in api.github.com's shapes: GET /user, /users/{login},
// /repos/{owner}/{repo}, /rate_limit.

export interface RestResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const DOCS = 'https://docs.github.com/rest';

export const notFound = (doc = DOCS): RestResult => ({ status: 404, body: { message: 'Not Found', documentation_url: doc, status: '404' } });

function simpleUser(base: string, u: UserRecord): Record<string, unknown> {
  return {
    login: u.login,
    id: u.databaseId,
    node_id: u.id,
    avatar_url: avatarUrl(base, u.login),
    gravatar_id: '',
    url: `${base}/users/${u.login}`,
    html_url: userUrl(base, u.login),
    type: u.__typename,
    site_admin: false,
  };
}

function fullUser(base: string, u: UserRecord): Record<string, unknown> {
  return { ...simpleUser(base, u), name: u.name, company: null, blog: '', location: null, email: null, bio: null, public_repos: 1, followers: 0, following: 0, created_at: u.createdAt, updated_at: u.createdAt };
}

function repository(base: string, store: Store, r: RepositoryRecord, viewer: string): Record<string, unknown> {
  const owner = store.account(r.owner);
  const push = r.collaborators.includes(viewer);
  return {
    id: r.databaseId,
    node_id: r.id,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    private: r.isPrivate,
    visibility: r.isPrivate ? 'private' : 'public',
    owner: owner ? simpleUser(base, owner) : null,
    html_url: repoUrl(base, r),
    description: r.description,
    fork: false,
    url: `${base}/repos/${r.owner}/${r.name}`,
    default_branch: r.defaultBranch,
    has_issues: true,
    has_discussions: r.hasDiscussionsEnabled,
    archived: false,
    disabled: false,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    pushed_at: r.createdAt,
    permissions: { admin: false, maintain: false, push, triage: push, pull: true },
  };
}

export function handleRest(
  method: string,
  path: string,
  ctx: { store: Store; base: string; login: string; graphql: Snapshot; core: Snapshot },
): RestResult {
  if (method !== 'GET') return notFound();
  const { store, base, login } = ctx;
  if (path === '/user') {
    const u = store.user(login);
    return u ? { status: 200, body: fullUser(base, u) } : notFound();
  }
  const user = /^\/users\/([^/]+)$/.exec(path);
  if (user) {
    const u = store.account(decodeURIComponent(user[1] ?? ''));
    return u ? { status: 200, body: fullUser(base, u) } : notFound('https://docs.github.com/rest/users/users#get-a-user');
  }
  const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path);
  if (repo) {
    const r = store.repository(decodeURIComponent(repo[1] ?? ''), decodeURIComponent(repo[2] ?? ''));
    return r ? { status: 200, body: repository(base, store, r, login) } : notFound('https://docs.github.com/rest/repos/repos#get-a-repository');
  }
  if (path === '/rate_limit') {
    const rate = (s: Snapshot): Record<string, number> => ({ limit: s.limit, used: s.used, remaining: s.remaining, reset: s.reset });
    const search = { limit: 30, used: 0, remaining: 30, reset: ctx.core.reset };
    return { status: 200, body: { resources: { core: rate(ctx.core), graphql: rate(ctx.graphql), search }, rate: rate(ctx.core) } };
  }
  return notFound();
}
