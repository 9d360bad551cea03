import type * as vscode from 'vscode';

/**
 * The slice of the built-in Git extension's API (`vscode.git`, `getAPI(1)`) Team Support uses.
 * Hand-written and narrow: it's in-process, versioned by VS Code, and we read only these members.
 */
export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitAPI;
}

export interface GitAPI {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly git: { readonly path: string };
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD: { readonly name?: string; readonly commit?: string } | undefined;
    readonly remotes: readonly { readonly name: string; readonly fetchUrl?: string; readonly pushUrl?: string }[];
    readonly onDidChange: vscode.Event<void>;
  };
  /** The diff of one file between the working tree and HEAD. */
  diffWithHEAD(path: string): Promise<string>;
  /** A file's text at a ref (the path may be absolute or relative to the root). */
  show(ref: string, path: string): Promise<string>;
}
