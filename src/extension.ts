import * as vscode from 'vscode';
import { registerAccount } from './github/registerAccount';
import { registerBlocked } from './blockers/registerBlocked';
import { ContextKeys } from './core/contextKeys';
import { type Ctx } from './core/ctx';
import { DisposableStore } from './core/lifecycle';
import { Settings } from './core/settings';
import { SwitchableClock } from './core/switchableClock';
import { registerCrossCheck } from './crosscheck/registerCrossCheck';
import { createGitHubSession } from './github/session';
import { registerKudos } from './kudos/registerKudos';
import { registerPairing } from './pairing/registerPairing';
import { createRepositoryService } from './repository/repositoryService';
import { registerLanguageClient } from './server-client/registerLanguageClient';
import { createSidebarStore } from './sidebar/sidebarStore';
import { createTeamConfigService } from './team-config/teamConfigService';
import { registerTeamConfig } from './team-config/registerTeamConfig';

export interface TeamSupportApi {
  /** The shared services, so integration tests and the benchmark can wait on real events. */
  readonly ctx: Ctx;
  readonly features: {
    readonly account: ReturnType<typeof registerAccount>;
    readonly teamConfig: ReturnType<typeof registerTeamConfig>;
    readonly blocked: ReturnType<typeof registerBlocked>;
    readonly crossCheck: ReturnType<typeof registerCrossCheck>;
    readonly kudos: ReturnType<typeof registerKudos>;
    readonly pairing: ReturnType<typeof registerPairing>;
    readonly languageClient: ReturnType<typeof registerLanguageClient>;
  };
}

export function activate(extension: vscode.ExtensionContext): TeamSupportApi {
  const disposables = new DisposableStore();
  // VS Code disposes the subscriptions on deactivate; the store disposes in reverse creation order.
  extension.subscriptions.push(disposables);
  const log = disposables.add(vscode.window.createOutputChannel('Team Support', { log: true }));
  const settings = new Settings(log);
  const contextKeys = new ContextKeys();
  const clock = new SwitchableClock();
  const base = { extension, log, settings, contextKeys, clock, disposables };

  const session = disposables.add(createGitHubSession(base));
  const repositories = disposables.add(createRepositoryService({ ...base, session }));
  const team = disposables.add(createTeamConfigService({ ...base, repositories }));
  const sidebar = disposables.add(createSidebarStore({ ...base, session, repositories, team }));
  const ctx: Ctx = { ...base, session, repositories, team, sidebar };

  const api: TeamSupportApi = {
    ctx,
    features: {
      account: registerAccount(ctx),
      teamConfig: registerTeamConfig(ctx),
      blocked: registerBlocked(ctx),
      crossCheck: registerCrossCheck(ctx),
      kudos: registerKudos(ctx),
      pairing: registerPairing(ctx),
      languageClient: registerLanguageClient(ctx),
    },
  };
  // The language server finds where each blocker's code is now; the Blocked view says when it can't.
  const { blocked, languageClient } = api.features;
  disposables.add(languageClient.onDidChangeMovedBlockers((ids) => blocked.tree.setMovedBlockers(ids)));
  // The buddy suggestion breaks ties with the Kudos reciprocity figures (when the panel has loaded them).
  blocked.setHelpBalance(() => api.features.kudos.helpBalance());
  const manifest = extension.extension.packageJSON as { version?: unknown };
  log.info(`Team Support ${String(manifest.version)} activated in VS Code ${vscode.version}.`);
  return api;
}

export function deactivate(): void {
  // Everything is owned by `extension.subscriptions`.
}
