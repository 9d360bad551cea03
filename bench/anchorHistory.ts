// Anchors measured on real history: blocks of 3–12 lines recorded at commit N of real repositories
// and relocated k ∈ {3, 10, 40, 150} commits later, by the git-mapped path (the language server's
// gitLineMap + placeByGit) and by the text-only fallback (relocate), each judged by git's own diff
// of the two versions. The samples are drawn at bench time; nothing of those projects is stored.
import { gitLineMapsBetween, gitRunner, type GitLineMap, type GitRunner } from '../src/server/anchors/gitLineMap';
import { mapLine, type Hunks } from '../src/protocol/lineMap';
import { placeByGit, type Placement } from '../src/server/anchors/placeAnchor';
import { indexLines, normalizeLine, relocate, splitLines, weightOf, type LineIndex } from '../src/server/anchors/relocate';
import { relocateBlock } from '../src/server/anchors/relocateAround';
import { aroundText, lineHash } from '../src/protocol/anchorContext';
import { mulberry32 } from '../src/team/seededRandom';
import { GitObjects } from './gitObjects';

const STEPS = [3, 10, 40, 150] as const;
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|py|go|rs|java|kt|rb|c|h|cc|cpp|hpp|cs|php|swift|scala|sh|css|scss|html|vue|md|yml|yaml|json|toml)$/i;
const MAX_FILE_CHARS = 300_000;

type Category = 'intact' | 'edited' | 'deleted' | 'other';

interface Tally {
  sampled: number;
  wrong: number;
  byCategory: Record<Category, { total: number; found: number }>;
}

export interface AnchorHistoryFigure {
  readonly sampled: number;
  readonly repositories: readonly string[];
  readonly renamed: number;
  readonly git: Tally;
  readonly text: Tally;
  /** A few wrong placements, to look at. */
  readonly examples: readonly string[];
}

const emptyTally = (): Tally => ({ sampled: 0, wrong: 0, byCategory: { intact: { total: 0, found: 0 }, edited: { total: 0, found: 0 }, deleted: { total: 0, found: 0 }, other: { total: 0, found: 0 } } });

/**
 * `gitDirs`: repositories (work trees or bare). `perRepository`: anchors to sample from each;
 * histories too short for a step skip it.
 */
export async function anchorHistoryFigure(gitDirs: readonly string[], perRepository: number, seed = 14): Promise<AnchorHistoryFigure> {
  const git = emptyTally();
  const text = emptyTally();
  const examples: string[] = [];
  const repositories: string[] = [];
  let renamed = 0;
  for (const dir of gitDirs) {
    const runner = gitRunner(dir);
    const commits = await firstParentCommits(runner);
    if (commits.length < 4) continue;
    repositories.push(`${dir} (${commits.length} commits)`);
    const objects = new GitObjects(dir);
    try {
      const rnd = mulberry32(seed);
      const steps = STEPS.filter((k) => k < commits.length);
      let sampled = 0;
      let attempts = 0;
      while (sampled < perRepository && attempts < perRepository) {
        attempts++;
        const k = steps[Math.floor(rnd() * steps.length)]!;
        const n = Math.floor(rnd() * (commits.length - k));
        const from = commits[n]!;
        const to = commits[n + k]!;
        let maps: Map<string, GitLineMap>;
        try {
          maps = await gitLineMapsBetween(runner, from, to);
        } catch {
          continue; // a diff too big to read: another pair
        }
        const changed = [...maps.keys()].filter((p) => SOURCE.test(p));
        if (changed.length === 0) continue;
        // A few files per pair, several anchors per file: spread over history rather than one big diff.
        for (let f = 0; f < 3 && sampled < perRepository; f++) {
          const path = changed[Math.floor(rnd() * changed.length)]!;
          const result = await sampleFile(objects, maps.get(path)!, from, to, path, rnd, 8, git, text, examples);
          sampled += result.sampled;
          renamed += result.renamed;
        }
      }
    } finally {
      objects.close();
    }
  }
  return { sampled: git.sampled, repositories, renamed, git, text, examples };
}

async function firstParentCommits(git: GitRunner): Promise<string[]> {
  try {
    return (await git.run(['rev-list', '--first-parent', '--reverse', 'HEAD'])).split('\n').filter((l) => /^[0-9a-f]{40}$/.test(l));
  } catch {
    return [];
  }
}

async function show(objects: GitObjects, commit: string, path: string): Promise<string[] | undefined> {
  const text = await objects.read(commit, path);
  return text === undefined || text.length > MAX_FILE_CHARS || text.includes('\u0000') ? undefined : splitLines(text);
}

