/**
 * Finds where a recorded block of lines is in the current text of a file, by text alone: the
 * fallback when git can't map the anchor's commit (see gitLineMap.ts). Pure and editor-free.
 * It never guesses:
 *  1. the whole block, exactly (whitespace-normalized), where it was; else its one exact copy
 *     (several copies none of which is where it was: lost);
 *  2. the best fuzzy match — recorded lines aligned to the current lines by per-line similarity
 *     (lines may be edited a little, inserted or deleted inside) — above a confidence threshold,
 *     with at least one telling line unchanged; a look-alike nearly as good elsewhere makes it a
 *     tie, which the original region wins, or else nobody does;
 *  3. otherwise `lost`: the caller must not show the anchor at a guessed place.
 *
 * Speed matters (CodeLens for 1,000 anchors in one file): `indexLines` is built once per
 * document version and maps each normalized line to where it occurs, so exact matching is a
 * lookup of the block's rarest line plus a check of the few places it occurs.
 */

import { hashNormalized, normalizeLine, type Around } from '../../protocol/anchorContext';
import { REDACTION_MARK_PATTERN, isRedactedText } from '../../protocol/redactionMark';

export { normalizeLine };
import { editDistance } from '../../team/editDistance';
import { escapeRegExp } from '../../protocol/textEscapes';

export interface LineIndex {
  readonly lineCount: number;
  /** Whitespace-normalized lines. */
  readonly normalized: readonly string[];
  /** Normalized line → the 0-based lines where it occurs, ascending. */
  readonly occurrences: ReadonlyMap<string, readonly number[]>;
  /** Each line's hash (see anchorContext.ts) and where each hash occurs: built on first use. */
  readonly hashed: () => HashedLines;
}

export interface HashedLines {
  readonly hashes: readonly string[];
  readonly occurrences: ReadonlyMap<string, readonly number[]>;
}

export interface RecordedBlock {
  /** 0-based line where the block started when it was recorded. */
  readonly startLine: number;
  readonly lines: readonly string[];
  /** Hashes of the lines around the block when it was recorded (newer markers): see relocateAround.ts. */
  readonly around?: Around;
}

export type Relocation =
  | { readonly kind: 'found'; readonly startLine: number; readonly endLine: number; readonly exact: boolean; readonly confidence: number }
  | { readonly kind: 'lost' };

/** Below this the block is reported as moved rather than shown somewhere it may not be. */
export const CONFIDENCE_THRESHOLD = 0.65;
/** A recorded line counts as matched by a current line only from this similarity on. */
const LINE_MATCH_MIN = 0.5;
/** Fuzzy search: how many occurrences of each recorded line (nearest first) seed candidate positions. */
const OCCURRENCES_PER_LINE = 12;
/** Fuzzy search: at most this many of the best-voted candidate starts (nearest the origin first) are aligned. */
const MAX_VOTED_STARTS = 8;
/** Fuzzy search also tries these offsets around the original position (everything edited slightly). */
const NEARBY = 6;
/** Two places whose scores differ by less than this are a tie: nobody can tell which one it is. */
const AMBIGUITY_MARGIN = 0.1;
/** A line occurring more often than this in the file is boilerplate: it barely places a block. */
export const FREQUENT = 3;
/** Longest block scored line by line; longer blocks are scored on their first lines. */
const MAX_FUZZY_LINES = 60;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}


export function indexLines(lines: readonly string[]): LineIndex {
  const normalized = lines.map(normalizeLine);
  const occurrences = new Map<string, number[]>();
  for (let i = 0; i < normalized.length; i++) {
    const key = normalized[i]!;
    const list = occurrences.get(key);
    if (list) list.push(i);
    else occurrences.set(key, [i]);
  }
  let hashed: HashedLines | undefined;
  return { lineCount: lines.length, normalized, occurrences, hashed: () => (hashed ??= hashLines(normalized)) };
}

function hashLines(normalized: readonly string[]): HashedLines {
  const hashes = normalized.map(hashNormalized);
  const occurrences = new Map<string, number[]>();
  hashes.forEach((hash, i) => {
    const list = occurrences.get(hash);
    if (list) list.push(i);
    else occurrences.set(hash, [i]);
  });
  return { hashes, occurrences };
}

