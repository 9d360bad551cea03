import type * as vscode from 'vscode';
import type { GitHubError } from '../github/errors';
import type { GitHubGateway, RepoRef } from '../github/gateway';
import type { SidebarSnapshot } from '../sidebar/snapshotSchema';
import type { TeamConfig } from '../team/configSchema';

/** Who the viewer cross-checks (partner: whose PRs they review) and who checks them, for a day. */
export type PartnerResolver = (config: TeamConfig, now: Date, viewer: string) => { partner?: string | undefined; checker?: string | undefined };

/**
 * The shared services every feature reads. Features depend on these interfaces only; the
 * implementations live in github/, repository/, team/ and sidebar/ and are built in extension.ts.
 */

export interface GitHubSession {
  readonly onDidChange: vscode.Event<void>;
  /** undefined while signed out. */
  readonly gateway: GitHubGateway | undefined;
  readonly login: string | undefined;
  /** Web address of the GitHub instance, e.g. https://github.com (for links the user opens). */
  readonly webUrl: string;
  /** Returns the gateway, asking the user to sign in first when needed; undefined if they decline. */
  ensureSignedIn(): Promise<GitHubGateway | undefined>;
}

export interface WorkspaceRepository {
  readonly ref: RepoRef;
  /** Root of the git repository on disk. */
  readonly rootUri: vscode.Uri;
  /** e.g. https://github.com/owner/name */
  readonly webUrl: string;
  readonly branch: string | undefined;
  readonly headCommit: string | undefined;
  /** Whether `commit` is on some remote branch (so a permalink to it resolves). */
  isPushed(commit: string): Promise<boolean>;
  /** `git diff HEAD` of one file, for code that isn't committed yet. */
  diffOfFile(uri: vscode.Uri): Promise<string>;
  /** A file's text at `commit` (path relative to the root, with `/`); undefined when the commit has no such file. */
  fileAt(commit: string, path: string): Promise<string | undefined>;
}

export interface RepositoryService {
  /** The current repository, its branch or HEAD changed. */
  readonly onDidChange: vscode.Event<void>;
  /** The set of open repositories (`all`) changed: a folder added or removed, a nested repository found or closed. */
  readonly onDidChangeRepositories: vscode.Event<void>;
  /** The repository of the active editor's folder, else the first folder's. */
  readonly current: WorkspaceRepository | undefined;
  /** The repository that contains `uri`, if any. */
  forUri(uri: vscode.Uri): WorkspaceRepository | undefined;
  /** Every GitHub repository open in the workspace (each folder's, and nested ones Git found). */
  readonly all: readonly WorkspaceRepository[];
}

export type TeamConfigState =
  | { readonly kind: 'noRepository' }
  | { readonly kind: 'missing'; readonly uri: vscode.Uri }
  | { readonly kind: 'invalid'; readonly uri: vscode.Uri; readonly problems: readonly string[] }
  | {
      readonly kind: 'ok';
      readonly uri: vscode.Uri;
      /** GitHub teams named in `members` are resolved into `members` and `people` already. */
      readonly config: TeamConfig;
      /** The repository the config is committed in (the team's home when this one points there). */
      readonly repository: RepoRef;
      /**
       * Where the text came from: a file in the workspace (`uri`), or — for a pointer whose home is not
       * open — the home on GitHub, or the last known copy of it when GitHub can't be read (`uri` is the pointer).
       */
      readonly source: TeamConfigSource;
    };

export type TeamConfigSource = 'workspace' | 'github' | 'lastKnown';

export interface TeamConfigService {
  readonly onDidChange: vscode.Event<void>;
  readonly state: TeamConfigState;
  /** GitHub teams of `members` that could not be read at the last load (their last known members stand in). */
  readonly teamProblems: readonly { readonly team: string; readonly error: GitHubError; readonly usingLastKnown: boolean }[];
  /**
   * Resolves once the reads asked for so far have set `state` (a changed repository's config, a
   * pointer's home): what the sidebar waits on so it never fetches for a config that is being replaced.
   */
  settled(): Promise<void>;
  /** The team's home config could not be read from GitHub at the last load (`home` is owner/name). */
  readonly homeProblem: { readonly home: string; readonly error: GitHubError; readonly usingLastKnown: boolean } | undefined;
}

export interface BlockedCategory {
  readonly id: string;
  readonly name: string;
  readonly isAnswerable: boolean;
}

export interface SidebarStore {
  /** Fires after every refresh, successful or not. */
  readonly onDidChange: vscode.Event<void>;
  readonly snapshot: SidebarSnapshot | undefined;
  /** The last refresh's failure; the snapshot then holds the previous data (shown as stale). */
  readonly error: GitHubError | undefined;
  readonly stale: boolean;
  readonly category: BlockedCategory | undefined;
  /** The cross-check partner and checker the snapshot was fetched for. */
  readonly partnerLogin: string | undefined;
  readonly checkerLogin: string | undefined;
  /** When the snapshot was fetched (ms since epoch); a cached one keeps its original time. */
  readonly updatedAt: number | undefined;
  /** The cross-check feature plugs in who the partner and checker are; the store stays free of rotation details. */
  setPartnerResolver(resolver: PartnerResolver | undefined): void;
  /** Refresh now (coalesces with a refresh already running): after the user's own action, or their Refresh. */
  refresh(): Promise<void>;
  /**
   * Fires when a refresh asked for by `refresh()` has finished (not the background schedule): what the
   * user just did (a reply, a resolve, a pick-up) may change other views too, like the Kudos counts.
   */
  readonly onDidRefreshOnRequest: vscode.Event<void>;
  /** When the next background refresh is due (ms since epoch): not before a rate limit's reset. */
  readonly nextRefreshAt: number;
}
