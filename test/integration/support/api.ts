// Shared helpers for every integration suite (they run inside the VS Code extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TeamSupportApi } from '../../../src/extension';
import { waitUntil } from './wait';

export const EXTENSION_ID = 'team-support.team-support';

/** Activates the extension (if needed) and returns its API. */
export async function getApi(): Promise<TeamSupportApi> {
  const extension = vscode.extensions.getExtension<TeamSupportApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** The integration workspace (a copy of test/fixtures/workspace, a git repo with remote acme/webshop). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder open');
  return folder.uri;
}

/** Signs in through the extension's token command as `login` (sandbox tokens are `sandbox-token-<login>`). */
export async function signIn(login: string): Promise<TeamSupportApi> {
  const api = await getApi();
  await vscode.commands.executeCommand('teamSupport.signInWithToken', `sandbox-token-${login}`);
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
