import type * as vscode from 'vscode';
import type { GitHubError } from '../github/errors';
import type { RepoRef } from '../github/gateway';
import type { TeamConfig } from '../team/configSchema';

/** The team config as every feature sees it (implemented by teamConfigService.ts). */
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
    };

export interface TeamConfigService {
  readonly onDidChange: vscode.Event<void>;
  readonly state: TeamConfigState;
  /** GitHub teams of `members` that could not be read at the last load (their last known members stand in). */
  readonly teamProblems: readonly { readonly team: string; readonly error: GitHubError; readonly usingLastKnown: boolean }[];
  /** Reads the config again (the user's Refresh: a change made outside VS Code's watchers). */
  reload(): Promise<void>;
}
