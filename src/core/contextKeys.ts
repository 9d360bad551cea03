import * as vscode from 'vscode';

/** Every context key the manifest's `when` clauses read; prefixed `teamSupport.`. */
export interface ContextKeyValues {
  /** The first sign-in restore, repository detection and team config load have finished. */
  'teamSupport.ready': boolean;
  'teamSupport.signedIn': boolean;
  'teamSupport.hasRepository': boolean;
  'teamSupport.hasTeamConfig': boolean;
  'teamSupport.teamConfigInvalid': boolean;
  'teamSupport.blockedFilter': 'mine' | 'all';
  'teamSupport.pairing.active': boolean;
}

/** Sets context keys, skipping values that did not change. */
export class ContextKeys {
  private readonly current = new Map<string, unknown>();

  async set<K extends keyof ContextKeyValues>(key: K, value: ContextKeyValues[K]): Promise<void> {
    if (this.current.get(key) === value) return;
    this.current.set(key, value);
    await vscode.commands.executeCommand('setContext', key, value);
  }

  get<K extends keyof ContextKeyValues>(key: K): ContextKeyValues[K] | undefined {
    return this.current.get(key) as ContextKeyValues[K] | undefined;
  }
}