export function relocate(index: LineIndex, block: RecordedBlock): Relocation {
  const recorded = block.lines.map(normalizeLine);
  const origin = block.startLine;
  if (recorded.length === 0 || recorded.every((l) => l === '')) return { kind: 'lost' };
  const exactAt = (start: number): Relocation => ({ kind: 'found', startLine: start, endLine: start + recorded.length - 1, exact: true, confidence: 1 });
  // Ties go to the original position: unchanged where it was is where it is.
  if (matchesAt(index, recorded, origin)) return exactAt(origin);
  const weights = recorded.map((line) => weightOf(line, index));
  const exact = exactPlaces(index, recorded);
  // Nothing in the block says where it is (blank lines, braces, redacted or everywhere-lines): only
  // a single exact place (the text around each redaction mark matching too) is no guess.
  if (!weights.some((w) => w >= 1)) return exact.length === 1 && exact[0] !== undefined && recorded.some(isRedacted) ? exactAt(exact[0]) : { kind: 'lost' };
  if (exact.length > 1) return { kind: 'lost' }; // several identical copies, none where it was: a guess
  const only = exact[0];
  if (only !== undefined) {
    // An identical copy elsewhere competes with an edited block still where it was (repetitive code).
    const here = originScore(index, recorded, weights, origin);
    return here !== undefined && here >= 1 - AMBIGUITY_MARGIN && Math.abs(only - origin) >= recorded.length ? { kind: 'lost' } : exactAt(only);
  }
  return findFuzzy(index, recorded.slice(0, MAX_FUZZY_LINES), weights.slice(0, MAX_FUZZY_LINES), origin);
}

/** Every start where the whole block occurs (whitespace-normalized), at most a few. */
function exactPlaces(index: LineIndex, recorded: readonly string[]): number[] {
  const n = recorded.length;
  // Key on the rarest non-blank recorded line: fewest places to check.
  let keyOffset = -1;
  let keyPlaces: readonly number[] | undefined;
  for (let i = 0; i < n; i++) {
    const line = recorded[i]!;
    if (line === '' || isRedacted(line)) continue;
    const places = index.occurrences.get(line);
    if (!places) return []; // a line that occurs nowhere: no exact match anywhere
    if (!keyPlaces || places.length < keyPlaces.length) {
      keyPlaces = places;
      keyOffset = i;
    }
  }
  const found: number[] = [];
  if (keyPlaces === undefined) {
    // Every line blank or redacted: no line to key on, so try each start (rare, and bounded by the file).
    for (let start = 0; start + n <= index.lineCount && found.length < 2; start++) if (matchesAt(index, recorded, start)) found.push(start);
    return recorded.some((l) => l !== '') ? found : [];
  }
  for (const place of keyPlaces) {
    if (matchesAt(index, recorded, place - keyOffset)) found.push(place - keyOffset);
    if (found.length > 1) break;
  }
  return found;
}

/** How well the lines where the block was still match it, when at least one telling line is unchanged there. */
function originScore(index: LineIndex, recorded: readonly string[], weights: readonly number[], origin: number): number | undefined {
  const same = recorded.some((line, i) => weights[i]! >= 1 && index.normalized[origin + i] === line);
  if (!same) return undefined;
  const n = recorded.length;
  const sim = (r: number, d: number): number => lineSimilarity(recorded[r]!, index.normalized[d]!);
  const found = align(n, Math.max(0, origin - 2), Math.min(index.lineCount, origin + n + 2), weights, sim, index.normalized);
  return found && found.score / weights.reduce((a, b) => a + b, 0);
}

function matchesAt(index: LineIndex, recorded: readonly string[], start: number): boolean {
  if (start < 0 || start + recorded.length > index.lineCount) return false;
  for (let i = 0; i < recorded.length; i++) {
    const line = recorded[i]!;
    const current = index.normalized[start + i]!;
    // A redaction mark stands for the secret that was never sent: the text around it must still match.
    if (current !== line && !(isRedacted(line) && matchesRedacted(line, current))) return false;
  }
  return true;
}

