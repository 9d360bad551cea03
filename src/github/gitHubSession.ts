import type * as vscode from 'vscode';
import type { GitHubGateway } from './gateway';

/** The signed-in GitHub account as every feature sees it (implemented by session.ts' AccountSession). */
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
