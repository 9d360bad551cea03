import { hashNormalized, normalizeLine, type Around } from '../../protocol/anchorContext';
import { FREQUENT, isRedacted, matchesRedacted, relocate, voteStarts, weightOf, type LineIndex, type RecordedBlock, type Relocation } from './relocate';

/**
 * Text relocation for anchors that carry the hashes of the lines around them (`around`, recorded
 * when the blocker was posted): the block and its neighbours form one window, which is aligned
 * against the current text the way a diff would (lines equal or not, in order), at the few
 * offsets the window's telling lines vote for. The best alignment decides:
 *  - it matched some of the block's telling lines: the block is there (a look-alike matches the
 *    block but not its neighbours, so the block's own place wins);
 *  - it matched the neighbours but none of the block's telling lines: the block was deleted
 *    from between them, whatever look-alike exists elsewhere: lost;
 *  - two places nearly as good and apart (the best place other than the chosen one is always
 *    aligned too), or the block's telling lines split between two places: nobody can tell: lost;
 *  - ties go to the original position: the block unchanged where it was wins them.
 * Lines that can't tell copies apart weigh little: lines frequent in the file, and (newer markers
 * record how often each line occurred when posted) lines that had look-alikes then and lost some
 * since, and the lines of a block that had identical copies.
 * Anchors without `around` (older markers) keep the plain relocation (relocate.ts).
 */

/** Current lines considered on each side of the window's expected place (code inserted inside it). */
const SLACK = 24;
/** Offsets (current place − recorded place) aligned per anchor, the best-voted first. */
const MAX_OFFSETS = 8;
/** Alignments scoring within this (in telling lines) of each other are a tie. */
const TIE = 1;
/** An alternative with this share of the best score and telling lines the best lacks: the block was split. */
const SPLIT_SHARE = 0.5;
/** A block unchanged this close to where it was is still in its original region. */
const ORIGIN_REGION = 3;
/** What a break in the matched run costs (see `align`). */
const BREAK = 0.3;
/** A block is found with fewer than this share of its telling lines only where this share of its neighbours is. */
const MIN_TELLING_SHARE = 0.3;
const MIN_NEIGHBOUR_SHARE = 0.5;

/** `relocate`, using the lines around the block when the anchor recorded them. */
export function relocateBlock(index: LineIndex, block: RecordedBlock): Relocation {
  const around = block.around;
  if (!around || ![...around.before, ...around.after].some((h) => h !== '')) return relocate(index, block);
  return relocateAround(index, block, around);
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
  /** The block's telling lines matched: how many, which. */
  readonly telling: number;
  readonly tellingLines: readonly number[];
  /** Where the block is in this alignment, when any of its lines matched. */
  readonly startLine?: number;
  readonly endLine?: number;
  readonly exact: boolean;
  /** The block's lines matched, and their weight. */
  readonly matched: number;
  readonly blockWeight: number;
}

