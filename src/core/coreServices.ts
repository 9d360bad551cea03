import type * as vscode from 'vscode';
import type { ContextKeys } from './contextKeys';
import type { DisposableStore } from './lifecycle';
import type { SwitchablePrompter } from './prompter';
import type { TeamSupportLog } from './redactingLog';
import type { Settings } from './settings';
import type { SwitchableClock } from './switchableClock';

/** The editor's plumbing every service and feature is built on (the ground floor of the context). */
export interface CoreServices {
  readonly extension: vscode.ExtensionContext;
  /** The one log; every line is cleaned of tokens (see redactingLog.ts). */
  readonly log: TeamSupportLog;
  readonly settings: Settings;
  readonly contextKeys: ContextKeys;
  readonly clock: SwitchableClock;
  /** Every question asked before something is posted goes through this (tests script the answers). */
  readonly prompts: SwitchablePrompter;
  /** Extension lifetime: disposed on deactivate. */
  readonly disposables: DisposableStore;
}
