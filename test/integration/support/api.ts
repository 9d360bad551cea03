// Shared helpers for every integration suite (they run inside the VS Code extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TeamSupportExtensionApi } from '../../../src/api/teamSupportApi';
import type { TeamSupportApi, TeamSupportTestExports } from '../../../src/extension';
import { waitUntil } from './wait';

export const EXTENSION_ID = 'team-support.team-support';

/** Activates the extension (if needed) and returns its internals (exported only in ExtensionMode.Test). */
export async function getApi(): Promise<TeamSupportApi> {
  const exported = await getExports();
  assert.ok('testHooks' in exported, 'the extension exports no test hooks: is VS Code running it in ExtensionMode.Test?');
  return exported.testHooks;
}

/** Activates the extension (if needed) and returns what it exports, as another extension sees it. */
export async function getExports(): Promise<TeamSupportExtensionApi | TeamSupportTestExports> {
  const extension = vscode.extensions.getExtension<TeamSupportExtensionApi | TeamSupportTestExports>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** The integration workspace (a copy of test/fixtures/workspace, a git repo with remote acme/webshop). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder open');
  return folder.uri;
}

/**
 * Signs in as `login` (sandbox tokens are `sandbox-token-<login>`) through the test-mode hook that
 * does what accepting the token in the sign-in box does; no command takes a token.
 */
export async function signIn(login: string): Promise<TeamSupportApi> {
  const api = await getApi();
  const result = await api.features.account.signInWithToken(`sandbox-token-${login}`);
  assert.ok(result?.ok, `signing in as ${login} failed: ${result && !result.ok ? result.message : 'no result'}`);
  await waitUntil(api.ctx.session.onDidChange, () => api.ctx.session.login === login, 10_000, `signed in as ${login}`);
  return api;
}

/** Signs out (no-op when already signed out). */
export async function signOut(): Promise<TeamSupportApi> {
  const api = await getApi();
  if (api.ctx.session.login !== undefined) {
    await vscode.commands.executeCommand('teamSupport.signOut');
    await waitUntil(api.ctx.session.onDidChange, () => api.ctx.session.login === undefined, 10_000, 'signed out');
  }
  return api;
}
