import type * as vscode from 'vscode';
import { loadBundle } from '../core/lazyBundle';
import type * as GitHubClient from './githubClientModule';

/** octokit and bottleneck, from their own bundle: about 50 KB less to load at activation. */
export function loadGitHubClient(extension: vscode.ExtensionContext): typeof GitHubClient {
  return loadBundle<typeof GitHubClient>(extension, 'githubClient');
}
