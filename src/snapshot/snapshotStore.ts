import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { CoreServices } from '../core/coreServices';
import type { GitHubSession } from '../github/gitHubSession';
import type { GitHubErrorPresenter } from '../github/showGitHubError';
import type { RepositoryService } from '../repository/workspaceRepository';
import { configRepository, type TeamConfigService } from '../team-config/teamConfigState';
import { Disposable } from '../core/lifecycle';
import type { BlockedCategory, PartnerResolver, TeamSnapshotStore } from './teamSnapshotStore';
import { toGitHubError } from '../github/errorMapping';
import { GitHubError } from '../github/errors';
import type { RepoRef } from '../github/gateway';
import type { TeamConfig } from '../team/configSchema';
import { teamScopeOf } from '../team/teamScope';
import { findBlockedCategory } from './blockedCategory';
import { RefreshScheduler } from './refreshScheduler';
import teamSnapshotDocument from './teamSnapshot.graphql';
import { teamSnapshotVariables } from './snapshotVariables';
import { type TeamSnapshot, teamSnapshotSchema } from './snapshotSchema';
import { CONFIG_DEFAULTS } from '../team/configDefaults';

type Deps = Omit<CoreServices, 'prompts'> & {
  readonly session: GitHubSession;
  readonly repositories: RepositoryService;
  readonly team: TeamConfigService;
  readonly errors: GitHubErrorPresenter;
};

// The key predates the name "team snapshot"; kept so an update still finds the cached data.
const CACHE_KEY = 'teamSupport.sidebar.lastSnapshot';
const cacheSchema = z.object({ key: z.string(), savedAt: z.number(), snapshot: teamSnapshotSchema });

/** Errors that get one notification with their fix when they first appear (the rest show in the views). */
const NOTIFY: ReadonlySet<string> = new Set(['badCredentials', 'missingScope', 'ssoRequired', 'categoryMissing', 'discussionsDisabled', 'invalidResponse']);

/**
 * The team snapshot: ONE `teamSnapshot.graphql` request per refresh (plus a one-off category lookup per
 * repository), refreshed on a schedule and after the user's own actions, cached for the next window.
 * Every feature reads it (on failure the previous snapshot stays, marked stale).
 */
export class TeamSnapshotStoreImpl extends Disposable implements TeamSnapshotStore {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly refreshedOnRequest = this._register(new vscode.EventEmitter<void>());
  readonly onDidRefreshOnRequest = this.refreshedOnRequest.event;
  snapshot: TeamSnapshot | undefined;
  error: GitHubError | undefined;
  stale = false;
  category: BlockedCategory | undefined;
  partnerLogin: string | undefined;
  checkerLogin: string | undefined;
  /** When the snapshot was fetched (ms since epoch). */
  updatedAt: number | undefined;

  private snapshotKey: string | undefined;
  private readonly categories = new Map<string, BlockedCategory>();
  private partnerResolver: PartnerResolver | undefined;
  private lastGateway: object | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private readonly scheduler: RefreshScheduler;

  constructor(private readonly deps: Deps) {
    super();
    this.scheduler = new RefreshScheduler({
      clock: deps.clock,
      timers: {
        setTimeout: (callback, ms) => {
          const handle = setTimeout(callback, ms);
          return { cancel: () => clearTimeout(handle) };
        },
      },
      intervalMs: () => deps.settings.get('blocked.refreshIntervalSeconds') * 1000,
      refresh: () => this.refreshCoalesced(),
      focused: vscode.window.state.focused,
      // "Team Support refreshes then" (snapshotMessage): the views' rate-limit message is kept true here.
      notBefore: () => (this.error?.kind === 'rateLimited' ? this.error.details.resetAt : undefined),
    });
    this._register({ dispose: () => this.scheduler.dispose() });
    this._register({ dispose: () => this.abort.abort() });
    this._register(vscode.window.onDidChangeWindowState((s) => this.scheduler.setFocused(s.focused)));
    const soon = () => void this.scheduler.now();
    this._register(deps.session.onDidChange(soon));
    // Branch and HEAD changes don't change what the sidebar shows: only a different repository does.
    let repoKey = '';
    this._register(
      deps.repositories.onDidChange(() => {
        const ref = deps.repositories.current?.ref;
        const key = ref ? `${ref.owner}/${ref.name}` : '';
        if (key !== repoKey) {
          repoKey = key;
          soon();
        }
      }),
    );
    this._register(deps.team.onDidChange(soon));
    this._register(
      deps.settings.onDidChange((affects) => {
        if (affects('blocked.refreshIntervalSeconds')) this.scheduler.reschedule();
      }),
    );
    void this.scheduler.start();
  }

