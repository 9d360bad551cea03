import { diffLines, diffStretch, type Hunk, type Hunks } from '../../protocol/lineMap';

/**
 * Where the saved file's lines are in an open document, kept up to date edit by edit: the
 * document's unsaved edits as hunks (saved file → document). The first placement diffs the whole
 * document once (`diffLines`); after that each change re-diffs only the lines it touched, widened
 * to the hunks it meets, and shifts the hunks below it by its line delta. So typing above an
 * anchored block moves the block, typing inside it re-checks just those lines, and an undo that
 * restores the saved text leaves no hunk at all. Pure and editor-free.
 */

/** One incremental change, in the lines of the document just before it (0-based, inclusive). */
export interface LineChange {
  readonly startLine: number;
  readonly endLine: number;
  /** How many lines the replacement spans (1 + its line breaks). */
  readonly newLineCount: number;
}

/** The document's lines [from, to) just after the change (only the touched region is read). */
export type LinesAfter = (from: number, to: number) => readonly string[];

export class UnsavedEdits {
  private edits: Hunk[];

  /** `saved`: the file on disk; `current`: the document's lines now, at `version`. */
  constructor(
    private readonly saved: readonly string[],
    current: readonly string[],
    public version: number,
  ) {
    this.edits = diffLines(saved, current);
  }

  get hunks(): Hunks {
    return this.edits;
  }

  /** Applies one change (several in one event: one call each, in order). */
  apply(change: LineChange, linesAfter: LinesAfter, version: number): void {
    const delta = change.newLineCount - (change.endLine - change.startLine + 1);
    // The region of the document before the change that is re-diffed: the touched lines, widened
    // to every hunk they touch (a hunk's lines are only meaningful as a whole).
    let from = change.startLine;
    let to = change.endLine + 1;
    const before: Hunk[] = [];
    const after: Hunk[] = [];
    let shift = 0; // document line − saved line, just above the region
    for (const h of this.edits) {
      const hEnd = h.newStart + h.newCount;
      if (hEnd < from || (hEnd === from && h.newCount > 0)) {
        before.push(h);
        shift += h.newCount - h.oldCount;
      } else if (h.newStart > to) {
        after.push({ ...h, newStart: h.newStart + delta });
      } else {
        from = Math.min(from, h.newStart);
        to = Math.max(to, hEnd);
      }
    }
    const regionHunks = this.edits.length - before.length - after.length;
    const widenedBy = this.edits
      .slice(before.length, before.length + regionHunks)
      .reduce((sum, h) => sum + h.newCount - h.oldCount, 0);
    const savedFrom = from - shift;
    const savedTo = to - shift - widenedBy;
    const region = linesAfter(from, to + delta);
    const rediffed: Hunk[] = [];
    diffStretch(this.saved, region, savedFrom, savedTo, 0, region.length, rediffed);
    this.edits = [...before, ...rediffed.map((h) => ({ ...h, newStart: h.newStart + from })), ...after];
    this.version = version;
  }
}
