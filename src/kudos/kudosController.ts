import { isBlockedCategoryName } from '../team/blockedCategoryName';
import * as vscode from 'vscode';
import type { KudosContext } from '../ctx';
import { Disposable } from '../core/lifecycle';
import { asGitHubError, isGitHubError } from '../github/errors';
import { staleDataMessage } from '../github/staleDataMessage';
import type { HostMessage, KudosViewModel, WindowDays } from '../protocol/kudosProtocol';
import { compactClockFor, WALL_CLOCK } from '../team/compactClock';
import { type TeamScope, teamScopeOf } from '../team/teamScope';
import { configRepository } from '../team-config/teamConfigState';
import { aggregateKudos, DAY_MS } from './aggregate';
import { fetchKudosData, type FetchedKudos } from './kudosData';
import { CONFIG_DEFAULTS } from '../team/configDefaults';

/**
 * Owns the Kudos panel's data: which window is shown, the last fetch, the view model. Fetches
 * only while someone looks (a webview is open, a command or a test asks), aborts a fetch the
 * user has moved on from, and re-aggregates without fetching when the data already covers it.
 */

export type KudosStatus = Extract<HostMessage, { type: 'status' }> | { type: 'loading'; windowDays: WindowDays };

interface Cached {
  readonly repo: string;
  readonly since: number;
  readonly fetchedAt: number;
  readonly data: FetchedKudos;
}

/** Data younger than this is re-used when the user switches to a window it covers. */
const REUSE_MS = 2 * 60 * 1000;

