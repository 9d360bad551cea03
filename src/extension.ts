import * as vscode from 'vscode';
import { exportsFor } from './api/extensionExports';
import { createPublicApi } from './api/publicApi';
import type { TeamSupportExtensionApi } from './api/teamSupportApi';
import { registerAccount } from './github/registerAccount';
import { registerBlocked } from './blockers/registerBlocked';
import { ContextKeys } from './core/contextKeys';
import { type Ctx } from './ctx';
import { DisposableStore } from './core/lifecycle';
import { markReadyWhenLoaded } from './core/readiness';
import { createRedactingLog } from './core/redactingLog';
import { Settings } from './core/settings';
import { SwitchablePrompter } from './core/prompter';
import { SwitchableClock } from './core/switchableClock';
import { registerCrossCheck } from './crosscheck/registerCrossCheck';
import { createGitHubSession } from './github/session';
import { GitHubErrorPresenter } from './github/showGitHubError';
import { registerKudos } from './kudos/registerKudos';
import { registerPairing } from './pairing/registerPairing';
import { createRepositoryService } from './repository/repositoryService';
import { registerLanguageClient } from './server-client/registerLanguageClient';
import { createTeamSnapshotStore } from './snapshot/snapshotStore';
import { createTeamConfigService } from './team-config/teamConfigService';
import { registerTeamConfig } from './team-config/registerTeamConfig';

/**
 * The internals integration tests and the benchmark drive (`getApi()` in test/integration/support).
 * Exported only in `ExtensionMode.Test`, as `testHooks`; other extensions get `TeamSupportExtensionApi`.
 */
export interface TeamSupportApi {
  /** The shared services, so integration tests and the benchmark can wait on real events. */
  readonly ctx: Ctx;
  /** The questions asked before posting; integration tests `use` a scripted prompter here. */
  readonly prompts: SwitchablePrompter;
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

/** What `activate` returns when VS Code runs the extension's tests: the public API plus the internals. */
export type TeamSupportTestExports = TeamSupportExtensionApi & { readonly testHooks: TeamSupportApi };

export function activate(extension: vscode.ExtensionContext): TeamSupportExtensionApi | TeamSupportTestExports {
  const disposables = new DisposableStore();
  // VS Code disposes the subscriptions on deactivate; the store disposes in reverse creation order.
  extension.subscriptions.push(disposables);
  const log = disposables.add(createRedactingLog(vscode.window.createOutputChannel('Team Support', { log: true })));
  const settings = new Settings(log);
  const contextKeys = new ContextKeys();
  const clock = new SwitchableClock();
  const errors = disposables.add(new GitHubErrorPresenter());
  const prompts = new SwitchablePrompter();
  const base = { extension, log, settings, contextKeys, clock, prompts, disposables, errors };

  const session = disposables.add(createGitHubSession(base));
  const repositories = disposables.add(createRepositoryService({ ...base, session }));
  const team = disposables.add(createTeamConfigService({ ...base, session, repositories }));
  const teamSnapshot = disposables.add(createTeamSnapshotStore({ ...base, session, repositories, team }));
  const loaded = markReadyWhenLoaded({ contextKeys, session, repositories, team }).catch((e: unknown) => {
    log.warn(`Start-up did not finish cleanly: ${e instanceof Error ? e.message : String(e)}`);
  });
  const ctx: Ctx = { ...base, session, repositories, team, teamSnapshot, loaded };

  const internals: TeamSupportApi = {
    ctx,
    prompts,
    features: {
      account: registerAccount(ctx, session),
      teamConfig: registerTeamConfig(ctx, team),
      blocked: registerBlocked(ctx),
      crossCheck: registerCrossCheck(ctx),
      kudos: registerKudos(ctx),
      pairing: registerPairing(ctx),
      languageClient: registerLanguageClient(ctx),
    },
  };
  // The language server finds where each blocker's code is now; the Blocked view says when it can't.
  const { blocked, languageClient, pairing } = internals.features;
  disposables.add(languageClient.onDidChangeMovedBlockers((ids) => blocked.tree.setMovedBlockers(ids, languageClient.lostReasons)));
  blocked.setLocator((id) => languageClient.locate(id));
  // The buddy suggestion breaks ties with the Kudos reciprocity figures (when the panel has loaded them).
  blocked.setHelpBalance(() => internals.features.kudos.helpBalance());
  const manifest = extension.extension.packageJSON as { version?: unknown };
  log.info(`Team Support ${String(manifest.version)} activated in VS Code ${vscode.version}.`);
  return exportsFor(extension.extensionMode, createPublicApi(ctx, pairing), internals);
}

export function deactivate(): void {
  // Everything is owned by `extension.subscriptions`.
}
