import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import type { GitHubSession } from '../core/services';

type Base = Pick<Ctx, 'extension' | 'log' | 'settings' | 'contextKeys' | 'clock' | 'disposables'>;

// Placeholder until sign-in lands: always signed out.
export function createGitHubSession(base: Base): GitHubSession & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  void base.contextKeys.set('teamSupport.signedIn', false);
  return {
    onDidChange: changed.event,
    gateway: undefined,
    login: undefined,
    webUrl: 'https://github.com',
    ensureSignedIn: () => Promise.resolve(undefined),
    dispose: () => changed.dispose(),
  };
}
