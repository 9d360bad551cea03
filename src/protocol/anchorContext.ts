import * as z from 'zod/mini';

/**
 * The lines around an anchored block, recorded when a #Blocked request is posted so that the
 * text-only relocation (when the anchor's commit is not in the reader's repository) can tell the
 * block's own place from a look-alike, and notice that the block is gone from between its
 * neighbours. Only short hashes of the (whitespace-normalized) lines are posted: they place the
 * block without publishing code the asker never saw in the draft. A line in which the outgoing
 * guard found a secret is posted as '' (no evidence). No editor here: shared by the extension
 * (which records and posts) and the language server (which relocates).
 */

/** How many lines before and after the block are recorded. */
export const AROUND_LINES = 8;

const lineHashSchema = z.string().check(z.regex(/^(?:[0-9a-f]{8})?$/));

/** The hashes of the lines before and after the block, nearest last / first; '' = withheld. */
export const aroundSchema = z.strictObject({
  before: z.array(lineHashSchema).check(z.maxLength(AROUND_LINES)),
  after: z.array(lineHashSchema).check(z.maxLength(AROUND_LINES)),
});
export type Around = z.infer<typeof aroundSchema>;

/** The text of the lines around a block, as the editor had them (before the guard hashes them). */
export interface AroundText {
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** Trimmed, inner whitespace runs as one space: what relocation compares (indentation changes are not edits). */
export function normalizeLine(line: string): string {
  const trimmed = line.trim();
  // Most lines have no runs of whitespace inside: skip the replace (index building is hot).
  return /\s\s|[\t\f\v\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** 32-bit FNV-1a of an already normalized line, as 8 hex digits. */
export function hashNormalized(normalized: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) {
    h ^= normalized.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function lineHash(line: string): string {
  return hashNormalized(normalizeLine(line));
}

/** The lines around [startLine, endLine] (1-based, inclusive) of `lines`. */
export function aroundText(lines: readonly string[], startLine: number, endLine: number): AroundText {
  return {
    before: lines.slice(Math.max(0, startLine - 1 - AROUND_LINES), Math.max(0, startLine - 1)),
    after: lines.slice(endLine, endLine + AROUND_LINES),
  };
}