/** How many of `line`'s characters are [A-Za-z0-9_], counting up to `enough` (hot: every anchored line). */
function wordCharacters(line: string, enough: number): number {
  let count = 0;
  for (let i = 0; i < line.length && count < enough; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) count++;
  }
  return count;
}

/** A line whose secret was replaced by a redaction mark before posting: its text is not the code's. */
export function isRedacted(line: string): boolean {
  return isRedactedText(line);
}

/**
 * How much a line tells where the block is: blank and near-empty lines (`}`, `end`), lines that
 * are everywhere in the file (`expect(x).toBe(true);` in tests, boilerplate, table rows) and
 * redacted lines (a secret replaced by a mark before posting) say little.
 */
export function weightOf(line: string, index?: LineIndex): number {
  if (isRedacted(line)) return 0;
  if (wordCharacters(line, 3) < 3) return 0.25;
  return (index?.occurrences.get(line)?.length ?? 0) > FREQUENT ? 0.25 : 1;
}

function findFuzzy(index: LineIndex, recorded: readonly string[], weights: readonly number[], origin: number): Relocation {
  const n = recorded.length;
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const starts = new Set<number>();
  // A start with fewer votes than the best but one cannot outscore it, so only the best-voted
  // starts are aligned (the alignment is the expensive part).
  const votes = voteStarts(recorded.map((line, i) => (weights[i]! >= 1 ? line : undefined)), index.occurrences, origin);
  const mostVotes = Math.max(0, ...votes.values());
  const voted = [...votes].filter(([, v]) => v >= mostVotes - 1).map(([start]) => start);
  voted.sort((a, b) => Math.abs(a - origin) - Math.abs(b - origin));
  for (const start of voted.slice(0, MAX_VOTED_STARTS)) starts.add(start);
  // Fewer than two unchanged lines agreeing: the block may be edited throughout, so also try near where it was.
  if (mostVotes < 2) for (let d = -NEARBY; d <= NEARBY; d++) starts.add(origin + d);

  const simCache = new Map<number, number>();
  const sim = (recordedLine: number, docLine: number): number => {
    const key = docLine * n + recordedLine;
    let value = simCache.get(key);
    if (value === undefined) {
      value = lineSimilarity(recorded[recordedLine]!, index.normalized[docLine]!);
      simCache.set(key, value);
    }
    return value;
  };

  const candidates: { start: number; end: number; score: number; telling: number }[] = [];
  for (const start of starts) {
    const from = Math.max(0, start - 2);
    const to = Math.min(index.lineCount, start + n + 2);
    if (to <= from) continue;
    const found = align(n, from, to, weights, sim, index.normalized);
    if (found) candidates.push({ ...found, score: found.score / totalWeight });
  }
  // A block whose telling lines are all gone is lost, whatever its braces and blank lines match.
  const sure = candidates.filter((c) => c.score >= CONFIDENCE_THRESHOLD && c.telling > 0);
  sure.sort((a, b) => b.score - a.score || Math.abs(a.start - origin) - Math.abs(b.start - origin));
  const best = sure[0];
  if (!best) return { kind: 'lost' };
  // A look-alike elsewhere nearly as good: the original region wins the tie, else nobody can tell.
  const rivals = sure.filter((c) => c.score >= best.score - AMBIGUITY_MARGIN && (c.end < best.start || c.start > best.end));
  if (rivals.length > 0) {
    const where = [best, ...rivals].filter((c) => c.start <= origin + n - 1 && c.end >= origin);
    if (where.length !== 1) return { kind: 'lost' };
    const chosen = where[0]!;
    return { kind: 'found', startLine: chosen.start, endLine: chosen.end, exact: false, confidence: chosen.score };
  }
  return { kind: 'found', startLine: best.start, endLine: best.end, exact: false, confidence: best.score };
}

/**
 * The one voting loop of text relocation: each line of a recorded window that can place it (a key;
 * `undefined` = can't) votes for the window start its occurrences imply, its occurrences nearest
 * where it was (`expectedStart` + its offset) first. Where the window really is, all its unchanged
 * lines agree. Returns start → votes.
 */
