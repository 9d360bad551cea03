import { hashNormalized, normalizeLine } from '../../protocol/anchorContext';
import { FREQUENT, isRedacted, matchesRedacted, nearest, OCCURRENCES_PER_LINE, relocate, weightOf, type LineIndex, type RecordedBlock, type Relocation } from './relocate';

/**
 * Text relocation for anchors that carry the hashes of the lines around them (`around`, recorded
 * when the blocker was posted): the block and its neighbours form one window, which is aligned
 * against the current text the way a diff would (lines equal or not, in order), at the few
 * offsets the window's telling lines vote for. The best alignment decides:
 *  - it matched some of the block's telling lines: the block is there (a look-alike matches the
 *    block but not its neighbours, so the block's own place wins);
 *  - it matched the neighbours but none of the block's telling lines: the block was deleted
 *    from between them, whatever look-alike exists elsewhere: lost;
 *  - two places nearly as good and apart: nobody can tell which: lost.
 * Anchors without `around` (older markers) keep the plain relocation (relocate.ts).
 */

/** Current lines considered on each side of the window's expected place (code inserted inside it). */
const SLACK = 24;
/** Offsets (current place − recorded place) aligned per anchor, the best-voted first. */
const MAX_OFFSETS = 8;
/** Alignments scoring within this (in telling lines) of each other are a tie. */
const TIE = 1;
/** A block is found with fewer than this share of its telling lines only where this share of its neighbours is. */
const MIN_TELLING_SHARE = 0.3;
const MIN_NEIGHBOUR_SHARE = 0.5;

/** `relocate`, using the lines around the block when the anchor recorded them. */
export function relocateBlock(index: LineIndex, block: RecordedBlock): Relocation {
  const around = block.around;
  if (!around || ![...around.before, ...around.after].some((h) => h !== '')) return relocate(index, block);
  return relocateAround(index, block, around.before, around.after);
}

interface WindowLine {
  /** The line's hash ('' = nothing to compare: withheld or redacted). */
  readonly hash: string;
  /** Index in the block, or -1 for a neighbour. */
  readonly blockLine: number;
  /** How much matching it counts (lines frequent in the file count little). */
  readonly weight: number;
  /** A block line that can place the block at all (not blank, a brace or redacted), however frequent. */
  readonly telling: boolean;
  /** The block's redacted line (matches any line with the same text around its marks). */
  readonly redacted?: string;
}

interface Alignment {
  readonly score: number;
  /** The block's telling lines matched. */
  readonly telling: number;
  /** Where the block is in this alignment, when any of its lines matched. */
  readonly startLine?: number;
  readonly endLine?: number;
  readonly exact: boolean;
  readonly blockWeight: number;
}

