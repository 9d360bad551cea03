import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import type { TeamConfigService } from '../core/services';

type Deps = Pick<Ctx, 'extension' | 'log' | 'settings' | 'contextKeys' | 'clock' | 'disposables' | 'repositories'>;

// Placeholder until the team config loader lands.
export function createTeamConfigService(_deps: Deps): TeamConfigService & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return { onDidChange: changed.event, state: { kind: 'noRepository' }, dispose: () => changed.dispose() };
}
