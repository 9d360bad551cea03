import type * as vscode from 'vscode';
import { redactSecrets } from './logRedaction';

/**
 * The extension's one log: a `LogOutputChannel` whose every line is passed through
 * `redactSecrets` first. The session tells it which tokens are in use (`hideSecret`), so
 * even a message that quotes one verbatim is written without it.
 */
export interface TeamSupportLog extends vscode.LogOutputChannel {
  /** From now on, `secret` (and its pieces) is cut out of every line. */
  hideSecret(secret: string): void;
}

export function createRedactingLog(channel: vscode.LogOutputChannel): TeamSupportLog {
  const secrets = new Set<string>();
  const clean = (value: unknown): string => redactSecrets(value instanceof Error ? (value.stack ?? value.message) : String(value), secrets);
  const args = (values: unknown[]): string[] => values.map(clean);
  return {
    get name() {
      return channel.name;
    },
    get logLevel() {
      return channel.logLevel;
    },
    onDidChangeLogLevel: channel.onDidChangeLogLevel,
    hideSecret: (secret) => {
      if (secret.length > 0) secrets.add(secret);
    },
    trace: (message, ...rest) => channel.trace(clean(message), ...args(rest)),
    debug: (message, ...rest) => channel.debug(clean(message), ...args(rest)),
    info: (message, ...rest) => channel.info(clean(message), ...args(rest)),
    warn: (message, ...rest) => channel.warn(clean(message), ...args(rest)),
    error: (message, ...rest) => channel.error(clean(message), ...args(rest)),
    append: (value) => channel.append(clean(value)),
    appendLine: (value) => channel.appendLine(clean(value)),
    replace: (value) => channel.replace(clean(value)),
    clear: () => channel.clear(),
    // The (column, preserveFocus) form is deprecated; only focus is honoured, as VS Code itself does.
    show: (first?: boolean | vscode.ViewColumn, preserveFocus?: boolean) => channel.show(typeof first === 'boolean' ? first : preserveFocus),
    hide: () => channel.hide(),
    dispose: () => channel.dispose(),
  };
}