async function sampleFile(
  objects: GitObjects,
  map: GitLineMap,
  from: string,
  to: string,
  path: string,
  rnd: () => number,
  count: number,
  gitTally: Tally,
  textTally: Tally,
  examples: string[],
): Promise<{ sampled: number; renamed: number }> {
  const before = await show(objects, from, path);
  if (!before || before.length < 12 || map.kind === 'unknown') return { sampled: 0, renamed: 0 };
  const afterPath = map.kind === 'mapped' ? map.path : undefined;
  const after = afterPath === undefined ? [] : ((await show(objects, to, afterPath)) ?? []);
  const samePath = afterPath === path;
  let index: LineIndex | undefined;
  let sampled = 0;
  for (let a = 0; a < count; a++) {
    const length = 3 + Math.floor(rnd() * 10);
    const start = Math.floor(rnd() * (before.length - length));
    const lines = before.slice(start, start + length);
    // What someone asks about has something to say: at least one telling line.
    if (!lines.some((l) => weightOf(normalizeLine(l)) >= 1)) continue;
    sampled++;
    const hunks: Hunks = map.kind === 'mapped' ? map.hunks : [];
    const truth = judge(hunks, start, lines, map.kind === 'fileGone');
    const anchor = { path, startLine: start + 1, endLine: start + length, commit: from, lines };
    const viaGit: Placement = map.kind === 'mapped' ? placeByGit(anchor, [hunks], after.length) : { kind: 'lost', reason: 'deleted' };
    count1(gitTally, truth, viaGit, () => examples.length < 5 && examples.push(`git ${path}@${from.slice(0, 8)}..${to.slice(0, 8)} L${start + 1}`));
    if (!samePath && afterPath !== undefined) continue; // renamed: the text-only path can't know the new name
    let viaText: Placement = { kind: 'lost', reason: 'fileMissing' };
    if (afterPath !== undefined) {
      index ??= indexLines(after);
      const context = aroundText(before, start + 1, start + length);
      const around = { before: context.before.map(lineHash), after: context.after.map(lineHash), ...(process.env.TEAM_SUPPORT_BENCH_NO_REPEATS ? {} : { counts: context.counts, copies: context.copies }) };
      // What the marker records since it has `around` (older markers: TEAM_SUPPORT_BENCH_NO_AROUND=1).
      const r = process.env.TEAM_SUPPORT_BENCH_NO_AROUND ? relocate(index, { startLine: start, lines }) : relocateBlock(index, { startLine: start, lines, around });
      viaText = r.kind === 'found' ? { kind: 'found', startLine: r.startLine, endLine: r.endLine, via: 'text' } : { kind: 'lost', reason: 'changed' };
    }
    count1(textTally, truth, viaText, () => examples.length < 12 && examples.push(`text ${path}@${from.slice(0, 8)}..${to.slice(0, 8)} L${start + 1}-${start + length}`));
    // TEAM_SUPPORT_BENCH_DUMP=1: every text-path miss on stderr, to look at.
    if (process.env.TEAM_SUPPORT_BENCH_DUMP && ((truth.category === 'deleted') === (viaText.kind === 'found') || (viaText.kind === 'found' && truth.category !== 'deleted' && !truth.kept.some((l) => l >= viaText.startLine && l <= viaText.endLine)))) {
      console.error(JSON.stringify({ dir: objects.dir, path, from, to, start, length, category: truth.category, kept: truth.kept, placement: viaText }));
    }
  }
  return { sampled, renamed: samePath || afterPath === undefined ? 0 : sampled };
}

interface Truth {
  readonly category: Category;
  /** New 0-based lines of the recorded lines git kept. */
  readonly kept: readonly number[];
}

/** What git's diff says became of the block: intact (every line kept, together), edited (≥ half kept), deleted (no telling line kept). */
function judge(hunks: Hunks, start: number, lines: readonly string[], fileGone: boolean): Truth {
  if (fileGone) return { category: 'deleted', kept: [] };
  const kept: number[] = [];
  let keptTelling = 0;
  lines.forEach((line, i) => {
    const to = mapLine(hunks, start + i);
    if (to === undefined) return;
    kept.push(to);
    if (weightOf(normalizeLine(line)) >= 1) keptTelling++;
  });
  if (keptTelling === 0) return { category: 'deleted', kept };
  if (kept.length === lines.length && kept[kept.length - 1]! - kept[0]! === lines.length - 1) return { category: 'intact', kept };
  return { category: kept.length * 2 >= lines.length ? 'edited' : 'other', kept };
}

function count1(tally: Tally, truth: Truth, placement: Placement, example: () => unknown): void {
  tally.sampled++;
  const bucket = tally.byCategory[truth.category];
  bucket.total++;
  if (placement.kind !== 'found') return;
  // Wrong: shown where none of the kept lines are (for deleted code: shown at all, counted apart).
  if (truth.category !== 'deleted' && !truth.kept.some((l) => l >= placement.startLine && l <= placement.endLine)) {
    tally.wrong++;
    example();
    return;
  }
  bucket.found++;
}

/** The figures as bench keys. */
export function anchorHistoryKeys(figure: AnchorHistoryFigure): Record<string, number | undefined> {
  const frac = (t: Tally, c: Category, lost = false): number | undefined => {
    const b = t.byCategory[c];
    if (b.total === 0) return undefined;
    return Math.round(((lost ? b.total - b.found : b.found) / b.total) * 10000) / 10000;
  };
  return {
    anchors_sampled: figure.sampled,
    anchors_wrong_place: figure.git.wrong,
    anchors_intact_found: frac(figure.git, 'intact'),
    anchors_edited_found: frac(figure.git, 'edited'),
    anchors_deleted_lost: frac(figure.git, 'deleted', true),
    anchors_wrong_place_text: figure.text.wrong,
    anchors_intact_found_text: frac(figure.text, 'intact'),
    anchors_edited_found_text: frac(figure.text, 'edited'),
    anchors_deleted_lost_text: frac(figure.text, 'deleted', true),
  };
}

/** `node dist-test/bench/anchorHistory.js <git dir>…`: the figures alone, for tuning. */
if (require.main === module) {
  const dirs = process.argv.slice(2);
  const started = Date.now();
  anchorHistoryFigure(dirs, Number(process.env.TEAM_SUPPORT_BENCH_ANCHORS_PER_REPO ?? 1000)).then(
    (figure) => {
      console.log(JSON.stringify({ ...anchorHistoryKeys(figure), seconds: (Date.now() - started) / 1000, repositories: figure.repositories, renamed: figure.renamed, git: figure.git, text: figure.text, examples: figure.examples }, null, 1));
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
