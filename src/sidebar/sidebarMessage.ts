import * as vscode from 'vscode';
import type { SidebarStore } from '../core/services';
import { formatTime, gitHubErrorMessage } from '../github/showGitHubError';

/**
 * The line a sidebar view shows above its items (`TreeView.message`) for the store's state: why
 * data is missing or stale, in plain words. undefined when all is well. Signed-out and
 * no-repository states are left to the views' welcome content (context keys), so they return undefined.
 */
export function sidebarMessage(store: SidebarStore & { readonly updatedAt?: number | undefined }): string | undefined {
  const error = store.error;
  if (!error || error.kind === 'notSignedIn' || error.kind === 'aborted') return undefined;
  const since = store.stale && store.updatedAt !== undefined ? formatTime(store.updatedAt) : undefined;
  if (error.kind === 'offline') {
    return since
      ? vscode.l10n.t('Offline: showing what was loaded at {0}.', since)
      : gitHubErrorMessage(error);
  }
  const message = gitHubErrorMessage(error);
  return since ? vscode.l10n.t('{0} Showing what was loaded at {1}.', message, since) : message;
}
