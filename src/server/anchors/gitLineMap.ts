import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { parseUnifiedHunks, type Hunk } from '../../protocol/lineMap';

/**
 * Asks git where a file's lines at the commit an anchor was taken at are now: git's own diff
 * from that commit to the working tree (or to a later commit, for the benchmark), following a
 * rename. The language server runs git itself (it already reads the files anchors are in, and
 * keeps the result per file), so the extension sends nothing more than the repository root.
 */

export type GitLineMap =
  /** `path` is where the file is now (another path after a rename); `hunks` map the commit's lines there. */
  | { readonly kind: 'mapped'; readonly path: string; readonly hunks: readonly Hunk[] }
  /** The commit is known and had the file, but the file is gone and was not renamed. */
  | { readonly kind: 'fileGone' }
  /** git can't say: the commit is not in this repository (not fetched, rebased away), or no git. */
  | { readonly kind: 'unknown' };

export interface GitRunner {
  /** Runs git with `args` in the repository; rejects when git exits non-zero. */
  run(args: readonly string[]): Promise<string>;
  /** Whether `path` (repository-relative) exists in the working tree. */
  exists(path: string): Promise<boolean>;
}

const GIT_TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 64 * 1024 * 1024;
/**
 * No colours, external diff tools or text conversion whatever the user's config says, no
 * optional index locks (the user's own git commands must not collide with ours). Whitespace is
 * ignored (`-w`, line endings too): re-indented code is the same code to an anchor, as it is to the
 * text relocation, which compares lines trimmed.
 */
const DIFF_OPTIONS = ['--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--ignore-all-space', '-U0'];

export function gitRunner(root: string): GitRunner {
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        execFile(
          'git',
          ['--no-optional-locks', '-c', 'core.quotepath=off', ...args],
          { cwd: root, timeout: GIT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, windowsHide: true, encoding: 'utf8' },
          (error, stdout) => (error ? reject(new Error(`git ${args[0] ?? ''} failed: ${error.message}`)) : resolve(stdout)),
        );
      }),
    exists: (path) => access(join(root, ...path.split('/'))).then(
      () => true,
      () => false,
    ),
  };
}

/**
 * Maps `path` at `commit` to the working tree (`target` undefined) or to commit `target`.
 * `commit` and `path` come from a blocker body: the caller has validated both (hex commit,
 * safe relative path), and they are passed as arguments, never through a shell.
 */
export async function gitLineMap(git: GitRunner, commit: string, path: string, target?: string): Promise<GitLineMap> {
  const from = await resolveCommit(git, commit);
  if (from === undefined || !(await hasFile(git, from, path))) return { kind: 'unknown' };
  const to = target === undefined ? [] : [target];
  const existsNow = target === undefined ? await git.exists(path) : await hasFile(git, target, path);
  let current = path;
  if (!existsNow) {
    const renamed = await renamedTo(git, from, to, path);
    if (renamed === undefined) return { kind: 'fileGone' };
    current = renamed;
  }
  try {
    const diff = await git.run(['diff', ...DIFF_OPTIONS, from, ...to, '--', ...(current === path ? [path] : [path, current])]);
    return { kind: 'mapped', path: current, hunks: parseUnifiedHunks(diff) };
  } catch {
    return { kind: 'unknown' };
  }
}

async function resolveCommit(git: GitRunner, commit: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  try {
    const sha = (await git.run(['rev-parse', '--verify', '--quiet', `${commit}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

async function hasFile(git: GitRunner, commit: string, path: string): Promise<boolean> {
  try {
    await git.run(['cat-file', '-e', `${commit}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

/** Where git's rename detection says `path` went between `from` and `to` (the working tree when empty). */
async function renamedTo(git: GitRunner, from: string, to: readonly string[], path: string): Promise<string | undefined> {
  let out: string;
  try {
    out = await git.run(['diff', '--no-color', '--no-ext-diff', '--find-renames', '--name-status', '-z', '--diff-filter=R', from, ...to]);
  } catch {
    return undefined;
  }
  // -z: "R<score>\0<old>\0<new>\0" per rename.
  const fields = out.split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (fields[i]?.startsWith('R') === true && fields[i + 1] === path) return fields[i + 2];
  }
  return undefined;
}

/**
 * git's map of every file changed between two commits, from one whole-tree diff (the benchmark
 * maps thousands of anchors; one git run per pair of commits instead of one per file). Keyed by
 * the path at `from`; files git can't name plainly (quoted paths) are left out.
 */
export async function gitLineMapsBetween(git: GitRunner, from: string, to: string): Promise<Map<string, GitLineMap>> {
  const diff = await git.run(['diff', ...DIFF_OPTIONS, '--src-prefix=a/', '--dst-prefix=b/', from, to]);
  return parseDiffFiles(diff);
}

/** Splits a whole-tree `-U0` diff into each file's map (renames followed, deletions as `fileGone`). */
export function parseDiffFiles(diff: string): Map<string, GitLineMap> {
  const maps = new Map<string, GitLineMap>();
  for (const section of diff.split(/^(?=diff --git )/m)) {
    if (!section.startsWith('diff --git ')) continue;
    const header = section.slice(0, section.search(/^@@ /m) === -1 ? section.length : section.search(/^@@ /m));
    const renameFrom = /^rename from (.+)$/m.exec(header)?.[1];
    const renameTo = /^rename to (.+)$/m.exec(header)?.[1];
    const minus = /^--- (?:a\/(.+)|\/dev\/null)$/m.exec(header);
    const plus = /^\+\+\+ (?:b\/(.+)|\/dev\/null)$/m.exec(header);
    const oldPath = renameFrom ?? minus?.[1];
    if (oldPath === undefined || oldPath.startsWith('"')) continue;
    if (plus && plus[1] === undefined) {
      maps.set(oldPath, { kind: 'fileGone' });
      continue;
    }
    const newPath = renameTo ?? plus?.[1] ?? oldPath;
    maps.set(oldPath, { kind: 'mapped', path: newPath, hunks: parseUnifiedHunks(section) });
  }
  return maps;
}
