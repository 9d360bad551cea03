import * as vscode from 'vscode';
import type { CoreServices } from '../core/coreServices';
import type { GitHubSession } from '../github/gitHubSession';
import type { RepositoryService } from '../repository/workspaceRepository';
import type { GitHubErrorPresenter } from '../github/showGitHubError';
import { Disposable } from '../core/lifecycle';
import type { WorkspaceRepository } from '../repository/workspaceRepository';
import type { TeamConfigService, TeamConfigSource, TeamConfigState } from './teamConfigState';
import type { RepoRef } from '../github/gateway';
import type { GitHubError } from '../github/errors';
import { TEAM_CONFIG_PATH } from '../team/configPath';
import { sameRepository, withTeamMembers } from '../team/teamScope';
import { splitRepositoryName, teamReferenceText } from '../team/teamScopeSchema';
import { resolveTeams } from './githubTeams';
import { type HomeConfigProblem, readHomeConfig } from './homeConfig';
import { homeProblemText } from './homeProblemText';
import { loadTeamConfigParser } from './teamConfigParser';

type Deps = Omit<CoreServices, 'prompts'> & { readonly repositories: RepositoryService; readonly session: GitHubSession; readonly errors: GitHubErrorPresenter };

/**
 * Loads `.github/team-support.yml` from the current repository's root and re-reads it when it
 * changes on disk or is saved. A pointer (`home: owner/name`) is followed to the home's file when
 * that repository is open too, else to the home's config on GitHub (re-read on each load and on
 * Refresh; the last known copy when GitHub can't be read). Not read at all in a restricted
 * (untrusted) workspace.
 */
export class TeamConfigServiceImpl extends Disposable implements TeamConfigService {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  state: TeamConfigState = { kind: 'noRepository' };
  teamProblems: TeamConfigService['teamProblems'] = [];
  homeProblem: TeamConfigService['homeProblem'] = undefined;
  /** The home the last load's pointer named (its opening or closing in the workspace changes the team). */
  private pointedHome: RepoRef | undefined;
  private homeOpenAtLoad = false;
  /**
   * What the running load has found so far. It is published together with that load's `state`, so a
   * reader between two loads never sees the new load's cleared problems beside the old load's state.
   */
  private found: LoadFindings = noFindings();
  private loadRunning = false;
  private watcher: vscode.Disposable | undefined;
  private watchedRoot: string | undefined;
  private sequence = 0;
  private loading: Promise<void> = Promise.resolve();

