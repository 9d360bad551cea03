import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import type { RepositoryService } from '../core/services';

type Deps = Pick<Ctx, 'extension' | 'log' | 'settings' | 'contextKeys' | 'clock' | 'disposables' | 'session'>;

// Placeholder until repository detection lands.
export function createRepositoryService(_deps: Deps): RepositoryService & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return { onDidChange: changed.event, current: undefined, forUri: () => undefined, dispose: () => changed.dispose() };
}
