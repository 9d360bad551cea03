import { diffArrays } from 'diff';

/**
 * Where lines of one version of a file are in a later version, as a diff says: lines outside
 * every hunk are kept (shifted by the hunks above them); lines inside a hunk were deleted or
 * rewritten. Pure and editor-free.
 *
 * A hunk's starts are 0-based. A hunk with `oldCount` 0 inserts `newCount` lines before old line
 * `oldStart`; one with `newCount` 0 deletes old lines [oldStart, oldStart + oldCount).
 */
export interface Hunk {
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
}

/** Hunks ordered by `oldStart`, not overlapping. */
export type Hunks = readonly Hunk[];

/** Where an old line went: its new line, or undefined when a hunk deleted or rewrote it. */
export function mapLine(hunks: Hunks, line: number): number | undefined {
  let delta = 0;
  for (const h of hunks) {
    if (line < h.oldStart) break;
    if (line < h.oldStart + h.oldCount) return undefined;
    delta += h.newCount - h.oldCount;
  }
  return line + delta;
}

/** `mapLine` through successive diffs (commit → saved file → open document). */
export function mapLineThrough(steps: readonly Hunks[], line: number): number | undefined {
  let at: number | undefined = line;
  for (const hunks of steps) {
    if (at === undefined) return undefined;
    at = mapLine(hunks, at);
  }
  return at;
}

/** Where an old line would be in the new version even when it was rewritten: the rewrite's own line. */
function nearLine(hunks: Hunks, line: number, edge: 'start' | 'end'): number {
  let delta = 0;
  for (const h of hunks) {
    if (line < h.oldStart) break;
    if (line < h.oldStart + h.oldCount) {
      if (h.newCount === 0) return edge === 'start' ? h.newStart : h.newStart - 1;
      return h.newStart + Math.min(line - h.oldStart, h.newCount - 1);
    }
    delta += h.newCount - h.oldCount;
  }
  return line + delta;
}

export type BlockMapping =
  | { readonly kind: 'mapped'; readonly startLine: number; readonly endLine: number; readonly kept: number }
  | { readonly kind: 'deleted' };

/**
 * Maps a block [startLine, endLine] (0-based, inclusive) through successive diffs. `distinctive[i]` says whether line
 * `startLine + i` places the block (not blank, not a lone brace, not redacted): a block none of
 * whose distinctive lines survived is deleted, even if git matched a stray `}` of it elsewhere.
 */
export function mapBlock(steps: readonly Hunks[], startLine: number, endLine: number, distinctive: readonly boolean[]): BlockMapping {
  let kept = 0;
  let keptDistinctive = 0;
  const anyDistinctive = distinctive.some(Boolean);
  for (let line = startLine; line <= endLine; line++) {
    if (mapLineThrough(steps, line) === undefined) continue;
    kept++;
    if (distinctive[line - startLine] !== false) keptDistinctive++;
  }
  if (kept === 0 || (anyDistinctive && keptDistinctive === 0)) return { kind: 'deleted' };
  const start = steps.reduce((line, hunks) => nearLine(hunks, line, 'start'), startLine);
  const end = Math.max(start, steps.reduce((line, hunks) => nearLine(hunks, line, 'end'), endLine));
  return { kind: 'mapped', startLine: start, endLine: end, kept };
}

/** The hunks of `-U0` unified diff output (`@@ -a,b +c,d @@` headers; everything else ignored). */
export function parseUnifiedHunks(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const match of diff.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const oldCount = match[2] === undefined ? 1 : Number(match[2]);
    const newCount = match[4] === undefined ? 1 : Number(match[4]);
    // 1-based starts; a count of 0 names the line *after which* the change is.
    const oldStart = oldCount === 0 ? Number(match[1]) : Number(match[1]) - 1;
    const newStart = newCount === 0 ? Number(match[3]) : Number(match[3]) - 1;
    hunks.push({ oldStart, oldCount, newStart, newCount });
  }
  return hunks.sort((a, b) => a.oldStart - b.oldStart);
}

/** The hunks between two texts' lines (the open document's unsaved edits over the saved file). */
export function diffLines(oldLines: readonly string[], newLines: readonly string[]): Hunk[] {
  // Common head and tail first: an edit is usually one place, and the diff then only sees that.
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  const oldMid = oldLines.slice(head, oldLines.length - tail);
  const newMid = newLines.slice(head, newLines.length - tail);
  if (oldMid.length === 0 && newMid.length === 0) return [];
  if (oldMid.length === 0 || newMid.length === 0) return [{ oldStart: head, oldCount: oldMid.length, newStart: head, newCount: newMid.length }];
  const hunks: Hunk[] = [];
  let old = head;
  let neu = head;
  let pending: { oldStart: number; oldCount: number; newStart: number; newCount: number } | undefined;
  for (const part of diffArrays(oldMid, newMid)) {
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (pending) hunks.push(pending);
      pending = undefined;
      old += count;
      neu += count;
      continue;
    }
    pending ??= { oldStart: old, oldCount: 0, newStart: neu, newCount: 0 };
    if (part.removed) {
      pending.oldCount += count;
      old += count;
    } else {
      pending.newCount += count;
      neu += count;
    }
  }
  if (pending) hunks.push(pending);
  return hunks;
}
