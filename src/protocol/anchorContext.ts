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

/** Occurrence counts are capped here (one digit each in the marker): more is everywhere anyway. */
export const MAX_COUNT = 9;
/** The most block lines whose counts are recorded (the anchored text is capped near this too). */
const MAX_COUNTED_LINES = 4000;

/**
 * The hashes of the lines before and after the block, nearest last / first; '' = withheld. Newer
 * markers add how often each line of the window — the lines before, the block's, the lines after —
 * (`counts`, one digit per line) and the whole block
 * (`copies`) occurred in the file when it was asked about: a line that had look-alikes then, or
 * lost a copy since, can't tell one place from another (repetitive code). Unknown keys are
 * dropped, so a later field doesn't cost an older reader the rest.
 */
export const aroundSchema = z.object({
  before: z.array(lineHashSchema).check(z.maxLength(AROUND_LINES)),
  after: z.array(lineHashSchema).check(z.maxLength(AROUND_LINES)),
  counts: z.optional(z.string().check(z.maxLength(MAX_COUNTED_LINES), z.regex(/^[0-9]*$/))),
  copies: z.optional(z.int().check(z.gte(1), z.lte(MAX_COUNT))),
});
export type Around = z.infer<typeof aroundSchema>;

/** How often the block's lines, and the block as a whole, occurred in its file (see `aroundSchema`). */
export interface Repeats {
  readonly counts: string;
  readonly copies: number;
}

/** The text of the lines around a block, as the editor had them (before the guard hashes them). */
export interface AroundText extends Partial<Repeats> {
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

/** The lines around [startLine, endLine] (1-based, inclusive) of `lines`, and how often those and the block's lines occur in them. */
export function aroundText(lines: readonly string[], startLine: number, endLine: number): AroundText {
  const before = lines.slice(Math.max(0, startLine - 1 - AROUND_LINES), Math.max(0, startLine - 1));
  const after = lines.slice(endLine, endLine + AROUND_LINES);
  return { before, after, ...repeatsOf(lines, before.length, startLine, endLine, after.length) };
}

/**
 * How often each line of the window (`before` lines above the block [startLine, endLine], 1-based
 * inclusive, the block, `after` lines below) occurs in `lines`, and how often the whole block does
 * (normalized, capped at MAX_COUNT).
 */
function repeatsOf(lines: readonly string[], before: number, startLine: number, endLine: number, after: number): Repeats {
  const from = startLine - 1 - before;
  const window = lines.slice(from, Math.min(endLine + after, from + MAX_COUNTED_LINES)).map(normalizeLine);
  const block = lines.slice(startLine - 1, endLine).map(normalizeLine);
  const seen = new Map<string, number>(window.map((line) => [line, 0]));
  const starts: number[] = [];
  lines.forEach((line, i) => {
    const normalized = normalizeLine(line);
    const count = seen.get(normalized);
    if (count !== undefined) seen.set(normalized, count + 1);
    if (normalized === block[0]) starts.push(i);
  });
  const copies = starts.filter((at) => block.every((line, k) => normalizeLine(lines[at + k] ?? '\u0000') === line)).length;
  return { counts: window.map((line) => String(Math.min(MAX_COUNT, seen.get(line) ?? 1))).join(''), copies: Math.max(1, Math.min(MAX_COUNT, copies)) };
}
