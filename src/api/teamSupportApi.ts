import type { Event } from 'vscode';

/**
 * What Team Support gives other extensions: `vscode.extensions.getExtension('team-support.team-support')`
 * then `await extension.activate()` resolves to this. Copy this file into your extension to type it.
 *
 * Read-only, and versioned: members are only added while `apiVersion` is 1; a change that could
 * break a caller comes with a new version number. Check `apiVersion` before use.
 *
 * Deliberately absent: anything that reaches the GitHub token, the secret storage, or a way to
 * call GitHub or post as the user. To act, run Team Support's commands, which ask the user
 * (`teamSupport.blocked.ask`, `teamSupport.signIn`, ...).
 */
export interface TeamSupportExtensionApi {
  readonly apiVersion: 1;
  /** The signed-in GitHub login; undefined while signed out. */
  readonly login: string | undefined;
  /** The GitHub repository Team Support reads and posts to for the active editor; undefined when there is none. */
  readonly repository: TeamSupportRepository | undefined;
  /** The open #Blocked requests of that repository as last loaded (empty while signed out or not loaded yet). */
  readonly openBlockers: readonly TeamSupportBlocker[];
  /** The login of the teammate the user is pairing with now; undefined when not pairing. */
  readonly pairingPartner: string | undefined;
  /** Fires after any of the members above changed. */
  readonly onDidChange: Event<void>;
}

export interface TeamSupportRepository {
  readonly owner: string;
  readonly name: string;
}

export interface TeamSupportBlocker {
  /** The discussion number in the repository. */
  readonly number: number;
  readonly title: string;
  /** The discussion's web address. */
  readonly url: string;
  /** Who asked (a GitHub login). */
  readonly author: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly replyCount: number;
}

/** Every member of `TeamSupportExtensionApi`, for the test that proves nothing else is exported. */
export const API_MEMBERS: readonly (keyof TeamSupportExtensionApi)[] = ['apiVersion', 'login', 'repository', 'openBlockers', 'pairingPartner', 'onDidChange'];
