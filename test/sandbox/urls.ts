import type { DiscussionRecord, PullRequestRecord, RepositoryRecord } from './model';
import type { Store } from './store';

// html URLs in GitHub's layout, rooted at the sandbox (which serves a small page for each) so
// "Open on GitHub" works offline.

export const repoUrl = (base: string, r: RepositoryRecord): string => `${base}/${r.owner}/${r.name}`;
export const userUrl = (base: string, login: string): string => `${base}/${login}`;
export const avatarUrl = (base: string, login: string): string => `${base}/avatars/${encodeURIComponent(login)}.png`;

export function discussionUrl(base: string, store: Store, d: DiscussionRecord): string {
  const repo = store.repositoryById(d.repositoryId);
  return repo ? `${repoUrl(base, repo)}/discussions/${d.number}` : base;
}

export function pullRequestUrl(base: string, store: Store, p: PullRequestRecord): string {
  const repo = store.repositoryById(p.repositoryId);
  return repo ? `${repoUrl(base, repo)}/pull/${p.number}` : base;
}