function relocateAround(index: LineIndex, block: RecordedBlock, around: Around): Relocation {
  const { before, after } = around;
  const { hashes, occurrences } = index.hashed();
  const n = block.lines.length;
  if (n === 0) return { kind: 'lost' };
  const counts = around.counts?.length === before.length + n + after.length ? around.counts : undefined;
  // Repetitive code: a block that had identical copies when it was asked about can't tell them
  // apart by its own lines, nor can a line that had look-alikes then and lost some since (which
  // copy is left?): only the other lines can.
  const placesAlone = (k: number, hash: string): boolean => {
    const now = occurrences.get(hash)?.length ?? 0;
    const then = Number(counts?.[k] ?? '1');
    return now === 0 || now >= then;
  };
  const neighbour = (hash: string, k: number): WindowLine => ({ hash, blockLine: -1, weight: hash === '' ? 0 : placesAlone(k, hash) && (occurrences.get(hash)?.length ?? 0) <= FREQUENT ? 1 : 0.25, telling: false });
  const window: WindowLine[] = [
    ...before.map((hash, k) => neighbour(hash, k)),
    ...block.lines.map((line, i) => {
      const normalized = normalizeLine(line);
      if (isRedacted(normalized)) return { hash: '', blockLine: i, weight: 0, telling: false, redacted: normalized };
      const hash = hashNormalized(normalized);
      const alone = (around.copies ?? 1) === 1 && placesAlone(before.length + i, hash);
      const weight = alone ? weightOf(normalized, index) : Math.min(0.25, weightOf(normalized, index));
      return { hash, blockLine: i, weight, telling: weight >= 1 };
    }),
    ...after.map((hash, k) => neighbour(hash, before.length + n + k)),
  ];
  if (!window.some((w) => w.weight >= 1)) {
    // Nothing here places the block but the block itself, unchanged where it was.
    const plain = relocate(index, block);
    return plain.kind === 'found' && plain.exact && plain.startLine === block.startLine ? plain : { kind: 'lost' };
  }
  // Window line k was at current line `first + k` when recorded.
  const first = block.startLine - before.length;

  const votes = voteStarts(window.map((line) => (line.weight >= 1 ? line.hash : undefined)), occurrences, first);
  votes.set(first, votes.get(first) ?? 0);
  const offsets = [...votes].sort((a, b) => b[1] - a[1] || Math.abs(a[0] - first) - Math.abs(b[0] - first)).slice(0, MAX_OFFSETS).map(([start]) => start - first);
  // Every identical copy of the block nearby is a candidate too: a look-alike must be seen to tie.
  for (const start of exactCopies(window.slice(before.length, before.length + n), hashes, occurrences, block.startLine)) offsets.push(start - block.startLine);

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
  const total = window.reduce((sum, w) => sum + w.weight, 0);
  // Ties go to the original position: the block unchanged where it was wins unless a place
  // elsewhere is clearly better (its neighbours there, not here).
  const here = unchangedAt(window, hashes, index.normalized, first);
  if (here !== undefined && (alignments[0]?.score ?? 0) < here + TIE) return { kind: 'found', startLine: block.startLine, endLine: block.startLine + n - 1, exact: true, confidence: Math.min(1, here / total) };
  const best = alignments[0];
  if (!best || best.startLine === undefined || best.endLine === undefined) return { kind: 'lost' };
  const tellingTotal = window.filter((w) => w.telling).length;
  const neighbours = window.filter((w) => w.blockLine < 0).reduce((sum, w) => sum + w.weight, 0);
  const neighbourShare = neighbours > 0 ? (best.score - best.blockWeight) / neighbours : 0;
  // A block whose distinctive lines are all gone is lost, whatever its braces and boilerplate match;
  // a block with none (boilerplate throughout) is only where its neighbours place it, mostly
  // unchanged, or unchanged and still about where it was.
  const nearOrigin = best.exact && Math.abs(best.startLine - block.startLine) <= ORIGIN_REGION;
  if (tellingTotal > 0 ? best.telling === 0 : !(best.matched * 2 >= n && (neighbourShare >= MIN_NEIGHBOUR_SHARE || nearOrigin))) return { kind: 'lost' };
  // Few of the block's telling lines, and its neighbours mostly gone: a stray line of it survived
  // a rewrite (git calls such a block deleted), or it is a look-alike.
  if (best.telling < MIN_TELLING_SHARE * tellingTotal && neighbourShare < MIN_NEIGHBOUR_SHARE) return { kind: 'lost' };
  const overlaps = (a: Alignment): boolean => a.startLine !== undefined && a.endLine !== undefined && a.startLine <= best.endLine! && a.endLine >= best.startLine!;
  // A place nearly as good elsewhere (or the block's neighbours without it, elsewhere): a guess.
  // Look-alikes close together fall in one alignment's range, so the best place for the block
  // other than this one is aligned too.
  const reach = SLACK + window.length;
  const elsewhere = align(window, hashes, index.normalized, Math.max(0, best.startLine - reach), Math.min(index.lineCount, best.endLine + reach), best as { startLine: number; endLine: number });
  if (elsewhere.startLine !== undefined) alignments.push(elsewhere);
  if (alignments.some((a) => a !== best && a.score > best.score - TIE && !overlaps(a))) return { kind: 'lost' };
  // The block's telling lines in two places, each with neighbours of its own: it was split or
  // partly moved, and which part is "the block" is a guess.
  if (alignments.some((a) => !overlaps(a) && a.score >= best.score * SPLIT_SHARE && a.tellingLines.some((i) => !best.tellingLines.includes(i)))) return { kind: 'lost' };
  return { kind: 'found', startLine: best.startLine, endLine: best.endLine, exact: best.exact, confidence: Math.min(1, best.score / total) };
}

/**
 * The best in-order matching of the window's lines to current lines [from, to) (lines equal or
 * not, as a diff compares them), and where it puts the block. Each matched line scores its weight;
 * each break in the run (lines skipped on either side between two matches) costs BREAK, so that of
 * two look-alike copies the one where the block sits between its own neighbours wins, rather than
 * a matching that takes the block from one copy and the neighbours from another. With `taken`,
 * the block's lines may not match there: the best place for the block elsewhere.
 */
