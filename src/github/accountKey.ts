import type { GitHubSession } from './gitHubSession';

/**
 * Who local data belongs to: one GitHub account on one GitHub instance. Drafts and the pairing
 * state are kept per account, so signing in as someone else never shows, posts or co-authors
 * with another account's data.
 */
export function accountKey(webUrl: string, login: string): string {
  return `${webUrl.replace(/\/+$/, '').toLowerCase()}|${login.toLowerCase()}`;
}

/** The signed-in account's key; undefined while signed out (or while the login is not known yet). */
export function currentAccountKey(session: Pick<GitHubSession, 'login' | 'webUrl'>): string | undefined {
  return session.login === undefined ? undefined : accountKey(session.webUrl, session.login);
}
