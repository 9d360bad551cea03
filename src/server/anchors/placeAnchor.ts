import type { Anchor } from '../../protocol/lspProtocol';
import { mapBlock, type Hunks } from '../../protocol/lineMap';
import { isRedacted, normalizeLine, weightOf } from './relocate';

/**
 * Where an anchor is, and if nowhere, why: the one answer the CodeLens, the hover, "Open Code
 * Location" and the Blocked view share. Lines 0-based, inclusive.
 */
export type Placement =
  | { readonly kind: 'found'; readonly startLine: number; readonly endLine: number; readonly via: 'git' | 'text' }
  | { readonly kind: 'lost'; readonly reason: LostReason };

/**
 * `deleted`: git says the lines (or their file) were deleted since the commit. `changed`: no git
 * history to follow, and the text can't be found with confidence. `fileMissing`: the file is not
 * in the workspace, and git can't say what became of it.
 */
export type LostReason = 'deleted' | 'changed' | 'fileMissing';

/**
 * Whether the recorded lines are the file's lines at the commit. An anchor taken with uncommitted
 * edits names the commit it was based on but not its lines; git's map of that commit doesn't apply.
 * A redacted line (a secret replaced before posting) matches whatever was there.
 */
export function recordedAtCommit(anchor: Anchor, commitLines: readonly string[]): boolean {
  return anchor.lines.every((line, i) => isRedacted(line) || normalizeLine(line) === normalizeLine(commitLines[anchor.startLine - 1 + i] ?? '\u0000'));
}

/** Which recorded lines place the block (see `weightOf`): the rest can't make it survive alone. */
export function distinctiveLines(anchor: Anchor): readonly boolean[] {
  return anchor.lines.map((line) => weightOf(normalizeLine(line)) >= 1);
}

/**
 * The anchor's lines mapped through git's diff from its commit and then the open document's
 * unsaved edits (`steps`). `distinctive`: `distinctiveLines(anchor)`, which callers placing the same
 * anchor on every edit keep. Where git says the lines went is the answer; deleted lines are lost.
 */
export function placeByGit(anchor: Anchor, steps: readonly Hunks[], lineCount: number, distinctive = distinctiveLines(anchor)): Placement {
  const mapped = mapBlock(steps, anchor.startLine - 1, anchor.endLine - 1, distinctive);
  if (mapped.kind === 'deleted' || lineCount === 0) return { kind: 'lost', reason: 'deleted' };
  const last = lineCount - 1;
  const start = Math.min(mapped.startLine, last);
  return { kind: 'found', startLine: start, endLine: Math.max(start, Math.min(mapped.endLine, last)), via: 'git' };
}
