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
export function mapLine(hunks: Hunks, line: number, from = 0): number | undefined {
  let delta = 0;
  for (let k = from; k < hunks.length; k++) {
    const h = hunks[k]!;
    if (line < h.oldStart) break;
    if (line < h.oldStart + h.oldCount) return undefined;
    delta += h.newCount - h.oldCount;
  }
  return line + delta;
}

/** Where an old line would be in the new version even when it was rewritten: the rewrite's own line. */
function nearLine(hunks: Hunks, line: number, edge: 'start' | 'end', from = 0, skipped = 0): number {
  // `skipped`: the line delta of hunks [0, from), which end above `line`.
  let delta = skipped;
  for (let k = from; k < hunks.length; k++) {
    const h = hunks[k]!;
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
  // Hot (every anchor on every edit): each step skips the hunks above the block once, then maps
  // the block's lines from there, instead of walking every hunk from the top for every line.
  const at: (number | undefined)[] = [];
  for (let line = startLine; line <= endLine; line++) at.push(line);
  let start = startLine;
  let end = endLine;
  for (const hunks of steps) {
    if (hunks.length === 0) continue;
    let first = Math.min(start, end);
    for (const line of at) if (line !== undefined && line < first) first = line;
    let from = 0;
    let delta = 0;
    while (from < hunks.length && hunks[from]!.oldStart + hunks[from]!.oldCount <= first) {
      delta += hunks[from]!.newCount - hunks[from]!.oldCount;
      from++;
    }
    for (let i = 0; i < at.length; i++) {
      const line = at[i];
      if (line !== undefined) at[i] = shifted(mapLine(hunks, line, from), delta);
    }
    start = nearLine(hunks, start, 'start', from, delta);
    end = nearLine(hunks, end, 'end', from, delta);
  }
  let kept = 0;
  let keptDistinctive = 0;
  const anyDistinctive = distinctive.some(Boolean);
  at.forEach((line, i) => {
    if (line === undefined) return;
    kept++;
    if (distinctive[i] !== false) keptDistinctive++;
  });
  if (kept === 0 || (anyDistinctive && keptDistinctive === 0)) return { kind: 'deleted' };
  return { kind: 'mapped', startLine: start, endLine: Math.max(start, end), kept };
}

function shifted(line: number | undefined, delta: number): number | undefined {
  return line === undefined ? undefined : line + delta;
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

/**
 * The hunks between two texts' lines (the open document's unsaved edits over the saved file).
 * Lines that occur once in each text and in the same order pin the two together (as git's
 * patience diff does), so the Myers diff only runs on the short stretches between them: a few
 * scattered edits in a 10,000-line file cost milliseconds, not a diff of the whole file.
 */
export function diffLines(oldLines: readonly string[], newLines: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [o, n] of uniquePins(oldLines, newLines)) {
    diffStretch(oldLines, newLines, oldAt, o, newAt, n, hunks);
    oldAt = o + 1;
    newAt = n + 1;
  }
  diffStretch(oldLines, newLines, oldAt, oldLines.length, newAt, newLines.length, hunks);
  return hunks;
}

/** Pairs (old, new) of lines unique in both texts, the longest run in the same order. */
function uniquePins(oldLines: readonly string[], newLines: readonly string[]): [number, number][] {
  const count = new Map<string, { old: number; neu: number; oldAt: number; newAt: number }>();
  oldLines.forEach((line, i) => {
    const c = count.get(line);
    if (c) c.old++;
    else count.set(line, { old: 1, neu: 0, oldAt: i, newAt: -1 });
  });
  newLines.forEach((line, i) => {
    const c = count.get(line);
    if (c) {
      c.neu++;
      c.newAt = i;
    }
  });
  const pairs: [number, number][] = [];
  for (const c of count.values()) if (c.old === 1 && c.neu === 1) pairs.push([c.oldAt, c.newAt]);
  pairs.sort((a, b) => a[0] - b[0]);
  // Longest increasing subsequence of the new positions (patience sorting).
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const value = pairs[i]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: [number, number][] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.push(pairs[i]!);
  return out.reverse();
}

/** Appends the hunks between old [oldFrom, oldTo) and new [newFrom, newTo). */
export function diffStretch(oldLines: readonly string[], newLines: readonly string[], oldFrom: number, oldTo: number, newFrom: number, newTo: number, hunks: Hunk[]): void {
  // Common head and tail first: an edit is usually one place, and the diff then only sees that.
  while (oldFrom < oldTo && newFrom < newTo && oldLines[oldFrom] === newLines[newFrom]) {
    oldFrom++;
    newFrom++;
  }
  while (oldTo > oldFrom && newTo > newFrom && oldLines[oldTo - 1] === newLines[newTo - 1]) {
    oldTo--;
    newTo--;
  }
  if (oldFrom === oldTo && newFrom === newTo) return;
  if (oldFrom === oldTo || newFrom === newTo) {
    hunks.push({ oldStart: oldFrom, oldCount: oldTo - oldFrom, newStart: newFrom, newCount: newTo - newFrom });
    return;
  }
  let old = oldFrom;
  let neu = newFrom;
  let pending: { oldStart: number; oldCount: number; newStart: number; newCount: number } | undefined;
  for (const part of diffArrays(oldLines.slice(oldFrom, oldTo), newLines.slice(newFrom, newTo))) {
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
}