export class KudosController extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<HostMessage>());
  /** Every model, loading and status change, as the message the webviews receive. */
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidChangeModel = this._register(new vscode.EventEmitter<KudosViewModel>());
  readonly onDidChangeModel = this._onDidChangeModel.event;

  private _windowDays: WindowDays = 7;
  /** The last model built, with whose data (repository scope) and when it was loaded: a failed refresh keeps showing it. */
  private shown: { readonly model: KudosViewModel; readonly repo: string; readonly fetchedAt: number } | undefined;
  private _last: HostMessage | undefined;
  private cached: Cached | undefined;
  private inflight: { controller: AbortController; promise: Promise<KudosViewModel | undefined> } | undefined;
  private loaded = false;

  constructor(private readonly ctx: KudosContext) {
    super();
    const saved = ctx.extension.globalState.get<number>('teamSupport.kudos.windowDays');
    if (saved === 7 || saved === 30 || saved === 90) this._windowDays = saved;
    void ctx.loaded.then(() => {
      this.loaded = true;
    });
    // What the panel shows depends on who is signed in, which repository and which team.
    const invalidate = (): void => {
      this.cached = undefined;
      if (this._last !== undefined) void this.refresh();
    };
    this._register(
      ctx.session.onDidChange(() => {
        // Another account's figures are never shown in place of this one's, not even as stale.
        this.shown = undefined;
        invalidate();
      }),
    );
    this._register(ctx.repositories.onDidChange(invalidate));
    this._register(ctx.team.onDidChange(invalidate));
  }

  get windowDays(): WindowDays {
    return this._windowDays;
  }

  get model(): KudosViewModel | undefined {
    return this.shown?.model;
  }

  /** The last message the webviews got (a new webview starts from it). */
  get last(): HostMessage | undefined {
    return this._last;
  }

  async setWindow(days: WindowDays): Promise<KudosViewModel | undefined> {
    if (days === this._windowDays && (this.shown?.model.windowDays === days || this.inflight)) {
      return this.inflight ? this.inflight.promise : this.shown?.model;
    }
    this._windowDays = days;
    await this.ctx.extension.globalState.update('teamSupport.kudos.windowDays', days);
    return this.refresh();
  }

  /** The fetched data no longer counts as fresh: the next refresh fetches (the user just changed something). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Fetches (unless fresh data covers the window) and publishes the model. */
  refresh(options: { force?: boolean } = {}): Promise<KudosViewModel | undefined> {
    if (options.force) this.cached = undefined;
    this.inflight?.controller.abort();
    const controller = new AbortController();
    const promise = this.load(controller.signal).finally(() => {
      if (this.inflight?.controller === controller) this.inflight = undefined;
    });
    this.inflight = { controller, promise };
    return promise;
  }

  private publish(message: HostMessage): void {
    this._last = message;
    this._onDidChange.fire(message);
    if (message.type === 'model') this._onDidChangeModel.fire(message.model);
  }

  private async load(signal: AbortSignal): Promise<KudosViewModel | undefined> {
    const days = this._windowDays;
    if (!this.loaded) {
      // Not "sign in" or "no repository" while the sign-in and the repository are still being looked up.
      this.publish({ type: 'loading', windowDays: days });
      await this.ctx.loaded;
      if (signal.aborted) return undefined;
    }
    const repository = this.ctx.repositories.current;
    if (!repository) {
      this.publish({ type: 'status', kind: 'noRepository', message: vscode.l10n.t('Open a folder with a GitHub repository to see kudos and team health.') });
      return undefined;
    }
    const gateway = this.ctx.session.gateway;
    if (!gateway) {
      this.publish({ type: 'status', kind: 'signedOut', message: vscode.l10n.t('Sign in to GitHub to see the reviews you received and send kudos.') });
      return undefined;
    }
    const now = this.ctx.clock.now();
    const since = now - 2 * days * DAY_MS;
    const team = this.ctx.team.state;
    const config = team.kind === 'ok' ? team.config : undefined;
    const scope = this.scopeFor(repository.ref);
    const repoKey = `${scope.home.owner}/${scope.home.name}|${scope.qualifiers}`.toLowerCase();
    const categoryName = config?.blocked.category ?? CONFIG_DEFAULTS.blockedCategory;
    const categoryId = this.blockedCategoryId(categoryName);

    let data: FetchedKudos;
    let fetchedAt = now;
    const cached = this.cached;
    if (cached && cached.repo === repoKey && cached.since <= since && now - cached.fetchedAt < REUSE_MS && now >= cached.fetchedAt) {
      data = cached.data;
      fetchedAt = cached.fetchedAt;
    } else {
      this.publish({ type: 'loading', windowDays: days });
      try {
        data = await fetchKudosData({ gateway, repo: scope.home, qualifiers: scope.qualifiers, since, categoryId, signal, log: this.ctx.log });
      } catch (e) {
        if (signal.aborted || isGitHubError(e, 'aborted')) return undefined;
        this.ctx.log.warn(`Kudos: could not load the panel's data (${isGitHubError(e) ? e.kind : e instanceof Error ? e.name : 'error'}).`);
        // The panel says it in place (Sign In or Try Again); the presenter's notification carries the
        // kind's own fix (Sign In, Authorize SSO, Retry). Same words as the sidebar's: shown once.
        const signIn = isGitHubError(e, 'notSignedIn') || isGitHubError(e, 'badCredentials') || isGitHubError(e, 'missingScope');
        const shown = this.shown;
        if (!signIn && shown?.repo === repoKey) {
          // As the sidebar does: what was shown stays, with why it is not newer and since when.
          const stale = staleDataMessage(asGitHubError(e), shown.fetchedAt);
          this.publish({ type: 'model', model: { ...shown.model, notices: [stale, ...shown.model.notices] } });
        } else {
          this.publish({ type: 'status', kind: signIn ? 'signedOut' : 'error', message: this.ctx.errors.message(e) });
        }
        void this.ctx.errors.show(e, { retry: () => this.refresh({ force: true }) });
        return undefined;
      }
      if (signal.aborted) return undefined;
      this.cached = { repo: repoKey, since, fetchedAt: now, data };
    }

    const notices: string[] = [];
    if (!config) notices.push(vscode.l10n.t('No valid team config (.github/team-support.yml): the balance lists everyone seen in the window.'));
    if (data.truncated) notices.push(vscode.l10n.t('This window holds more than GitHub returns at once; the numbers cover the most recent part.'));
    const clock = config ? compactClockFor(config) : WALL_CLOCK;
    if (clock.workingTime) {
      notices.push(vscode.l10n.t('Time to first reply and time to resolve count working time: the hours in which a teammate other than the asker was working (the team compact’s clock).'));
    }
    const started = performance.now();
    const model = aggregateKudos({
      data,
      me: data.viewer,
      members: config?.members ?? [],
      now,
      windowDays: days,
      repo: scopeLabel(data.nameWithOwner, scope),
      blockedCategory: categoryName,
      notices,
      clock,
    });
    this.ctx.log.debug(`Kudos: aggregated ${data.pullRequests.length} pull requests and ${data.discussions.length} discussions in ${(performance.now() - started).toFixed(1)} ms.`);
    this.shown = { model, repo: repoKey, fetchedAt };
    this.publish({ type: 'model', model });
    return model;
  }

  /** Data covering `since` (fetched now; used by the stand-up note). */
  async fetchSince(since: number, signal?: AbortSignal): Promise<FetchedKudos | undefined> {
    const repository = this.ctx.repositories.current;
    const gateway = await this.ctx.session.ensureSignedIn();
    if (!repository || !gateway) return undefined;
    const team = this.ctx.team.state;
    const categoryId = this.blockedCategoryId(team.kind === 'ok' ? team.config.blocked.category : CONFIG_DEFAULTS.blockedCategory);
    const scope = this.scopeFor(repository.ref);
    return fetchKudosData({ gateway, repo: scope.home, qualifiers: scope.qualifiers, since, categoryId, signal, log: this.ctx.log });
  }

  /** The sidebar's #Blocked category id when it is the one the config names (saves a lookup). */
  private blockedCategoryId(configured: string): string | undefined {
    const category = this.ctx.teamSnapshot.category;
    return category && isBlockedCategoryName(category.name, configured) ? category.id : undefined;
  }

  /** The team's repositories and home, as the sidebar reads them (the open repository's when there is no config). */
  private scopeFor(open: { readonly owner: string; readonly name: string }): TeamScope {
    const team = this.ctx.team.state;
    return teamScopeOf(team.kind === 'ok' ? team.config : undefined, configRepository(team) ?? open);
  }

  override dispose(): void {
    this.inflight?.controller.abort();
    super.dispose();
  }
}

/** What the figures cover, as the panel's header says it: the home alone, or with the team's other repositories. */
function scopeLabel(home: string, scope: TeamScope): string {
  if (scope.organization !== undefined) return vscode.l10n.t('{0} and the {1} organization', home, scope.organization);
  const others = scope.repositories.filter((r) => `${r.owner}/${r.name}`.toLowerCase() !== home.toLowerCase()).length;
  if (others === 0) return home;
  return others === 1 ? vscode.l10n.t('{0} and 1 more repository', home) : vscode.l10n.t('{0} and {1} more repositories', home, others);
}
