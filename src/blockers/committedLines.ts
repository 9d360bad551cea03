import { diffArrays } from 'diff';

/**
 * Where the asked-about lines are in a commit. A permalink shows the commit's file, so it is offered
 * only when every selected line is there unchanged and in one piece (no lines added or removed in
 * between); local changes elsewhere in the file just shift the line numbers. Pure.
 */

export interface LineSpan {
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
}

/** What `pushedLines` needs of a repository (`WorkspaceRepository`). */
export interface CommitSource {
  isPushed(commit: string): Promise<boolean>;
  /** The file at `commit` (path relative to the root, with `/`), or undefined when the commit has no such file. */
  fileAt(commit: string, path: string): Promise<string | undefined>;
}

/**
 * The lines to link at `commit`: only when the commit is on a remote, has the file, and the selected
 * lines of `current` (the editor's text, saved or not) are unchanged in it.
 */
export async function pushedLines(repo: CommitSource, commit: string, path: string, current: string, span: LineSpan): Promise<LineSpan | undefined> {
  const [pushed, committed] = await Promise.all([repo.isPushed(commit), repo.fileAt(commit, path)]);
  return pushed && committed !== undefined ? committedLines(committed, current, span) : undefined;
}

/** Lines [startLine, endLine] of `current` as lines of `committed`, or undefined when they differ there. */
export function committedLines(committed: string, current: string, span: LineSpan): LineSpan | undefined {
  const before = splitLines(committed);
  const after = splitLines(current);
  if (span.startLine < 1 || span.endLine < span.startLine || span.endLine > after.length) return undefined;
  // For each current line (0-based index) the committed line it is unchanged from.
  const toCommitted = new Map<number, number>();
  let oldIndex = 0;
  let newIndex = 0;
  for (const change of diffArrays(before, after)) {
    const count = change.value.length;
    if (change.added) newIndex += count;
    else if (change.removed) oldIndex += count;
    else {
      for (let i = 0; i < count; i++) toCommitted.set(newIndex + i, oldIndex + i);
      oldIndex += count;
      newIndex += count;
    }
  }
  const first = toCommitted.get(span.startLine - 1);
  if (first === undefined) return undefined;
  for (let line = span.startLine; line <= span.endLine; line++) {
    if (toCommitted.get(line - 1) !== first + (line - span.startLine)) return undefined;
  }
  return { startLine: first + 1, endLine: first + 1 + span.endLine - span.startLine };
}

/** Lines without their endings; a final line ending does not start another line. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
