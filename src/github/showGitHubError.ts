import * as vscode from 'vscode';
import { Disposable } from '../core/lifecycle';
import { asGitHubError, type GitHubError } from './errors';

/**
 * How every feature shows a GitHub failure: one notification, the message from one localized
 * catalog (`gitHubErrorMessage`), and the kind's one fixing action ("Sign In", "Authorize SSO",
 * "Create Category", "Retry"). Never a stack trace; details are in the log ("Show Log"). The same
 * message is not stacked while it is open. One presenter per extension context, owned by it.
 */
export interface ShowGitHubErrorOptions {
  /** Offered as "Retry" for transient failures (offline, server error, rate limit). */
  readonly retry?: () => unknown;
  /** Prefix naming what failed, e.g. "Could not post the blocker." */
  readonly context?: string;
}

/** What was shown (tests and other features listen). */
export interface ShownGitHubError {
  readonly kind: GitHubError['kind'];
  readonly text: string;
  readonly actions: readonly string[];
}

/** The catalog: the user's words for every error kind, localized, with the reset time in the user's clock. */
export function gitHubErrorMessage(error: GitHubError): string {
  const d = error.details;
  switch (error.kind) {
    case 'notSignedIn':
      return d.reason === 'noProvider' && d.apiUrl !== undefined
        ? vscode.l10n.t('VS Code has no GitHub sign-in for {0}. Use "Sign In with a Token" instead.', d.apiUrl)
        : vscode.l10n.t('Sign in to GitHub to use Team Support.');
    case 'badCredentials':
      return d.reason === 'emptyToken'
        ? vscode.l10n.t('The token is empty.')
        : vscode.l10n.t('GitHub did not accept your token (it may have expired or been revoked). Sign in again.');
    case 'missingScope': {
      // GitHub lists the scopes that would each do (`read:org`, `write:org`, `admin:org`): ask for the first.
      const [first = 'repo', ...others] = d.scopes ?? [];
      return others.length === 0
        ? vscode.l10n.t('Your GitHub sign-in lacks the {0} scope. Sign in again and grant it.', `'${first}'`)
        : vscode.l10n.t('Your GitHub sign-in lacks the {0} scope (or {1}). Sign in again and grant it.', `'${first}'`, others.map((s) => `'${s}'`).join(', '));
    }
    case 'ssoRequired':
      return vscode.l10n.t('This organization uses SAML single sign-on. Authorize your GitHub sign-in for it, then refresh.');
    case 'rateLimited':
      return d.resetAt !== undefined
        ? vscode.l10n.t("GitHub's rate limit is used up until {0}. Try again then.", formatTime(d.resetAt))
        : vscode.l10n.t("GitHub's rate limit is used up. Try again in a few minutes.");
    case 'offline':
      switch (d.reason) {
        case 'timeout':
          return vscode.l10n.t('GitHub did not answer in time. Check your connection and try again.');
        case 'unreachable':
          return vscode.l10n.t('Cannot reach GitHub. Check your connection (or the teamSupport.github.apiUrl setting) and try again.');
        default:
          return vscode.l10n.t('The connection to GitHub dropped. Check your connection and try again.');
      }
    case 'notFound':
      if (d.repo !== undefined) return vscode.l10n.t('GitHub has no repository {0} that your account can see. Check the git remote or the teamSupport.repository setting.', d.repo);
      if (d.user !== undefined) return vscode.l10n.t('GitHub has no user @{0}. Check the team config.', d.user);
      if (d.team !== undefined) return vscode.l10n.t('GitHub has no team {0} that your account can see: it may have been renamed or deleted. Fix the name under `members` in the team config.', d.team);
      return d.githubMessage !== undefined
        ? vscode.l10n.t('GitHub could not find it ({0}). Check the repository name and that your account can see it.', d.githubMessage)
        : vscode.l10n.t('GitHub could not find that. Check the repository name and that your account can see it.');
    case 'discussionsDisabled':
      return vscode.l10n.t('Discussions are turned off for {0}. A maintainer can turn them on in the repository settings (Features → Discussions).', d.repo ?? '');
    case 'categoryMissing':
      return vscode.l10n.t(
        '{0} has no Discussions category named "{1}". Create it (format: Question/Answer), or set blocked.category in the team config.',
        d.repo ?? '',
        d.category ?? '',
      );
    case 'serverError':
      return d.status !== undefined
        ? vscode.l10n.t('GitHub had a problem (HTTP {0}). Try again in a moment.', d.status)
        : vscode.l10n.t('Talking to GitHub failed unexpectedly. The log has the details.');
    case 'invalidResponse':
      return vscode.l10n.t('GitHub sent a response Team Support does not understand. The log has the details.');
    case 'rejected':
      return vscode.l10n.t('GitHub rejected the request: {0}', d.githubMessage ?? (d.status !== undefined ? `HTTP ${d.status}` : '?'));
    case 'aborted':
      return vscode.l10n.t('Cancelled.');
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

/** Any thrown value as a GitHub error (anything else becomes the generic "failed unexpectedly"). */
export class GitHubErrorPresenter extends Disposable {
  private readonly open = new Map<string, ShownGitHubError>();
  private readonly shown = this._register(new vscode.EventEmitter<ShownGitHubError>());
  /** Fires as each notification is shown, with its text and action titles. */
  readonly onDidShow = this.shown.event;

  /** The notifications open now (a repeat of one of them is not stacked). */
  get showing(): readonly ShownGitHubError[] {
    return [...this.open.values()];
  }

  /** The catalog's message for `error` (views and webviews show it in place). */
  message(error: unknown): string {
    return gitHubErrorMessage(asGitHubError(error));
  }

  /** Shows `error` once, with its fixing action; resolves when the notification is dismissed or acted on. */
  async show(error: unknown, options: ShowGitHubErrorOptions = {}): Promise<void> {
    const gh = asGitHubError(error);
    if (gh.kind === 'aborted') return;
    const text = options.context ? `${options.context} ${gitHubErrorMessage(gh)}` : gitHubErrorMessage(gh);
    if (this.open.has(text)) return;
    const actions = actionsFor(gh, options);
    const entry: ShownGitHubError = { kind: gh.kind, text, actions: actions.map((a) => a.title) };
    this.open.set(text, entry);
    try {
      const severe = gh.kind === 'serverError' || gh.kind === 'invalidResponse';
      const show = severe ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      const shown = show(text, ...entry.actions);
      this.shown.fire(entry);
      const picked = await shown;
      await actions.find((a) => a.title === picked)?.run();
    } finally {
      this.open.delete(text);
    }
  }
}
