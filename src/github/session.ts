import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { CoreServices } from '../core/coreServices';
import { Disposable } from '../core/lifecycle';
import type { GitHubSession } from './gitHubSession';
import { type GitHubEndpoint, endpointFor, hostOf } from './endpoint';
import { GitHubError, isGitHubError } from './errors';
import type { GitHubGateway } from './gateway';
import { loadGitHubClient } from './githubClient';
import { OctokitGateway } from './octokitGateway';
import { checkToken, type TokenProblem } from './tokenFormat';
import viewerDocument from './viewer.graphql';

type Base = Omit<CoreServices, 'prompts'>;

/**
 * Scopes asked of VS Code's GitHub sign-in. `repo` is the one scope that lets Team Support read and
 * write Discussions, pull requests and reviews of private repositories (GitHub has no narrower
 * classic scope for Discussions); logins, names and avatars need no scope. We do not ask for
 * `read:org` or `read:user`: nothing reads organization membership or private profile data.
 */
export const GITHUB_SCOPES: readonly string[] = ['repo'];

export type SignInSource = 'provider' | 'token' | 'environment';

interface Active {
  readonly source: SignInSource;
  readonly endpoint: GitHubEndpoint;
  readonly gateway: OctokitGateway;
  /** For `provider`: the session's id, to notice when it is removed. */
  readonly providerSessionId?: string;
}

const viewerSchema = z.object({ viewer: z.object({ login: z.string() }) });

export class AccountSession extends Disposable implements GitHubSession {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private active: Active | undefined;
  /** Bumped by each sign-in/out so a slower, older restore cannot overwrite a newer state. */
  private generation = 0;
  /** Settles once the first restore (stored token, env var, silent provider session) is done. */
  readonly ready: Promise<void>;

  constructor(private readonly base: Base) {
    super();
    void base.contextKeys.set('teamSupport.signedIn', false);
    this.ready = this.restore();
    this._register(
      base.settings.onDidChange((affects) => {
        if (affects('github.apiUrl')) void this.restore();
      }),
    );
    this._register(
      vscode.authentication.onDidChangeSessions((e) => {
        const provider = this.providerId();
        if (provider === undefined || e.provider.id !== provider) return;
        if (this.active === undefined || this.active.source === 'provider') void this.restore();
      }),
    );
  }

  get endpoint(): GitHubEndpoint {
    return endpointFor(this.base.settings.get('github.apiUrl'));
  }

  get webUrl(): string {
    return (this.active?.endpoint ?? this.endpoint).webUrl;
  }

  get gateway(): GitHubGateway | undefined {
    return this.active?.gateway;
  }

  get login(): string | undefined {
    return this.active?.gateway.login;
  }

  get source(): SignInSource | undefined {
    return this.active?.source;
  }

  /** The authentication provider for the configured API URL, if VS Code has one for it. */
  providerId(): 'github' | 'github-enterprise' | undefined {
    const endpoint = this.endpoint;
    if (endpoint.kind === 'dotcom') return 'github';
    if (endpoint.kind === 'loopback') return undefined;
    const enterpriseUri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
    const enterpriseHost = enterpriseUri ? hostOf(enterpriseUri) : undefined;
    return enterpriseHost !== undefined && enterpriseHost === hostOf(endpoint.webUrl) ? 'github-enterprise' : undefined;
  }

  async ensureSignedIn(): Promise<GitHubGateway | undefined> {
    await this.ready;
    if (this.active) return this.active.gateway;
    const signIn = vscode.l10n.t('Sign In to GitHub');
    const withToken = vscode.l10n.t('Sign In with a Token');
    const actions = this.providerId() !== undefined ? [signIn, withToken] : [withToken];
    const picked = await vscode.window.showInformationMessage(vscode.l10n.t('Sign in to GitHub to use Team Support.'), ...actions);
    if (picked === signIn) await vscode.commands.executeCommand('teamSupport.signIn');
    else if (picked === withToken) await vscode.commands.executeCommand('teamSupport.signInWithToken');
    return this.gateway;
  }

  /**
   * Checks `token`'s form (no control characters, see tokenFormat.ts), validates it with GitHub
   * (`viewer { login }`, plus a classic token's scopes) and stores it for this API URL. Only the
   * sign-in box (and tests, through the test-mode exports) call this: never a command argument.
   */
  async signInWithToken(token: string, signal?: AbortSignal): Promise<string> {
    const checked = checkToken(token);
    if (!checked.ok) throw new GitHubError('badCredentials', tokenProblemMessage(checked.problem), checked.problem === 'empty' ? { reason: 'emptyToken' } : {});
    const trimmed = checked.token;
    const endpoint = this.endpoint;
    const generation = ++this.generation;
    const gateway = this.createGateway(endpoint, trimmed, undefined);
    const login = await this.validate(gateway, signal);
    await this.base.extension.secrets.store(secretKey(endpoint), trimmed);
    await this.rememberLogin(endpoint, login);
    await this.base.extension.globalState.update(signedOutKey(endpoint), undefined);
    if (generation === this.generation) this.activate({ source: 'token', endpoint, gateway });
    this.base.log.info(`Signed in to ${endpoint.apiUrl} as ${login} with a stored token.`);
    return login;
  }

