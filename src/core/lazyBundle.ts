import type * as vscode from 'vscode';

/**
 * Loads one of the extension's own on-demand bundles, `dist/<name>.js` (built by esbuild.config.mjs),
 * for code most windows never run: a runtime require of a file path, so esbuild leaves that code
 * out of the main bundle and activation stays small. Node caches the module after the first load.
 */
export function loadBundle<T>(extension: vscode.ExtensionContext, name: 'askTheTeam' | 'githubClient' | 'languageClient' | 'secretScanner' | 'teamConfigParser'): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(extension.asAbsolutePath(`dist/${name}.js`)) as T;
}