function align(window: readonly WindowLine[], hashes: readonly string[], normalized: readonly string[], from: number, to: number, taken?: { readonly startLine: number; readonly endLine: number }): Alignment {
  const rows = window.length;
  const cols = to - from;
  const same = (k: number, j: number): boolean => {
    const line = window[k]!;
    if (taken && line.blockLine >= 0 && from + j >= taken.startLine && from + j <= taken.endLine) return false;
    if (line.redacted !== undefined) return matchesRedacted(line.redacted, normalized[from + j]!);
    return line.hash !== '' && line.hash === hashes[from + j];
  };
  // run[k, j]: best score of a matching whose last pair is (k, j); best[k + 1, j + 1]: best score of
  // any matching within window lines ≤ k and current lines ≤ j, `bestAt` its last pair (-1: none).
  const run = new Float64Array(rows * cols).fill(-Infinity);
  const previous = new Int32Array(rows * cols).fill(-1);
  const wide = cols + 1;
  const best = new Float64Array((rows + 1) * wide);
  const bestAt = new Int32Array((rows + 1) * wide).fill(-1);
  for (let k = 0; k < rows; k++) {
    const weight = window[k]!.weight;
    for (let j = 0; j < cols; j++) {
      const here = k * cols + j;
      if (weight > 0 && same(k, j)) {
        const diagonal = k > 0 && j > 0 ? run[here - cols - 1]! : -Infinity;
        const before = k * wide + j;
        const jump = bestAt[before]! < 0 ? 0 : best[before]! - BREAK;
        if (diagonal >= jump) {
          run[here] = diagonal + weight;
          previous[here] = here - cols - 1;
        } else {
          run[here] = jump + weight;
          previous[here] = bestAt[before]!;
        }
      }
      const cell = (k + 1) * wide + j + 1;
      let value = best[k * wide + j + 1]!;
      let at = bestAt[k * wide + j + 1]!;
      if (best[cell - 1]! > value || (at < 0 && bestAt[cell - 1]! >= 0)) {
        value = best[cell - 1]!;
        at = bestAt[cell - 1]!;
      }
      if (run[here]! > value || (at < 0 && run[here]! > -Infinity)) {
        value = run[here]!;
        at = here;
      }
      best[cell] = value;
      bestAt[cell] = at;
    }
  }
  const score = Math.max(0, best[rows * wide + cols]!);
  const matches: { readonly line: WindowLine; readonly current: number }[] = [];
  for (let at = bestAt[rows * wide + cols]!; at >= 0; at = previous[at]!) {
    const line = window[Math.floor(at / cols)]!;
    if (line.blockLine >= 0) matches.unshift({ line, current: from + (at % cols) });
  }
  const n = window.filter((w) => w.blockLine >= 0).length;
  // The block is where most of its matched weight is together: a line matched further away than
  // the block is long (the rest of it in a look-alike) does not stretch it there.
  const clusters: (typeof matches)[] = [];
  matches.forEach((m, i) => {
    const previousMatch = matches[i - 1];
    if (previousMatch && m.current - previousMatch.current - (m.line.blockLine - previousMatch.line.blockLine) <= Math.max(2 * n, SLACK)) clusters[clusters.length - 1]!.push(m);
    else clusters.push([m]);
  });
  const weightOfCluster = (c: typeof matches): number => c.reduce((sum, m) => sum + m.line.weight, 0);
  const cluster = clusters.reduce<typeof matches>((best, c) => (weightOfCluster(c) > weightOfCluster(best) ? c : best), []);
  const first = cluster[0];
  const last = cluster[cluster.length - 1];
  const tellingLines = cluster.filter((m) => m.line.telling).map((m) => m.line.blockLine);
  if (!first || !last) return { score, telling: 0, tellingLines, exact: false, matched: 0, blockWeight: 0 };
  const startLine = Math.max(0, first.current - first.line.blockLine);
  const endLine = Math.max(startLine, Math.min(normalized.length - 1, last.current + (n - 1 - last.line.blockLine)));
  const exact = cluster.length === n && last.current - first.current === n - 1;
  return { score, telling: tellingLines.length, tellingLines, startLine, endLine, exact, matched: cluster.length, blockWeight: weightOfCluster(cluster) };
}

/** Where the block's lines all occur in order, nearest `origin` first, at most MAX_OFFSETS. */
function exactCopies(blockLines: readonly WindowLine[], hashes: readonly string[], occurrences: ReadonlyMap<string, readonly number[]>, origin: number): number[] {
  let key: number | undefined;
  for (let i = 0; i < blockLines.length; i++) {
    const hash = blockLines[i]!.hash;
    if (hash === '') continue;
    if (key === undefined || (occurrences.get(hash)?.length ?? 0) < (occurrences.get(blockLines[key]!.hash)?.length ?? 0)) key = i;
  }
  if (key === undefined) return [];
  const starts = (occurrences.get(blockLines[key]!.hash) ?? []).map((place) => place - key).filter((start) => blockLines.every((line, i) => line.hash === '' || hashes[start + i] === line.hash));
  return starts.sort((a, b) => Math.abs(a - origin) - Math.abs(b - origin)).slice(0, MAX_OFFSETS);
}

/**
 * The window's score with the block unchanged where it was (window line k at current line
 * `first + k`), or undefined when the block is not all there.
 */
function unchangedAt(window: readonly WindowLine[], hashes: readonly string[], normalized: readonly string[], first: number): number | undefined {
  let score = 0;
  for (let k = 0; k < window.length; k++) {
    const line = window[k]!;
    const at = first + k;
    const same = at >= 0 && at < hashes.length && (line.redacted !== undefined ? matchesRedacted(line.redacted, normalized[at]!) : line.hash !== '' && line.hash === hashes[at]);
    if (same) score += line.weight;
    else if (line.blockLine >= 0 && (line.redacted !== undefined || line.hash !== '')) return undefined;
  }
  return score;
}