  /** Signs in through VS Code's GitHub account (asks the user; `forceNew` re-grants scopes). */
  async signInWithProvider(options: { forceNew?: boolean } = {}): Promise<string | undefined> {
    const providerId = this.providerId();
    if (providerId === undefined) {
      throw new GitHubError('notSignedIn', `VS Code has no GitHub sign-in for ${this.endpoint.apiUrl}.`, { reason: 'noProvider', apiUrl: this.endpoint.apiUrl });
    }
    const generation = ++this.generation;
    const scopes = [...GITHUB_SCOPES];
    const session = options.forceNew
      ? await vscode.authentication.getSession(providerId, scopes, {
          forceNewSession: { detail: vscode.l10n.t('Team Support needs access to the repository (scope: repo).') },
        })
      : await vscode.authentication.getSession(providerId, scopes, { createIfNone: true });
    await this.base.extension.globalState.update(signedOutKey(this.endpoint), undefined);
    if (generation !== this.generation) return this.login;
    this.useProviderSession(session);
    return session.account.label;
  }

  /** Forgets the stored token for this API URL and stops using the VS Code GitHub session. */
  async signOut(): Promise<void> {
    ++this.generation;
    await this.base.extension.secrets.delete(secretKey(this.endpoint));
    // Remembered so neither the VS Code GitHub session nor TEAM_SUPPORT_TOKEN signs in again silently.
    await this.base.extension.globalState.update(signedOutKey(this.endpoint), true);
    this.activate(undefined);
    this.base.log.info('Signed out of GitHub.');
  }

  /** Re-reads where the token comes from: stored token, then TEAM_SUPPORT_TOKEN, then a silent provider session. */
  async restore(): Promise<void> {
    const generation = ++this.generation;
    const endpoint = this.endpoint;
    try {
      const stored = await this.base.extension.secrets.get(secretKey(endpoint));
      if (generation !== this.generation) return;
      if (stored) {
        this.activate({ source: 'token', endpoint, gateway: this.createGateway(endpoint, stored, this.knownLogin(endpoint)) });
        this.confirmLogin(generation);
        return;
      }
      if (this.base.extension.globalState.get<boolean>(signedOutKey(endpoint)) === true) {
        this.activate(undefined);
        return;
      }
      const fromEnv = environmentToken(this.base.log);
      if (fromEnv) {
        this.activate({ source: 'environment', endpoint, gateway: this.createGateway(endpoint, fromEnv, this.knownLogin(endpoint)) });
        this.confirmLogin(generation);
        return;
      }
      const providerId = this.providerId();
      // Silent: never prompts at activation; undefined when the user has not granted these scopes yet.
      const session = providerId ? await vscode.authentication.getSession(providerId, [...GITHUB_SCOPES], { silent: true }) : undefined;
      if (generation !== this.generation) return;
      if (session) this.useProviderSession(session);
      else this.activate(undefined);
    } catch (e) {
      this.base.log.warn(`Could not restore the GitHub sign-in: ${e instanceof Error ? e.message : String(e)}`);
      if (generation === this.generation) this.activate(undefined);
    }
  }

  private useProviderSession(session: vscode.AuthenticationSession): void {
    const endpoint = this.endpoint;
    this.activate({
      source: 'provider',
      endpoint,
      gateway: this.createGateway(endpoint, session.accessToken, session.account.label),
      providerSessionId: session.id,
    });
  }

  /** Learns (or re-checks) the login in the background; a rejected token signs out. Offline keeps the session. */
  private confirmLogin(generation: number): void {
    const active = this.active;
    if (!active) return;
    void this.validate(active.gateway, undefined, false).then(
      (login) => {
        if (generation !== this.generation || this.active !== active) return;
        void this.rememberLogin(active.endpoint, login);
        if (active.gateway.login !== login) {
          active.gateway.login = login;
          this.changed.fire();
        }
      },
      (e: unknown) => {
        if (generation !== this.generation || this.active !== active) return;
        if (isGitHubError(e, 'badCredentials')) {
          this.base.log.warn('The stored GitHub token was rejected; signing out.');
          if (active.source === 'token') void this.base.extension.secrets.delete(secretKey(active.endpoint));
          this.activate(undefined);
        }
      },
    );
  }

