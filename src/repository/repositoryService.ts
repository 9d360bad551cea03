import * as vscode from 'vscode';
import type { CoreServices } from '../core/coreServices';
import { Disposable } from '../core/lifecycle';
import type { GitHubSession } from '../github/gitHubSession';
import type { RepositoryService, WorkspaceRepository } from './workspaceRepository';
import { endpointFor } from '../github/endpoint';
import type { GitAPI, GitExtension, GitRepository } from './gitApi';
import { GitWorkspaceRepository } from './gitWorkspaceRepository';
import { parseRepositorySetting, pickRepository } from './remoteUrl';

/** The longest the views say "loading" while waiting for the Git extension. */
const DETECTION_CAP_MS = 20_000;

type Deps = Omit<CoreServices, 'prompts'> & { readonly session: GitHubSession };

/**
 * Which GitHub repository each workspace folder belongs to, through the built-in Git extension.
 * `teamSupport.repository` (per folder) overrides the remote; otherwise `upstream`, then `origin`,
 * then any remote on the configured GitHub host. `current` follows the active editor.
 */
export class GitRepositoryService extends Disposable implements RepositoryService {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly repositoriesChanged = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeRepositories = this.repositoriesChanged.event;
  private allSignature = '';
  private git: GitAPI | undefined;
  private readonly known = new Map<string, GitWorkspaceRepository>();
  private readonly watched = new Map<GitRepository, vscode.Disposable>();
  private signature = '';
  /** Settles once the Git extension's API is available (or known to be missing). */
  readonly ready: Promise<void>;
  /**
   * Settles once the Git extension has looked for the workspace's repositories and read their remotes
   * (or is missing or disabled): until then, "no repository" only means "not found yet".
   */
  readonly detected: Promise<void>;
  private markDetected: () => void = () => undefined;

  constructor(private readonly deps: Deps) {
    super();
    void deps.contextKeys.set('teamSupport.hasRepository', false);
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()));
    this._register(
      deps.settings.onDidChange((affects) => {
        if (affects('repository') || affects('github.apiUrl')) {
          this.known.clear();
          this.update();
        }
      }),
    );
    this._register({
      dispose: () => {
        for (const d of this.watched.values()) d.dispose();
      },
    });
    this.detected = new Promise<void>((resolve) => {
      this.markDetected = resolve;
    });
    // A Git extension that never finishes must not leave the views loading forever.
    const cap = setTimeout(() => {
      this.deps.log.warn(`Repository detection took over ${DETECTION_CAP_MS / 1000} s; showing what is known.`);
      this.markDetected();
    }, DETECTION_CAP_MS);
    this._register({ dispose: () => clearTimeout(cap) });
    void this.detected.then(() => clearTimeout(cap));
    this.ready = this.connect().then(() => this.update());
    void this.ready.then(() => {
      if (!this.git) this.markDetected();
    });
  }

  get current(): WorkspaceRepository | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const fromEditor = active ? this.forUri(active) : undefined;
    if (fromEditor) return fromEditor;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const repo = this.forUri(folder.uri);
      if (repo) return repo;
    }
    for (const repo of this.git?.repositories ?? []) {
      const found = this.forUri(repo.rootUri);
      if (found) return found;
    }
    return undefined;
  }

  get all(): readonly WorkspaceRepository[] {
    const roots = [...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri), ...(this.git?.repositories ?? []).map((r) => r.rootUri)];
    const found = new Map<string, WorkspaceRepository>();
    for (const root of roots) {
      const repo = this.forUri(root);
      if (repo) found.set(repo.rootUri.toString(), repo);
    }
    return [...found.values()];
  }

  forUri(uri: vscode.Uri): WorkspaceRepository | undefined {
    const gitRepo = this.git?.getRepository(uri) ?? undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const endpoint = endpointFor(this.deps.settings.get('github.apiUrl'));
    const override = parseRepositorySetting(this.deps.settings.get('repository', folder?.uri ?? uri));
    const picked = override ?? (gitRepo ? pickRepository(gitRepo.state.remotes, endpoint.remoteHosts) : undefined);
    const ref = picked ? { owner: picked.owner, name: picked.name } : undefined;
    const rootUri = gitRepo?.rootUri ?? folder?.uri;
    if (!ref || !rootUri) return undefined;
    const key = `${rootUri.toString()}|${ref.owner}/${ref.name}|${gitRepo ? 'git' : ''}`;
    let repo = this.known.get(key);
    if (!repo) {
      repo = new GitWorkspaceRepository(ref, rootUri, `${endpoint.webUrl}/${ref.owner}/${ref.name}`, gitRepo, this.git?.git.path);
      this.known.set(key, repo);
    }
    return repo;
  }

  private async connect(): Promise<void> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) {
      this.deps.log.info('The built-in Git extension is not available; only the teamSupport.repository setting can name the repository.');
      return;
    }
    try {
      const exports = extension.isActive ? extension.exports : await extension.activate();
      this._register(exports.onDidChangeEnablement(() => void this.attach(exports)));
      this.attach(exports);
    } catch (e) {
      this.deps.log.warn(`Could not use the Git extension: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private attach(exports: GitExtension): void {
    if (!exports.enabled || this.git) return;
    const git = exports.getAPI(1);
    this.git = git;
    // The Git extension discovers repositories asynchronously: each one that opens may be ours.
    this._register(git.onDidChangeState(() => this.update()));
    this._register(
      git.onDidOpenRepository((r) => {
        this.watch(r);
        this.update();
      }),
    );
    this._register(
      git.onDidCloseRepository((r) => {
        this.watched.get(r)?.dispose();
        this.watched.delete(r);
        this.known.clear();
        this.update();
      }),
    );
    git.repositories.forEach((r) => this.watch(r));
    this.update();
  }

  private watch(repo: GitRepository): void {
    if (this.watched.has(repo)) return;
    // Remotes and HEAD change through this event (it also fires on every status change; update() is cheap).
    this.watched.set(repo, repo.state.onDidChange(() => this.update()));
  }

  /** Fires onDidChange when the current repository, its branch or HEAD changed; onDidChangeRepositories when the set did. */
  private update(): void {
    const all = this.all.map((r) => `${r.rootUri.toString()}|${r.ref.owner}/${r.ref.name}`).join('\n');
    if (all !== this.allSignature) {
      this.allSignature = all;
      this.repositoriesChanged.fire();
    }
    const repo = this.current;
    if (this.isDetected(repo)) this.markDetected();
    void this.deps.contextKeys.set('teamSupport.hasRepository', repo !== undefined);
    const signature = repo ? [repo.rootUri.toString(), repo.ref.owner, repo.ref.name, repo.branch, repo.headCommit].join('|') : '';
    if (signature === this.signature) return;
    this.signature = signature;
    this.deps.log.debug(repo ? `Repository: ${repo.ref.owner}/${repo.ref.name} (${repo.branch ?? 'no branch'})` : 'No GitHub repository in this workspace.');
    this.changed.fire();
  }

  /** The Git extension scanned the workspace, and found ours or read every repository's first status (HEAD). */
  private isDetected(repo: WorkspaceRepository | undefined): boolean {
    const git = this.git;
    if (!git || git.state !== 'initialized') return false;
    return repo !== undefined || git.repositories.every((r) => r.state.HEAD !== undefined);
  }
}

export function createRepositoryService(deps: Deps): GitRepositoryService {
  return new GitRepositoryService(deps);
}
