import type * as vscode from 'vscode';
import type { RepoRef } from '../github/gateway';

/** The GitHub repositories open in the workspace, as every feature sees them (implemented in this folder). */
export interface WorkspaceRepository {
  readonly ref: RepoRef;
  /** Root of the git repository on disk. */
  readonly rootUri: vscode.Uri;
  /** e.g. https://github.com/owner/name */
  readonly webUrl: string;
  readonly branch: string | undefined;
  readonly headCommit: string | undefined;
  /** Whether `commit` is on some remote branch (so a permalink to it resolves). */
  isPushed(commit: string): Promise<boolean>;
  /** `git diff HEAD` of one file, for code that isn't committed yet. */
  diffOfFile(uri: vscode.Uri): Promise<string>;
  /** A file's text at `commit` (path relative to the root, with `/`); undefined when the commit has no such file. */
  fileAt(commit: string, path: string): Promise<string | undefined>;
}

export interface RepositoryService {
  /** The current repository, its branch or HEAD changed. */
  readonly onDidChange: vscode.Event<void>;
  /** The set of open repositories (`all`) changed: a folder added or removed, a nested repository found or closed. */
  readonly onDidChangeRepositories: vscode.Event<void>;
  /** The repository of the active editor's folder, else the first folder's. */
  readonly current: WorkspaceRepository | undefined;
  /** The repository that contains `uri`, if any. */
  forUri(uri: vscode.Uri): WorkspaceRepository | undefined;
  /** Every GitHub repository open in the workspace (each folder's, and nested ones Git found). */
  readonly all: readonly WorkspaceRepository[];
}
