import * as vscode from 'vscode';
import type { AccountContext } from '../ctx';
import { GitHubError, isGitHubError } from './errors';
import { type AccountSession, tokenProblemMessage } from './session';
import { type GitHubErrorPresenter, gitHubErrorMessage } from './showGitHubError';
import { checkToken } from './tokenFormat';

/** What `teamSupport.signInWithToken` resolves to (for programmatic callers such as tests). */
export type SignInResult = { readonly ok: true; readonly login: string } | { readonly ok: false; readonly kind: string; readonly message: string } | undefined;

export interface AccountFeature {
  readonly session: AccountSession;
  /** Fires when the sign-in box opens (tests close it again). */
  readonly onDidShowTokenPrompt: vscode.Event<void>;
  /**
   * Test mode only (reached through the test-mode exports): what accepting `token` in the
   * sign-in box does, without the box. No command takes a token.
   */
  signInWithToken(token: string): Promise<SignInResult>;
}

/** `session` is the account behind `ctx.session`: this feature signs it in and out. */
export function registerAccount(ctx: AccountContext, session: AccountSession): AccountFeature {
  const d = ctx.disposables;
  const promptShown = d.add(new vscode.EventEmitter<void>());

  const commands = [
    vscode.commands.registerCommand('teamSupport.signIn', async (options?: { forceNew?: boolean }): Promise<SignInResult> => {
      if (session.providerId() === undefined) {
        // No VS Code sign-in for this server (the sandbox, or an Enterprise host VS Code isn't set up for).
        return (await vscode.commands.executeCommand<SignInResult>('teamSupport.signInWithToken')) ?? undefined;
      }
      try {
        const login = await session.signInWithProvider({ forceNew: options?.forceNew === true });
        return login ? { ok: true, login } : undefined;
      } catch (e) {
        return failed(ctx.errors, e);
      }
    }),
    // Arguments are ignored on purpose: a token is taken only from this box (or TEAM_SUPPORT_TOKEN),
    // so no other extension, link or keybinding can sign the user in to an account of its choosing.
    vscode.commands.registerCommand('teamSupport.signInWithToken', (): Promise<SignInResult> => promptForToken(session, () => promptShown.fire())),
    vscode.commands.registerCommand('teamSupport.signOut', async () => {
      await session.signOut();
    }),
    vscode.commands.registerCommand('teamSupport.refresh', async () => {
      if (!session.gateway) await session.restore();
      // Re-read the team config too (a change made outside VS Code's watchers), then the sidebar.
      await ctx.team.reload();
      await ctx.teamSnapshot.refresh();
    }),
    vscode.commands.registerCommand('teamSupport.showLog', () => ctx.log.show()),
  ];
  for (const c of commands) d.add(c);
  return {
    session,
    onDidShowTokenPrompt: promptShown.event,
    signInWithToken: async (token) => {
      // The box's own check first (its message says what is wrong with the token's form).
      const checked = checkToken(token);
      if (!checked.ok) return { ok: false, kind: 'invalidToken', message: tokenProblemMessage(checked.problem) };
      try {
        return { ok: true, login: await session.signInWithToken(checked.token) };
      } catch (e) {
        return failed(ctx.errors, e, false);
      }
    },
  };
}

async function promptForToken(session: AccountSession, shown: () => void): Promise<SignInResult> {
  const endpoint = session.endpoint;
  const input = vscode.window.createInputBox();
  input.title = vscode.l10n.t('Sign In with a Token');
  input.password = true;
  input.ignoreFocusOut = true;
  input.placeholder = vscode.l10n.t('A GitHub personal access token with the repo scope');
  input.prompt = vscode.l10n.t('Token for {0}. It is kept in VS Code\'s secret storage.', endpoint.apiUrl);
  input.buttons = [{ iconPath: new vscode.ThemeIcon('link-external'), tooltip: vscode.l10n.t('Create a token on GitHub') }];
  return new Promise<SignInResult>((resolve) => {
    let done = false;
    const finish = (result: SignInResult) => {
      if (done) return;
      done = true;
      input.dispose();
      resolve(result);
    };
    input.onDidTriggerButton(() => {
      void vscode.env.openExternal(vscode.Uri.parse(`${endpoint.webUrl}/settings/tokens/new?scopes=repo&description=Team%20Support`));
    });
    input.onDidChangeValue(() => {
      input.validationMessage = undefined;
    });
    input.onDidAccept(async () => {
      const value = input.value;
      const checked = checkToken(value);
      if (!checked.ok) {
        input.validationMessage = tokenProblemMessage(checked.problem);
        return;
      }
      input.busy = true;
      input.enabled = false;
      try {
        const login = await session.signInWithToken(value);
        void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to GitHub as {0}.', login));
        finish({ ok: true, login });
      } catch (e) {
        // Keep the box open so the user can fix the token; say what was wrong in it.
        input.busy = false;
        input.enabled = true;
        input.validationMessage = isGitHubError(e) ? gitHubErrorMessage(e) : vscode.l10n.t('The token could not be checked.');
      }
    });
    input.onDidHide(() => finish(undefined));
    input.show();
    shown();
  });
}

function failed(errors: GitHubErrorPresenter, e: unknown, show = true): SignInResult {
  const error = isGitHubError(e) ? e : new GitHubError('notSignedIn', e instanceof Error ? e.message : String(e));
  if (show) void errors.show(error);
  return { ok: false, kind: error.kind, message: gitHubErrorMessage(error) };
}