export function voteStarts(keys: readonly (string | undefined)[], occurrences: ReadonlyMap<string, readonly number[]>, expectedStart: number): Map<number, number> {
  const votes = new Map<number, number>();
  keys.forEach((key, k) => {
    if (key === undefined) return;
    const places = occurrences.get(key);
    if (places) for (const place of nearest(places, expectedStart + k, OCCURRENCES_PER_LINE)) votes.set(place - k, (votes.get(place - k) ?? 0) + 1);
  });
  return votes;
}

/** Up to `count` entries of the ascending `places` closest to `target`. */
function nearest(places: readonly number[], target: number, count: number): number[] {
  if (places.length <= count) return [...places];
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  let left = lo - 1;
  let right = lo;
  while (out.length < count && (left >= 0 || right < places.length)) {
    const takeLeft = right >= places.length || (left >= 0 && target - places[left]! <= places[right]! - target);
    out.push(takeLeft ? places[left--]! : places[right++]!);
  }
  return out;
}

/**
 * Aligns the recorded lines with current lines [from, to) (an LCS where a pair scores its
 * similarity): recorded lines may go unmatched (deleted or rewritten), current lines may be
 * skipped (inserted) but cost a little when they fall inside the matched span.
 */
function align(
  n: number,
  from: number,
  to: number,
  weights: readonly number[],
  sim: (recordedLine: number, docLine: number) => number,
  normalized: readonly string[],
): { start: number; end: number; score: number; telling: number } | undefined {
  const w = to - from;
  const cols = w + 1;
  const dp = new Float64Array((n + 1) * cols);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= w; j++) {
      let v = Math.max(dp[(i - 1) * cols + j]!, dp[i * cols + j - 1]!);
      const s = sim(i - 1, from + j - 1);
      if (s >= LINE_MATCH_MIN) v = Math.max(v, dp[(i - 1) * cols + j - 1]! + credit(s) * weights[i - 1]!);
      dp[i * cols + j] = v;
    }
  }
  // Trace back the matched pairs.
  let i = n;
  let j = w;
  let first: [number, number] | undefined;
  let last: [number, number] | undefined;
  const matched = new Set<number>();
  let telling = 0;
  while (i > 0 && j > 0) {
    const here = dp[i * cols + j]!;
    if (here === dp[(i - 1) * cols + j]!) i--;
    else if (here === dp[i * cols + j - 1]!) j--;
    else {
      if (weights[i - 1]! >= 1 && sim(i - 1, from + j - 1) >= 1) telling++;
      last ??= [i - 1, from + j - 1];
      first = [i - 1, from + j - 1];
      matched.add(from + j - 1);
      i--;
      j--;
    }
  }
  if (!first || !last) return undefined;
  let score = dp[n * cols + w]!;
  // Lines inserted inside the block lower confidence (blank ones barely).
  for (let line = first[1] + 1; line < last[1]; line++) {
    if (!matched.has(line)) score -= normalized[line] === '' ? 0.05 : 0.25;
  }
  const start = Math.max(0, first[1] - first[0]);
  const end = Math.max(start, Math.min(normalized.length - 1, last[1] + (n - 1 - last[0])));
  return { start, end, score, telling };
}

/**
 * What a matched pair adds to the score: an identical line counts fully, an edited one much less
 * (in repetitive code many lines look 80 % alike; only identical lines really place a block).
 */
function credit(similarity: number): number {
  return similarity >= 1 ? 1 : (0.9 * (similarity - LINE_MATCH_MIN)) / (1 - LINE_MATCH_MIN);
}

/**
 * Similarity of two normalized lines in [0, 1]: edit distance on short lines, bigram overlap on long
 * ones. A recorded line with a redaction mark (the secret was never sent) matches any current line
 * that has the same text around the mark.
 */
export function lineSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (isRedactedText(a) && matchesRedacted(a, b)) return 1;
  if (a === '' || b === '') return 0;
  const longer = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  if (shorter / longer < LINE_MATCH_MIN) return shorter / longer / 2; // too different to match anyway
  if (longer > 160) return bigramDice(a, b);
  return 1 - editDistance(a, b) / longer;
}

export function matchesRedacted(recorded: string, current: string): boolean {
  const parts = recorded.split(REDACTION_MARK_PATTERN).map(escapeRegExp);
  return new RegExp(`^${parts.join('.+')}$`, 's').test(current);
}


function bigramDice(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
