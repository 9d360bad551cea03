import * as vscode from 'vscode';
import type { TeamSupportExtensionApi } from './teamSupportApi';

/**
 * What `activate` returns: the public API, plus the internals as `testHooks` only while VS Code
 * runs the extension's own tests (`ExtensionMode.Test`). Never in Production or Development mode.
 */
export function exportsFor<H>(mode: vscode.ExtensionMode, api: TeamSupportExtensionApi, hooks: H): TeamSupportExtensionApi | (TeamSupportExtensionApi & { readonly testHooks: H }) {
  if (mode !== vscode.ExtensionMode.Test) return api;
  // Copies the getters (a spread would read them once).
  return Object.freeze(Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(api), testHooks: { value: hooks, enumerable: true } })) as TeamSupportExtensionApi & { readonly testHooks: H };
}
