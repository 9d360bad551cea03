import { execFile } from 'node:child_process';
import type * as vscode from 'vscode';
import type { WorkspaceRepository } from './workspaceRepository';
import type { RepoRef } from '../github/gateway';
import type { GitRepository } from './gitApi';

/** One folder's GitHub repository: the ref from its remote (or the setting) plus live git state. */
export class GitWorkspaceRepository implements WorkspaceRepository {
  constructor(
    readonly ref: RepoRef,
    readonly rootUri: vscode.Uri,
    readonly webUrl: string,
    private readonly git: GitRepository | undefined,
    private readonly gitPath: string | undefined,
  ) {}

  get branch(): string | undefined {
    return this.git?.state.HEAD?.name;
  }

  get headCommit(): string | undefined {
    return this.git?.state.HEAD?.commit;
  }

  /** `git branch -r --contains <commit>`: pushed when some remote-tracking branch has it. */
  async isPushed(commit: string): Promise<boolean> {
    if (!/^[0-9a-f]{4,64}$/i.test(commit) || !this.gitPath) return false;
    const out = await this.run(['branch', '-r', '--contains', commit]).catch(() => '');
    return out.split('\n').some((line) => line.trim().length > 0);
  }

  /** `git diff HEAD -- <file>` (staged and unstaged changes); '' when there is none or git fails. */
  async diffOfFile(uri: vscode.Uri): Promise<string> {
    if (this.gitPath) return this.run(['diff', 'HEAD', '--no-color', '--', uri.fsPath]).catch(() => '');
    return this.git ? this.git.diffWithHEAD(uri.fsPath).catch(() => '') : '';
  }

  /** `git cat-file blob <commit>:<path>`; undefined when the commit has no such file (new or untracked). */
  async fileAt(commit: string, path: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{4,64}$/i.test(commit) || path === '' || path.startsWith('/')) return undefined;
    if (this.gitPath) return this.run(['cat-file', 'blob', `${commit}:${path}`]).catch(() => undefined);
    return this.git ? this.git.show(commit, path).catch(() => undefined) : undefined;
  }

  private run(args: string[]): Promise<string> {
    const gitPath = this.gitPath;
    if (!gitPath) return Promise.reject(new Error('git is not available'));
    return new Promise((resolve, reject) => {
      execFile(gitPath, args, { cwd: this.rootUri.fsPath, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
        if (error) reject(new Error(error.message));
        else resolve(stdout);
      });
    });
  }
}
