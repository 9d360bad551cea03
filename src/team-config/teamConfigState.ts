import type * as vscode from 'vscode';
import type { GitHubError } from '../github/errors';
import type { RepoRef } from '../github/gateway';
import type { TeamConfig } from '../team/configSchema';

/** The team config as every feature sees it (implemented by teamConfigService.ts). */
export type TeamConfigState =
  | { readonly kind: 'noRepository' }
  | { readonly kind: 'missing'; readonly uri: vscode.Uri }
  | {
      readonly kind: 'invalid';
      readonly uri: vscode.Uri;
      readonly problems: readonly string[];
      /**
       * The home a pointer (`home: owner/name`) names, when that is what this config is: the team's
       * requests belong there even while its config can't be read, never in the pointing repository.
       */
      readonly home?: RepoRef;
    }
  | {
      readonly kind: 'ok';
      readonly uri: vscode.Uri;
      /** GitHub teams named in `members` are resolved into `members` and `people` already. */
      readonly config: TeamConfig;
      /** The repository the config is committed in (the team's home when this one points there). */
      readonly repository: RepoRef;
      /**
       * Where the text came from: a file in the workspace (`uri`), or — for a pointer whose home is not
       * open — the home on GitHub, or the last known copy of it when GitHub can't be read (`uri` is the pointer).
       */
      readonly source: TeamConfigSource;
    };

export type TeamConfigSource = 'workspace' | 'github' | 'lastKnown';

/** The repository the team's config is committed in, as far as it is known (the home for a pointer). */
export function configRepository(state: TeamConfigState): RepoRef | undefined {
  if (state.kind === 'ok') return state.repository;
  return state.kind === 'invalid' ? state.home : undefined;
}

export interface TeamConfigService {
  readonly onDidChange: vscode.Event<void>;
  readonly state: TeamConfigState;
  /** GitHub teams of `members` that could not be read at the last load (their last known members stand in). */
  readonly teamProblems: readonly { readonly team: string; readonly error: GitHubError; readonly usingLastKnown: boolean }[];
  /** Reads the config again (the user's Refresh: a change made outside VS Code's watchers). */
  reload(): Promise<void>;
  /**
   * Resolves once the reads asked for so far have set `state` (a changed repository's config, a
   * pointer's home): what the snapshot waits on so it never fetches for a config that is being replaced.
   */
  settled(): Promise<void>;
  /** The team's home config could not be read from GitHub at the last load (`home` is owner/name). */
  readonly homeProblem: { readonly home: string; readonly error: GitHubError; readonly usingLastKnown: boolean } | undefined;
}