  get nextRefreshAt(): number {
    return this.scheduler.dueAt();
  }

  /** The cross-check feature plugs in who the partner and checker are (see `PartnerResolver`). */
  setPartnerResolver(resolver: PartnerResolver | undefined): void {
    this.partnerResolver = resolver;
    void this.scheduler.now();
  }

  async refresh(): Promise<void> {
    await this.refreshCoalesced();
    this.refreshedOnRequest.fire();
  }

  private refreshCoalesced(): Promise<void> {
    if (!this.running) {
      this.running = this.load().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    // One more refresh after the running one, shared by every caller in the meantime.
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.refreshCoalesced();
    });
    return this.queued;
  }

  private async load(): Promise<void> {
    const { session, repositories, team, log } = this.deps;
    const gateway = session.gateway;
    const repo = repositories.current;
    try {
      if (!gateway) {
        this.clear();
        this.error = new GitHubError('notSignedIn', vscode.l10n.t('Sign in to GitHub to see your team.'));
        return;
      }
      if (!repo) {
        this.clear();
        return;
      }
      // A pointer's team is the home's: fetching before its config is read would ask the wrong repository.
      await team.settled();
      if (gateway !== this.lastGateway) {
        // Another account (or token) may see other categories: look them up again.
        this.categories.clear();
        this.lastGateway = gateway;
      }
      const config = team.state.kind === 'ok' ? team.state.config : undefined;
      // The team's repositories and its home (#Blocked): whichever of them is open shows the same team.
      // A pointer whose home can't be read still names the home: never the pointing repository's #Blocked.
      const scope = teamScopeOf(config, configRepository(team.state) ?? repo.ref);
      const home = scope.home;
      // Whose data for which team: another account never sees this one's snapshot, even cached.
      const key = `${session.webUrl}|${home.owner}/${home.name}|${scope.qualifiers}|${(gateway.login ?? session.login ?? '').toLowerCase()}`;
      if (this.snapshotKey !== key) {
        this.clear();
        this.snapshotKey = key;
        this.restoreCached(key);
      }
      const categoryName = config?.blocked.category ?? CONFIG_DEFAULTS.blockedCategory;
      const signal = this.abort.signal;
      const category = await this.categoryFor(home, categoryName, signal);
      let viewer = gateway.login ?? session.login;
      let pair = this.pairFor(config, viewer);
      let data = await gateway.query({ document: teamSnapshotDocument, variables: teamSnapshotVariables(scope, category.id, viewer, pair), schema: teamSnapshotSchema, signal });
      if (viewer === undefined && this.partnerResolver && config) {
        // First start with an unknown login: now that GitHub said who we are, fetch with the partner.
        viewer = data.viewer.login;
        pair = this.pairFor(config, viewer);
        if (pair.partner || pair.checker) {
          data = await gateway.query({ document: teamSnapshotDocument, variables: teamSnapshotVariables(scope, category.id, viewer, pair), schema: teamSnapshotSchema, signal });
        }
      }
      if (data.repository === null) {
        throw new GitHubError('notFound', `GitHub has no repository ${home.owner}/${home.name} that your account can see.`, { repo: `${home.owner}/${home.name}` });
      }
      if (!data.repository.hasDiscussionsEnabled) {
        throw new GitHubError(
          'discussionsDisabled',
          `Discussions are turned off for ${home.owner}/${home.name}. A maintainer can turn them on in the repository settings (Features → Discussions).`,
          { url: `${data.repository.url}/settings`, repo: `${home.owner}/${home.name}` },
        );
      }
      if (this.snapshotKey !== key) return; // The repository or account changed meanwhile; the queued refresh loads that.
      this.category = category;
      this.snapshot = data;
      this.partnerLogin = pair.partner;
      this.checkerLogin = pair.checker;
      this.updatedAt = this.deps.clock.now();
      this.stale = false;
      this.error = undefined;
      void this.deps.extension.workspaceState.update(CACHE_KEY, { key, savedAt: this.updatedAt, snapshot: data });
    } catch (e) {
      const error = toGitHubError(e, { mutation: false, callerAborted: this.abort.signal.aborted, webUrl: session.webUrl, hasToken: true });
      if (error.kind === 'aborted') return;
      if (repo && (error.kind === 'categoryMissing' || error.kind === 'discussionsDisabled' || error.kind === 'notFound')) {
        // The category may have been deleted or renamed: look it up again next time.
        this.categories.clear();
        if (error.kind !== 'notFound') this.category = undefined;
      }
      const previous = this.error;
      this.error = error;
      this.stale = this.snapshot !== undefined;
      log.warn(`Sidebar refresh failed: ${error.kind}: ${error.message}`);
      if (NOTIFY.has(error.kind) && (previous?.kind !== error.kind || previous.message !== error.message)) {
        void this.deps.errors.show(error, { retry: () => this.refresh() });
      }
    } finally {
      this.changed.fire();
    }
  }

  private pairFor(config: TeamConfig | undefined, viewer: string | undefined): { partner?: string | undefined; checker?: string | undefined } {
    if (!config || !viewer || !this.partnerResolver) return {};
    try {
      const pair = this.partnerResolver(config, new Date(this.deps.clock.now()), viewer);
      return { partner: pair.partner || undefined, checker: pair.checker || undefined };
    } catch (e) {
      this.deps.log.warn(`Could not work out the cross-check partner: ${e instanceof Error ? e.message : String(e)}`);
      return {};
    }
  }

  private async categoryFor(repo: RepoRef, name: string, signal: AbortSignal): Promise<BlockedCategory> {
    const key = `${repo.owner}/${repo.name}#${name.toLowerCase()}`;
    const cached = this.categories.get(key);
    if (cached) return cached;
    const gateway = this.deps.session.gateway;
    if (!gateway) throw new GitHubError('notSignedIn', vscode.l10n.t('Sign in to GitHub to see your team.'));
    const category = await findBlockedCategory(gateway, repo, name, signal);
    this.categories.set(key, category);
    this.category = category;
    return category;
  }

  /** Shows the last snapshot saved for this repository (e.g. a window opened offline), marked stale. */
  private restoreCached(key: string): void {
    const parsed = z.safeParse(cacheSchema, this.deps.extension.workspaceState.get(CACHE_KEY));
    if (!parsed.success || parsed.data.key !== key) return;
    this.snapshot = parsed.data.snapshot;
    this.updatedAt = parsed.data.savedAt;
    this.stale = true;
  }

  private clear(): void {
    this.snapshot = undefined;
    this.snapshotKey = undefined;
    this.updatedAt = undefined;
    this.partnerLogin = undefined;
    this.checkerLogin = undefined;
    this.category = undefined;
    this.stale = false;
    this.error = undefined;
  }
}

export function createTeamSnapshotStore(deps: Deps): TeamSnapshotStoreImpl {
  return new TeamSnapshotStoreImpl(deps);
}
