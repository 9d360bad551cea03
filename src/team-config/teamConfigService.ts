import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import { Disposable } from '../core/lifecycle';
import type { TeamConfigService, TeamConfigState } from '../core/services';
import { TEAM_CONFIG_PATH } from '../team/configPath';
import { loadTeamConfigParser } from './teamConfigParser';

type Deps = Pick<Ctx, 'extension' | 'log' | 'settings' | 'contextKeys' | 'clock' | 'disposables' | 'repositories'>;

/**
 * Loads `.github/team-support.yml` from the current repository's root and re-reads it when it
 * changes on disk or is saved. Not read at all in a restricted (untrusted) workspace.
 */
export class TeamConfigServiceImpl extends Disposable implements TeamConfigService {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  state: TeamConfigState = { kind: 'noRepository' };
  /** Number of completed loads (tests wait on it). */
  loadCount = 0;
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
    let current: Promise<void>;
    do {
      current = this.loading;
      await current;
    } while (current !== this.loading);
  }

  private async load(): Promise<void> {
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
      next = await this.read(uri);
    }
    this.loadCount++;
    const before = JSON.stringify(this.state);
    this.state = next;
    await this.setContextKeys();
    if (JSON.stringify(next) !== before) {
      if (next.kind === 'invalid') this.deps.log.warn(`Team config ${TEAM_CONFIG_PATH} has problems: ${next.problems.join(' | ')}`);
      else this.deps.log.debug(`Team config: ${next.kind}`);
      this.changed.fire();
    }
  }

  private async read(uri: vscode.Uri): Promise<TeamConfigState> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing', uri };
      return { kind: 'invalid', uri, problems: [vscode.l10n.t('The team config could not be read: {0}', e instanceof Error ? e.message : String(e))] };
    }
    // An open editor with unsaved edits doesn't count: the team shares what is on disk.
    const { parseTeamConfig, formatProblem } = loadTeamConfigParser(this.deps.extension);
    const parsed = parseTeamConfig(new TextDecoder('utf-8').decode(bytes));
    if (parsed.ok) return { kind: 'ok', uri, config: parsed.config };
    const problems = parsed.problems.map(formatProblem);
    if (parsed.more) problems.push(vscode.l10n.t('…and {0} more problems', parsed.more.count));
    return { kind: 'invalid', uri, problems };
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

export function createTeamConfigService(deps: Deps): TeamConfigServiceImpl {
  return new TeamConfigServiceImpl(deps);
}