  private async validate(gateway: OctokitGateway, signal: AbortSignal | undefined, checkScopes = true): Promise<string> {
    const { viewer } = await gateway.query({ document: viewerDocument, schema: viewerSchema, ...(signal ? { signal } : {}) });
    gateway.login = viewer.login;
    if (checkScopes) {
      // Classic tokens report their scopes; fine-grained tokens and GitHub Apps do not (then GitHub answers per call).
      const scopes = await gateway.rest('GET /user', signal).then(
        (r) => r.headers['x-oauth-scopes'],
        () => undefined,
      );
      if (typeof scopes === 'string') {
        const granted = scopes.split(',').map((s) => s.trim());
        if (!granted.includes('repo') && !granted.includes('public_repo')) {
          throw new GitHubError('missingScope', vscode.l10n.t("This token lacks the 'repo' scope Team Support needs for Discussions and pull requests."), {
            scopes: ['repo'],
            url: `${this.endpoint.webUrl}/settings/tokens`,
          });
        }
      }
    }
    return viewer.login;
  }

  private createGateway(endpoint: GitHubEndpoint, token: string, login: string | undefined): OctokitGateway {
    // Before the first request: whatever fails from here on is logged without it.
    this.base.log.hideSecret(token);
    const gateway: OctokitGateway = new OctokitGateway({
      client: loadGitHubClient(this.base.extension),
      apiUrl: endpoint.apiUrl,
      webUrl: endpoint.webUrl,
      token,
      log: this.base.log,
      ...(login ? { login } : {}),
      onBadCredentials: () => this.rejected(gateway),
    });
    return gateway;
  }

  /**
   * GitHub answered 401 to the signed-in account: sign out (the views show their sign-in welcome,
   * `teamSupport.signedIn` turns false) instead of failing every call. A stored token is forgotten;
   * the failed call's error, shown by the presenter, offers Sign In.
   */
  private rejected(gateway: OctokitGateway): void {
    const active = this.active;
    if (active?.gateway !== gateway) return; // a token being checked, or one already replaced
    ++this.generation;
    this.base.log.warn('GitHub rejected the token (401); signing out.');
    if (active.source === 'token') void this.base.extension.secrets.delete(secretKey(active.endpoint));
    this.activate(undefined);
  }

  private activate(next: Active | undefined): void {
    const before = this.active;
    this.active = next;
    void this.base.contextKeys.set('teamSupport.signedIn', next !== undefined);
    if (before !== next) this.changed.fire();
  }

  private knownLogin(endpoint: GitHubEndpoint): string | undefined {
    return this.base.extension.globalState.get<string>(loginKey(endpoint));
  }

  private async rememberLogin(endpoint: GitHubEndpoint, login: string): Promise<void> {
    await this.base.extension.globalState.update(loginKey(endpoint), login);
  }
}

/** TEAM_SUPPORT_TOKEN when it is set and well-formed; a malformed one is ignored and said so (never quoted). */
function environmentToken(log: CoreServices['log']): string | undefined {
  const raw = process.env['TEAM_SUPPORT_TOKEN'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const checked = checkToken(raw);
  if (checked.ok) return checked.token;
  log.hideSecret(raw);
  log.warn(`TEAM_SUPPORT_TOKEN is ignored: ${tokenProblemMessage(checked.problem)}`);
  return undefined;
}

/** What is wrong with a token's form, in words that never quote it. */
export function tokenProblemMessage(problem: TokenProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('The token is empty. Paste a GitHub token.');
    case 'controlCharacters':
      return vscode.l10n.t('The token contains a line break or another control character. Paste the token alone, on one line.');
    case 'characters':
      return vscode.l10n.t('The token contains spaces or characters a GitHub token never has. Paste the token alone.');
    case 'tooShort':
      return vscode.l10n.t('The token is too short to be a GitHub token. Paste the whole token.');
    case 'tooLong':
      return vscode.l10n.t('The token is too long to be a GitHub token. Paste the token alone.');
  }
}

function secretKey(endpoint: GitHubEndpoint): string {
  return `teamSupport.token:${endpoint.apiUrl}`;
}

function signedOutKey(endpoint: GitHubEndpoint): string {
  return `teamSupport.signedOut:${endpoint.apiUrl}`;
}

function loginKey(endpoint: GitHubEndpoint): string {
  return `teamSupport.login:${endpoint.apiUrl}`;
}

export function createGitHubSession(base: Base): AccountSession {
  return new AccountSession(base);
}
