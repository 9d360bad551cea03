import type * as vscode from 'vscode';
import type { ContextKeys } from './contextKeys';
import type { TeamSupportLog } from './redactingLog';
import type { DisposableStore } from './lifecycle';
import type { GitHubSession, RepositoryService, SidebarStore, TeamConfigService } from './services';
import type { Settings } from './settings';
import type { SwitchableClock } from './switchableClock';

/** What every feature's `register(ctx)` receives. Features own what they create via `ctx.disposables`. */
export interface Ctx {
  readonly extension: vscode.ExtensionContext;
  /** The one log; every line is cleaned of tokens (see redactingLog.ts). */
  readonly log: TeamSupportLog;
  readonly settings: Settings;
  readonly contextKeys: ContextKeys;
  readonly clock: SwitchableClock;
  /** Extension lifetime: disposed on deactivate. */
  readonly disposables: DisposableStore;
  readonly session: GitHubSession;
  readonly repositories: RepositoryService;
  readonly team: TeamConfigService;
  readonly sidebar: SidebarStore;
}
