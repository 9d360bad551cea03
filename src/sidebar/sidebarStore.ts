import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import type { SidebarStore } from '../core/services';

type Deps = Pick<Ctx, 'extension' | 'log' | 'settings' | 'contextKeys' | 'clock' | 'disposables' | 'session' | 'repositories' | 'team'>;

// Placeholder until the sidebar refresh lands.
export function createSidebarStore(_deps: Deps): SidebarStore & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return {
    onDidChange: changed.event,
    snapshot: undefined,
    error: undefined,
    stale: false,
    category: undefined,
    partnerLogin: undefined,
    checkerLogin: undefined,
    refresh: () => Promise.resolve(),
    dispose: () => changed.dispose(),
  };
}
