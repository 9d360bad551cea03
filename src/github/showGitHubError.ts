import * as vscode from 'vscode';
import { GitHubError, isGitHubError } from './errors';

/**
 * How every feature shows a GitHub failure: one notification, the message in plain words, and the
 * one action that fixes it ("Sign In", "Authorize SSO", "Create Category", "Retry"). Never a stack
 * trace; details are in the log ("Show Log"). The same message is not stacked while it is open.
 */
export interface ShowGitHubErrorOptions {
  /** Offered as "Retry" for transient failures (offline, server error, rate limit). */
  readonly retry?: () => unknown;
  /** Prefix naming what failed, e.g. "Could not post the blocker." */
  readonly context?: string;
}

const open = new Set<string>();

/** The message for `error`, localized, with the reset time in the user's clock for rate limits. */
export function gitHubErrorMessage(error: GitHubError): string {
  switch (error.kind) {
    case 'notSignedIn':
      return vscode.l10n.t('Sign in to GitHub to use Team Support.');
    case 'badCredentials':
      return vscode.l10n.t('GitHub did not accept your token (it may have expired or been revoked). Sign in again.');
    case 'missingScope':
      return vscode.l10n.t(
        'Your GitHub sign-in lacks the {0} scope. Sign in again and grant it.',
        (error.details.scopes ?? ['repo']).map((s) => `'${s}'`).join(', '),
      );
    case 'ssoRequired':
      return vscode.l10n.t('This organization uses SAML single sign-on. Authorize your GitHub sign-in for it, then refresh.');
    case 'rateLimited':
      return error.details.resetAt !== undefined
        ? vscode.l10n.t("GitHub's rate limit is used up until {0}. Team Support will try again then.", formatTime(error.details.resetAt))
        : vscode.l10n.t("GitHub's rate limit is used up. Try again in a few minutes.");
    case 'offline':
      return error.message;
    case 'aborted':
      return vscode.l10n.t('Cancelled.');
    default:
      return error.message;
  }
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

interface Action {
  readonly title: string;
  run(): unknown;
}

function actionsFor(error: GitHubError, options: ShowGitHubErrorOptions): Action[] {
  const url = error.details.url;
  const openUrl = (title: string): Action[] => (url ? [{ title, run: () => vscode.env.openExternal(vscode.Uri.parse(url)) }] : []);
  const retry: Action[] = options.retry ? [{ title: vscode.l10n.t('Retry'), run: options.retry }] : [];
  const showLog: Action = { title: vscode.l10n.t('Show Log'), run: () => vscode.commands.executeCommand('teamSupport.showLog') };
  switch (error.kind) {
    case 'notSignedIn':
    case 'badCredentials':
      return [
        { title: vscode.l10n.t('Sign In'), run: () => vscode.commands.executeCommand('teamSupport.signIn') },
        { title: vscode.l10n.t('Sign In with a Token'), run: () => vscode.commands.executeCommand('teamSupport.signInWithToken') },
      ];
    case 'missingScope':
      return [{ title: vscode.l10n.t('Sign In Again'), run: () => vscode.commands.executeCommand('teamSupport.signIn', { forceNew: true }) }];
    case 'ssoRequired':
      return openUrl(vscode.l10n.t('Authorize SSO'));
    case 'categoryMissing':
      return openUrl(vscode.l10n.t('Create Category'));
    case 'discussionsDisabled':
      return openUrl(vscode.l10n.t('Open Repository Settings'));
    case 'offline':
    case 'rateLimited':
      return retry;
    case 'serverError':
    case 'invalidResponse':
    case 'rejected':
    case 'notFound':
      return [...retry, showLog];
    case 'aborted':
      return [];
  }
}

/** Shows `error` (any thrown value; non-GitHub errors become a generic message) once, with its action. */
export async function showGitHubError(error: unknown, options: ShowGitHubErrorOptions = {}): Promise<void> {
  const gh = isGitHubError(error) ? error : new GitHubError('serverError', vscode.l10n.t('Something went wrong. The log has the details.'));
  if (gh.kind === 'aborted') return;
  const text = options.context ? `${options.context} ${gitHubErrorMessage(gh)}` : gitHubErrorMessage(gh);
  if (open.has(text)) return;
  open.add(text);
  try {
    const actions = actionsFor(gh, options);
    const severe = gh.kind === 'serverError' || gh.kind === 'invalidResponse';
    const show = severe ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    const picked = await show(text, ...actions.map((a) => a.title));
    await actions.find((a) => a.title === picked)?.run();
  } finally {
    open.delete(text);
  }
}