  constructor(private readonly deps: Deps) {
    super();
    void this.setContextKeys();
    this._register({
      dispose: () => {
        this.watcher?.dispose();
      },
    });
    this._register(deps.repositories.onDidChange(() => void this.reload()));
    // A pointer's home opened in (or closed from) the workspace: its file on disk (or GitHub's copy) is the team's now.
    this._register(
      deps.repositories.onDidChangeRepositories(() => {
        const home = this.pointedHome;
        // While a load runs, it may already have looked for the home: read again after it.
        if (this.loadRunning || (home && this.homeOpenAtLoad !== (this.openRepository(home) !== undefined))) void this.reload();
      }),
    );
    // Another account may see other teams (or, newly signed in, any at all).
    this._register(deps.session.onDidChange(() => void this.reload()));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
    this._register(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.configUri()?.toString() === doc.uri.toString()) void this.reload();
      }),
    );
    void this.reload();
  }

  /** Where the config lives for the current repository. */
  configUri(): vscode.Uri | undefined {
    const root = this.deps.repositories.current?.rootUri;
    return root ? vscode.Uri.joinPath(root, TEAM_CONFIG_PATH) : undefined;
  }

  /** Reads the config again; resolves when this read (or a newer one) has set `state`. */
  async reload(): Promise<void> {
    const sequence = ++this.sequence;
    // A failed load must not reject the chain: every later change would be skipped until reload.
    this.loading = this.loading
      .then(() => (sequence === this.sequence ? this.load() : undefined))
      .catch((e: unknown) => this.deps.log.error(`Loading the team config failed: ${e instanceof Error ? e.message : String(e)}`));
    await this.settled();
  }

  async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.loading;
      await current;
    } while (current !== this.loading);
  }

  private async load(): Promise<void> {
    this.loadRunning = true;
    try {
      await this.loadNow();
    } finally {
      this.loadRunning = false;
    }
  }

  private async loadNow(): Promise<void> {
    const problemsOf = () => JSON.stringify([this.teamProblems.map((p) => [p.team, p.error.kind, p.usingLastKnown]), this.homeProblem?.error.kind, this.homeProblem?.usingLastKnown]);
    const problemsBefore = problemsOf();
    this.found = noFindings();
    const uri = this.configUri();
    this.watch(uri);
    let next: TeamConfigState;
    if (!uri) {
      next = { kind: 'noRepository' };
    } else if (!vscode.workspace.isTrusted) {
      next = {
        kind: 'invalid',
        uri,
        problems: [vscode.l10n.t('This workspace is restricted, so Team Support does not read its team config. Trust the workspace to use it.')],
      };
    } else {
      const repository = this.deps.repositories.current;
      next = repository ? await this.read(uri, repository.ref) : { kind: 'noRepository' };
    }
    const before = JSON.stringify(this.state);
    this.state = next;
    this.teamProblems = this.found.teamProblems;
    this.homeProblem = this.found.homeProblem;
    this.pointedHome = this.found.pointedHome;
    this.homeOpenAtLoad = this.found.homeOpen;
    await this.setContextKeys();
    if (JSON.stringify(next) !== before || problemsOf() !== problemsBefore) {
      if (next.kind === 'invalid') this.deps.log.warn(`Team config ${TEAM_CONFIG_PATH} has problems: ${next.problems.join(' | ')}`);
      else this.deps.log.debug(`Team config: ${next.kind}`);
      this.changed.fire();
    }
    // Shown once the state they are about is the published one (what the views and Retry see).
    for (const notice of this.found.notices) void this.deps.errors.show(notice.error, { context: notice.context, retry: () => this.reload() });
  }

  private async read(uri: vscode.Uri, repository: RepoRef, pointedFrom?: RepoRef): Promise<TeamConfigState> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing', uri };
      return { kind: 'invalid', uri, problems: [vscode.l10n.t('The team config could not be read: {0}', e instanceof Error ? e.message : String(e))] };
    }
    // An open editor with unsaved edits doesn't count: the team shares what is on disk.
    return this.parse(new TextDecoder('utf-8').decode(bytes), { uri, repository, source: 'workspace' }, pointedFrom);
  }

  /** One config text, from disk or from the home on GitHub, through the one (lazily loaded) parser. */
  private async parse(text: string, where: { uri: vscode.Uri; repository: RepoRef; source: TeamConfigSource }, pointedFrom?: RepoRef): Promise<TeamConfigState> {
    const { uri, repository, source } = where;
    const { parseTeamConfigFile, isPointer, formatProblem } = loadTeamConfigParser(this.deps.extension);
    const parsed = parseTeamConfigFile(text);
    if (isPointer(parsed)) return pointedFrom ? this.pointsOnward(uri, repository, pointedFrom) : this.readHome(uri, splitRepositoryName(parsed.pointer.home), repository);
    if (parsed.ok) {
      const config = parsed.config.teams.length > 0 ? await this.withGitHubTeams(parsed.config) : parsed.config;
      return { kind: 'ok', uri, config, repository, source };
    }
    const problems = parsed.problems.map(formatProblem);
    if (parsed.more) problems.push(vscode.l10n.t('…and {0} more problems', parsed.more.count));
    // Read from GitHub, the problems are in the home's file, not in the one the user has open.
    if (source !== 'workspace') problems.unshift(vscode.l10n.t("The team's config in {0} has problems:", `${repository.owner}/${repository.name}`));
    return { kind: 'invalid', uri, problems, ...(pointedFrom && { home: repository }) };
  }

  /**
   * `home: owner/name`: the team's config is the home repository's. It is read from disk when that
   * repository is open in the workspace too (a multi-root workspace of the team's repositories);
   * otherwise from GitHub, with the last known config standing in when GitHub can't be read.
   */
  private async readHome(pointer: vscode.Uri, home: RepoRef, from: RepoRef): Promise<TeamConfigState> {
    if (sameRepository(home, from)) return { kind: 'invalid', uri: pointer, problems: [vscode.l10n.t('`home:` names this repository itself; put the team config here instead.')] };
    const open = this.openRepository(home);
    this.found.pointedHome = home;
    this.found.homeOpen = open !== undefined;
    if (!open) return this.readHomeFromGitHub(pointer, home, from);
    this.watch(vscode.Uri.joinPath(open.rootUri, TEAM_CONFIG_PATH));
    return this.read(vscode.Uri.joinPath(open.rootUri, TEAM_CONFIG_PATH), open.ref, from);
  }

  private async readHomeFromGitHub(pointer: vscode.Uri, home: RepoRef, from: RepoRef): Promise<TeamConfigState> {
    const { session, extension, clock } = this.deps;
    const read = await readHomeConfig({ gateway: session.gateway, home, storage: extension.globalState, webUrl: session.webUrl, now: () => clock.now() });
    const homeName = `${home.owner}/${home.name}`;
    if (read.kind !== 'read') this.reportHomeProblem(homeName, read.problem, read.kind === 'lastKnown');
    if (read.kind === 'failed') return { kind: 'invalid', uri: pointer, problems: [homeProblemText(homeName, read.problem, (e) => this.deps.errors.message(e))], home };
    return this.parse(read.text, { uri: pointer, repository: home, source: read.kind === 'read' ? 'github' : 'lastKnown' }, from);
  }

  /**
   * Logs the problem and queues GitHub's, with its fix (Authorize SSO, Sign In Again, Retry), for the end of the load. Signed out
   * is no news, and a home that isn't there (without a last known copy) is said by the views already.
   */
  private reportHomeProblem(home: string, problem: HomeConfigProblem, usingLastKnown: boolean): void {
    const { log } = this.deps;
    log.warn(`The team's home config (${home}) could not be read from GitHub: ${problem.kind === 'github' ? `${problem.error.kind}: ${problem.error.message}` : problem.kind}${usingLastKnown ? ' (using the last known config)' : ''}`);
    if (problem.kind !== 'github') return;
    this.found.homeProblem = { home, error: problem.error, usingLastKnown };
    if (problem.error.kind === 'notFound' && !usingLastKnown) return;
    const context = usingLastKnown
      ? vscode.l10n.t("The team's config could not be read from its home, {0}; the last known config is used meanwhile.", home)
      : vscode.l10n.t("The team's config could not be read from its home, {0}.", home);
    this.found.notices.push({ error: problem.error, context });
  }

  private pointsOnward(uri: vscode.Uri, home: RepoRef, from: RepoRef): TeamConfigState {
    return { kind: 'invalid', uri, problems: [vscode.l10n.t("The team's home config (pointed at from {0}) points elsewhere again: the home holds the team's config itself.", `${from.owner}/${from.name}`)], home };
  }

  private openRepository(ref: RepoRef): WorkspaceRepository | undefined {
    return this.deps.repositories.all.find((repo) => sameRepository(repo.ref, ref));
  }

  /** GitHub teams in `members` → their members; a team that can't be read keeps its last known members. */
  private async withGitHubTeams(config: Parameters<typeof withTeamMembers>[0]): Promise<Parameters<typeof withTeamMembers>[0]> {
    const { session, extension, clock, log } = this.deps;
    const resolved = await resolveTeams({ gateway: session.gateway, teams: config.teams, storage: extension.globalState, webUrl: session.webUrl, now: () => clock.now() });
    this.found.teamProblems = resolved.problems.map((p) => ({ team: teamReferenceText(p.team), error: p.error, usingLastKnown: p.usingLastKnown }));
    for (const p of this.found.teamProblems) {
      log.warn(`The GitHub team ${p.team} could not be read: ${p.error.kind}: ${p.error.message}${p.usingLastKnown ? ' (using its last known members)' : ''}`);
      const context = p.usingLastKnown
        ? vscode.l10n.t('The team {0} could not be read from GitHub; its last known members are used meanwhile.', p.team)
        : vscode.l10n.t('The team {0} could not be read from GitHub.', p.team);
      this.found.notices.push({ error: p.error, context });
    }
    return withTeamMembers(config, resolved.members);
  }

  private watch(uri: vscode.Uri | undefined): void {
    const root = uri?.toString();
    if (root === this.watchedRoot) return;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.watchedRoot = root;
    if (!uri) return;
    // Relative to the repository root: `.github/` may not exist yet.
    const repoRoot = vscode.Uri.joinPath(uri, '..', '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(repoRoot, TEAM_CONFIG_PATH));
    const reload = () => void this.reload();
    this.watcher = vscode.Disposable.from(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
  }

  private async setContextKeys(): Promise<void> {
    const kind = this.state.kind;
    await this.deps.contextKeys.set('teamSupport.hasTeamConfig', kind === 'ok' || kind === 'invalid');
    await this.deps.contextKeys.set('teamSupport.teamConfigInvalid', kind === 'invalid');
  }
}

interface LoadFindings {
  teamProblems: TeamConfigService['teamProblems'];
  homeProblem: TeamConfigService['homeProblem'];
  pointedHome: RepoRef | undefined;
  homeOpen: boolean;
  /** GitHub's errors to show, each with what it meant for the team. */
  notices: { error: GitHubError; context: string }[];
}

function noFindings(): LoadFindings {
  return { teamProblems: [], homeProblem: undefined, pointedHome: undefined, homeOpen: false, notices: [] };
}

export function createTeamConfigService(deps: Deps): TeamConfigServiceImpl {
  return new TeamConfigServiceImpl(deps);
}
