import * as vscode from 'vscode';
import type { GitHubError } from './errors';
import { formatTime, gitHubErrorMessage } from './showGitHubError';

/**
 * What a view says when a load failed and it keeps showing what an earlier one brought (loaded at
 * `loadedAt`, ms): the sidebar's views and the Kudos view say it in the same words. `message` is the
 * failure as the view says it (the catalog's by default).
 */
export function staleDataMessage(error: GitHubError, loadedAt: number, message = gitHubErrorMessage(error)): string {
  const since = formatTime(loadedAt);
  if (error.kind === 'offline') return vscode.l10n.t('Offline: showing what was loaded at {0}.', since);
  return vscode.l10n.t('{0} Showing what was loaded at {1}.', message, since);
}