function relocateAround(index: LineIndex, block: RecordedBlock, before: readonly string[], after: readonly string[]): Relocation {
  const { hashes, occurrences } = index.hashed();
  const n = block.lines.length;
  if (n === 0) return { kind: 'lost' };
  const frequencyWeight = (hash: string): number => (hash === '' ? 0 : (occurrences.get(hash)?.length ?? 0) > FREQUENT ? 0.25 : 1);
  const window: WindowLine[] = [
    ...before.map((hash) => ({ hash, blockLine: -1, weight: frequencyWeight(hash), telling: false })),
    ...block.lines.map((line, i) => {
      const normalized = normalizeLine(line);
      if (isRedacted(normalized)) return { hash: '', blockLine: i, weight: 0, telling: false, redacted: normalized };
      return { hash: hashNormalized(normalized), blockLine: i, weight: weightOf(normalized, index), telling: weightOf(normalized) >= 1 };
    }),
    ...after.map((hash) => ({ hash, blockLine: -1, weight: frequencyWeight(hash), telling: false })),
  ];
  if (!window.some((w) => w.telling)) return relocate(index, block);
  // Window line k was at current line `first + k` when recorded.
  const first = block.startLine - before.length;

  const votes = new Map<number, number>([[0, 0]]);
  window.forEach((line, k) => {
    if (line.weight < 1) return;
    const places = occurrences.get(line.hash);
    if (places) for (const place of nearest(places, first + k, OCCURRENCES_PER_LINE)) votes.set(place - first - k, (votes.get(place - first - k) ?? 0) + 1);
  });
  const offsets = [...votes].sort((a, b) => b[1] - a[1] || Math.abs(a[0]) - Math.abs(b[0])).slice(0, MAX_OFFSETS).map(([offset]) => offset);

  const alignments: Alignment[] = [];
  const seen = new Set<string>();
  for (const offset of offsets) {
    const from = Math.max(0, first + offset - SLACK);
    const to = Math.min(index.lineCount, first + offset + window.length + SLACK);
    if (to <= from) continue;
    const found = align(window, hashes, index.normalized, from, to);
    const key = `${found.startLine ?? 'none'}:${found.score}`;
    if (!seen.has(key)) {
      seen.add(key);
      alignments.push(found);
    }
  }
  alignments.sort((a, b) => b.score - a.score);
  const best = alignments[0];
  if (!best || best.telling === 0 || best.startLine === undefined || best.endLine === undefined) return { kind: 'lost' };
  // Few of the block's telling lines, and its neighbours mostly gone: a stray line of it survived
  // a rewrite (git calls such a block deleted), or it is a look-alike.
  const tellingTotal = window.filter((w) => w.telling).length;
  const neighbours = window.filter((w) => w.blockLine < 0).reduce((sum, w) => sum + w.weight, 0);
  if (best.telling < MIN_TELLING_SHARE * tellingTotal && best.score - best.blockWeight < MIN_NEIGHBOUR_SHARE * neighbours) return { kind: 'lost' };
  const overlaps = (a: Alignment): boolean => a.startLine !== undefined && a.endLine !== undefined && a.startLine <= best.endLine! && a.endLine >= best.startLine!;
  // A place nearly as good elsewhere (or the block's neighbours without it, elsewhere): a guess.
  if (alignments.some((a) => a !== best && a.score > best.score - TIE && !overlaps(a))) return { kind: 'lost' };
  const total = window.reduce((sum, w) => sum + w.weight, 0);
  return { kind: 'found', startLine: best.startLine, endLine: best.endLine, exact: best.exact, confidence: Math.min(1, best.score / total) };
}

/**
 * The heaviest in-order matching of the window's lines to current lines [from, to) (lines equal
 * or not, as a diff compares them), and where it puts the block.
 */
function align(window: readonly WindowLine[], hashes: readonly string[], normalized: readonly string[], from: number, to: number): Alignment {
  const rows = window.length;
  const cols = to - from + 1;
  const dp = new Float64Array((rows + 1) * cols);
  const same = (k: number, j: number): boolean => {
    const line = window[k]!;
    if (line.redacted !== undefined) return matchesRedacted(line.redacted, normalized[from + j]!);
    return line.hash !== '' && line.hash === hashes[from + j];
  };
  for (let i = 1; i <= rows; i++) {
    const weight = window[i - 1]!.weight;
    for (let j = 1; j < cols; j++) {
      let v = Math.max(dp[(i - 1) * cols + j]!, dp[i * cols + j - 1]!);
      if (same(i - 1, j - 1)) v = Math.max(v, dp[(i - 1) * cols + j - 1]! + weight + 1e-6);
      dp[i * cols + j] = v;
    }
  }
  let i = rows;
  let j = cols - 1;
  let telling = 0;
  let firstMatch: [number, number] | undefined;
  let lastMatch: [number, number] | undefined;
  let matchedBlock = 0;
  let blockWeight = 0;
  while (i > 0 && j > 0) {
    const here = dp[i * cols + j]!;
    if (here === dp[(i - 1) * cols + j]!) i--;
    else if (here === dp[i * cols + j - 1]!) j--;
    else {
      const line = window[i - 1]!;
      if (line.blockLine >= 0) {
        matchedBlock++;
        blockWeight += line.weight;
        if (line.telling) telling++;
        lastMatch ??= [line.blockLine, from + j - 1];
        firstMatch = [line.blockLine, from + j - 1];
      }
      i--;
      j--;
    }
  }
  const score = dp[rows * cols + cols - 1]!;
  if (!firstMatch || !lastMatch) return { score, telling: 0, exact: false, blockWeight };
  const n = window.filter((w) => w.blockLine >= 0).length;
  const startLine = Math.max(0, firstMatch[1] - firstMatch[0]);
  const endLine = Math.max(startLine, Math.min(normalized.length - 1, lastMatch[1] + (n - 1 - lastMatch[0])));
  return { score, telling, startLine, endLine, exact: matchedBlock === n && lastMatch[1] - firstMatch[1] === n - 1, blockWeight };
}
