import type * as vscode from 'vscode';
import type { GitHubError } from '../github/errors';
import type { TeamConfig } from '../team/configSchema';
import type { TeamSnapshot } from './snapshotSchema';

/** Who the viewer cross-checks (partner: whose PRs they review) and who checks them, for a day. */
export type PartnerResolver = (config: TeamConfig, now: Date, viewer: string) => { partner?: string | undefined; checker?: string | undefined };

export interface BlockedCategory {
  readonly id: string;
  readonly name: string;
  readonly isAnswerable: boolean;
}

/**
 * The team snapshot as every feature reads it: the Blocked and Today views, Kudos, the language
 * client and posting all render from this one request's data instead of asking GitHub themselves.
 */
export interface TeamSnapshotStore {
  /** Fires after every refresh, successful or not. */
  readonly onDidChange: vscode.Event<void>;
  readonly snapshot: TeamSnapshot | undefined;
  /** The last refresh's failure; the snapshot then holds the previous data (shown as stale). */
  readonly error: GitHubError | undefined;
  readonly stale: boolean;
  readonly category: BlockedCategory | undefined;
  /** The cross-check partner and checker the snapshot was fetched for. */
  readonly partnerLogin: string | undefined;
  readonly checkerLogin: string | undefined;
  /** When the snapshot was fetched (ms since epoch); a cached one keeps its original time. */
  readonly updatedAt: number | undefined;
  /** The cross-check feature plugs in who the partner and checker are; the store stays free of rotation details. */
  setPartnerResolver(resolver: PartnerResolver | undefined): void;
  /** Refresh now (coalesces with a refresh already running): after the user's own action, or their Refresh. */
  refresh(): Promise<void>;
  /**
   * Fires when a refresh asked for by `refresh()` has finished (not the background schedule): what the
   * user just did (a reply, a resolve, a pick-up) may change other views too, like the Kudos counts.
   */
  readonly onDidRefreshOnRequest: vscode.Event<void>;
  /** When the next background refresh is due (ms since epoch): not before a rate limit's reset. */
  readonly nextRefreshAt: number;
}
