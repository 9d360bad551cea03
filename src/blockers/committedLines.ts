import { diffLines, mapLine } from '../protocol/lineMap';

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
  // For each current line (0-based) the committed line it is unchanged from: the one line mapping
  // the language server's anchors use too (lineMap.ts).
  const hunks = diffLines(after, before);
  const first = mapLine(hunks, span.startLine - 1);
  if (first === undefined) return undefined;
  for (let line = span.startLine; line <= span.endLine; line++) {
    if (mapLine(hunks, line - 1) !== first + (line - span.startLine)) return undefined;
  }
  return { startLine: first + 1, endLine: first + 1 + span.endLine - span.startLine };
}

/** Lines without their endings; a final line ending does not start another line. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
