import * as vscode from 'vscode';
import type { TeamSnapshotStore } from './teamSnapshotStore';
import { formatTime, gitHubErrorMessage } from '../github/showGitHubError';
import { staleDataMessage } from '../github/staleDataMessage';

/**
 * The line the Blocked and Today views show above their items (`TreeView.message`) for the store's
 * state: why data is missing or stale, and since when what is shown was loaded. undefined when all
 * is well. Signed-out and no-repository states are left to the views' welcome content.
 */
export function snapshotMessage(store: Pick<TeamSnapshotStore, 'error' | 'stale' | 'snapshot' | 'updatedAt'>): string | undefined {
  const { error, stale, snapshot, updatedAt } = store;
  const loadedAt = stale && snapshot !== undefined ? updatedAt : undefined;
  if (!error || error.kind === 'notSignedIn' || error.kind === 'aborted') {
    return loadedAt !== undefined ? vscode.l10n.t('Showing what was loaded at {0}; refreshing…', formatTime(loadedAt)) : undefined;
  }
  // The store's background refresh waits for a rate limit's reset (RefreshScheduler's notBefore): the views can promise it.
  const message =
    error.kind === 'rateLimited' && error.details.resetAt !== undefined
      ? vscode.l10n.t("GitHub's rate limit is used up until {0}. Team Support refreshes then.", formatTime(error.details.resetAt))
      : gitHubErrorMessage(error);
  return loadedAt !== undefined ? staleDataMessage(error, loadedAt, message) : message;
}
