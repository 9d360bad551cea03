// Figures that need no editor: the rotation, the kudos aggregation and the language server's
// CodeLens, each timed on the real module with synthetic data of the size the issue names.
import { aggregateKudos } from '../src/kudos/aggregate';
import { discussionDataSchema, pullRequestDataSchema, type KudosData } from '../src/kudos/responseSchema';
import type { AnchoredBlocker } from '../src/protocol/lspProtocol';
import { codeLensesForText, computeCodeLenses, DocumentAnchorCache, type PlacedAnchor } from '../src/server/anchors/documentAnchors';
import { LensTitles } from '../src/server/anchors/render';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { updateReporting } from '../src/server/anchors/documentChanges';
import type { Hunks } from '../src/protocol/lineMap';
import { UnsavedEdits } from '../src/server/anchors/unsavedEdits';
import { distinctiveLines, placeByGit } from '../src/server/anchors/placeAnchor';
import { splitLines } from '../src/server/anchors/relocate';
import { teamConfigSchema } from '../src/team/configSchema';
import { todayFor } from '../src/team/rotation';
import { mulberry32 as random } from '../src/team/seededRandom';
import { median, timeSamples } from './stats';

const DAY = 86_400_000;
const START = Date.parse('2026-01-05T00:00:00Z');


const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

export interface RotationFigure {
  readonly medianMs: number;
  readonly p95Ms: number;
}

/**
 * The Today view's rotation answer (`todayFor`: partner, checker, until when, next cycle, who is
 * away) for one date, 500 members with 40 absences, median over 2,000 dates after 500 warm-ups.
 */
export function rotationFigure(): RotationFigure {
  const rnd = random(500);
  const members = Array.from({ length: 500 }, (_, i) => `member-${i + 1}`);
  const absences = Array.from({ length: 40 }, () => {
    const from = START + Math.floor(rnd() * 700) * DAY;
    return { login: members[Math.floor(rnd() * members.length)] as string, from: isoDate(from), to: isoDate(from + Math.floor(rnd() * 14) * DAY) };
  });
  const config = teamConfigSchema.parse({ members, timeZone: 'Europe/Berlin', rotation: { cadence: 'weekly', startDate: '2026-01-05' }, absences });
  const instants = Array.from({ length: 2500 }, () => START + Math.floor(rnd() * 730 * DAY));
  const logins = instants.map(() => members[Math.floor(rnd() * members.length)] as string);
  let sink = 0;
  const samples = timeSamples(
    (i) => {
      const j = i % instants.length;
      sink += todayFor(config, instants[j] as number, logins[j] as string).presentCount;
    },
    { warmup: 500, samples: 2000 },
  );
  if (sink === 0) throw new Error('rotation produced nothing');
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: median(samples), p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN };
}

/**
 * `aggregateKudos` over 1,000 pull requests × 10 reviews (+ 2 comments, some with kudos markers)
 * and 300 #Blocked discussions, parsed with the panel's own response schemas (untimed), then
 * aggregated 30 times after 5 warm-ups.
 */
export function kudosFigure(): { medianMs: number } {
  const rnd = random(1000);
  const team = ['mona', 'sam', 'priya', 'kenji', 'lea', 'omar', 'ines', 'tom'];
  const who = (): string => team[Math.floor(rnd() * team.length)] as string;
  const now = Date.parse('2026-11-18T10:00:00Z');
  const pulls = Array.from({ length: 1000 }, (_, n) => {
    const author = who();
    const created = now - Math.floor(rnd() * 170 * DAY);
    const raw = {
      id: `PR_${n}`,
      number: n + 1,
      title: `Change ${n}: improve the checkout`,
      createdAt: iso(created),
      author: { login: author },
      reviews: {
        nodes: Array.from({ length: 10 }, (_, r) => ({
          id: `PRR_${n}_${r}`,
          state: ['APPROVED', 'COMMENTED', 'CHANGES_REQUESTED'][r % 3] as string,
          submittedAt: iso(created + (r + 1) * 3_600_000),
          author: { login: who() },
        })),
      },
      comments: {
        nodes: Array.from({ length: 2 }, (_, c) => {
          const from = who();
          const to = who();
          const body = c === 0 && n % 3 === 0 ? `Thanks for the careful review!\n\n<!-- team-support:kudos ${JSON.stringify({ to, from, pr: n + 1 })} -->` : 'Looks good to me.';
          return { id: `IC_${n}_${c}`, body, createdAt: iso(created + (c + 2) * 3_600_000), author: { login: from } };
        }),
      },
    };
    return pullRequestDataSchema.parse(raw);
  });
  const discussions = Array.from({ length: 300 }, (_, n) => {
    const created = now - Math.floor(rnd() * 170 * DAY);
    return discussionDataSchema.parse({
      id: `D_${n}`,
      number: 2000 + n,
      title: `Stuck on task ${n}`,
      createdAt: iso(created),
      closed: n % 2 === 0,
      closedAt: n % 2 === 0 ? iso(created + 5 * 3_600_000) : null,
      stateReason: n % 2 === 0 ? 'RESOLVED' : null,
      answerChosenAt: n % 4 === 0 ? iso(created + 4 * 3_600_000) : null,
      category: { name: 'Blocked' },
      author: { login: who() },
      comments: { nodes: Array.from({ length: 3 }, (_, c) => ({ createdAt: iso(created + (c + 1) * 1_800_000), author: { login: who() } })) },
    });
  });
  const data: KudosData = { pullRequests: pulls, discussions };
  let sink = 0;
  const samples = timeSamples(
    () => {
      const model = aggregateKudos({ data, me: 'mona', members: team, now, windowDays: 90, repo: 'acme/webshop', blockedCategory: 'Blocked' });
      sink += model.balance.totalReviews;
    },
    { warmup: 5, samples: 30 },
  );
  if (sink === 0) throw new Error('the kudos aggregation counted no reviews');
  return { medianMs: median(samples) };
}

export interface CodeLensFigure {
  readonly medianMs: number;
  readonly lenses: number;
  /** Anchors placed (the rest are reported as moved). */
  readonly found: number;
  readonly lines: number;
}

/** ~10,000 lines of TypeScript-like code: similar functions with varied names, like a real service file. */
function serviceFile(rnd: () => number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const cap = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
  const verbs = ['load', 'save', 'find', 'update', 'remove', 'apply', 'compute', 'validate', 'render', 'sync', 'merge', 'parse'];
  const nouns = ['cart', 'order', 'coupon', 'customer', 'invoice', 'product', 'price', 'discount', 'shipment', 'address', 'payment', 'review'];
  const props = ['id', 'total', 'items', 'status', 'createdAt', 'amount', 'currency', 'name', 'email', 'quantity'];
  const out: string[] = [];
  for (let f = 0; out.length < 10_000; f++) {
    const [v, n, p, m, q] = [pick(verbs), pick(nouns), pick(props), pick(nouns), pick(props)];
    const x = m.charAt(0);
    out.push(`export async function ${v}${cap(n)}${f % 7 === 0 ? 'Batch' : ''}(${n}: ${cap(n)}, options: ${cap(v)}Options = {}): Promise<${cap(m)}[]> {`);
    out.push(`  const ${m}s = await this.${m}Repository.findBy${cap(p)}(${n}.${p}, { limit: ${10 * (1 + (f % 5))} });`);
    if (f % 3 === 0) {
      out.push(`  if (${m}s.length === 0) {`, `    throw new NotFoundError(\`No ${m} for ${n} \${${n}.${p}}\`);`, '  }');
    } else {
      out.push(`  if (!${m}s.length) return [];`);
    }
    out.push(`  const ${q}s = ${m}s.map((${x}) => ${x}.${q});`);
    if (f % 2 === 0) out.push(`  log.debug(\`${v}${cap(n)}: \${${q}s.length} ${q}s\`);`);
    out.push(`  return ${m}s.filter((${x}) => ${x}.${pick(props)} !== undefined);`, '}', '');
  }
  return out;
}

/**
 * The language server's CodeLens for one ~10,000-line file with 1,000 anchored blockers (3–6 lines
 * each) after an edit — a new document version, so the line index is rebuilt and every anchor
 * relocated, as the server's onCodeLens does (`splitLines` + relocation + lenses are timed):
 * 40 lines were inserted at the top, so every anchor has moved; with `edited`, in addition 2 % of
 * the anchors have one line edited (found by the fuzzy match) and 1 % had their code deleted.
 * Median of 10 runs after 2 warm-ups (5 after 1 with edits).
 */
export function codeLensFigure(opts: { edited: boolean; via?: 'git' | 'gitCold' | 'text' }): CodeLensFigure {
  const rnd = random(1234);
  const original = serviceFile(rnd);
  const blockers: AnchoredBlocker[] = [];
  const editLine = new Map<number, string>();
  const deleted = new Set<number>();
  const step = Math.floor(original.length / 1000);
  for (let i = 0; i < 1000; i++) {
    const start = i * step + Math.floor(rnd() * 3); // 0-based
    const length = 3 + Math.floor(rnd() * 4);
    blockers.push({
      id: `D_${i}`,
      number: i + 1,
      title: `Why does this return the wrong total? (${i})`,
      url: `https://github.com/acme/webshop/discussions/${i + 1}`,
      replyCount: i % 4,
      question: 'The total is off by one item when the filter is empty.',
      anchor: { path: 'src/services.ts', startLine: start + 1, endLine: start + length, commit: 'abcdef1', lines: original.slice(start, start + length) },
    });
    const bucket = (i * 37) % 100;
    if (!opts.edited) continue;
    if (bucket < 1) for (let l = start; l < start + length; l++) deleted.add(l);
    else if (bucket < 3) editLine.set(start + 1, `${original[start + 1] ?? ''} // edited`);
  }
  const current = [
    ...Array.from({ length: 40 }, (_, i) => `import { dependency${i} } from './dependency${i}';`),
    ...original.flatMap((line, i) => (deleted.has(i) ? [] : [editLine.get(i) ?? line])),
  ];
  const text = current.join('\n');
  let version = 1;
  let lenses = 0;
  // The git path: the file on disk is the anchors' commit (git's cached answer: no hunks), the
  // edits are the open document's unsaved ones. Which lines place each anchor is kept per blocker
  // by the server, not recomputed per edit.
  const distinctive = blockers.map((b) => distinctiveLines(b.anchor));
  const lensesThrough = (unsaved: Hunks, lineCount: number): number => {
    const placed: PlacedAnchor[] = [];
    for (const [i, blocker] of blockers.entries()) {
      const p = placeByGit(blocker.anchor, [[], unsaved], lineCount, distinctive[i]);
      if (p.kind === 'found') placed.push({ blocker, startLine: p.startLine, endLine: p.endLine });
    }
    return computeCodeLenses(placed, titles).length;
  };
  const titles = new LensTitles();
  // Cold: the first placement in the opened document (one whole diff of its unsaved edits).
  const cold = (): number => {
    const lines = splitLines(text);
    return lensesThrough(new UnsavedEdits(original, lines, 1).hunks, lines.length);
  };
  // Per edit (`codelens_ms_1000`): the document is open and its anchors placed; one keystroke-sized
  // change arrives (a line typed somewhere, or a few characters typed into a line, some of them
  // inside anchored blocks) through the server's TextDocuments update, and the CodeLens is asked
  // again: the change re-diffs only its lines, and 1,000 anchors are mapped and labelled.
  let doc = TextDocument.create('file:///bench/services.ts', 'typescript', 1, text);
  const tracked = new UnsavedEdits(original, current, 1);
  // The library's own update of the document text (vscode-languageserver-textdocument, ~5 ms for
  // 10,000 lines, paid by any language server with incremental sync) is not timed: the change it
  // reports is applied to the anchors inside the timed part.
  const pending: (() => void)[] = [];
  const update = updateReporting((_uri, _before, change, linesAfter, v) => pending.push(() => tracked.apply(change, linesAfter, v)));
  const editRnd = random(99);
  const nextEdit = (): void => {
    const line = Math.floor(editRnd() * doc.lineCount);
    const typed = editRnd() < 0.5 ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'const typed = 1;\n' } : { range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: 'ab' };
    doc = update(doc, [typed], doc.version + 1);
  };
  const perEdit = (): number => {
    for (const apply of pending.splice(0)) apply();
    return lensesThrough(tracked.hunks, doc.lineCount);
  };
  const samples = timeSamples(
    () => {
      lenses = opts.via === 'git' ? perEdit() : opts.via === 'gitCold' ? cold() : codeLensesForText(new DocumentAnchorCache(), ++version, () => splitLines(text), blockers).length;
    },
    // The text-only case is slow enough that fewer samples keep the run short.
    opts.via === 'git' ? { warmup: 5, samples: 50 } : opts.edited ? { warmup: 1, samples: 5 } : { warmup: 2, samples: 10 },
    opts.via === 'git' ? nextEdit : undefined,
  );
  const found = opts.via === 'git' || opts.via === 'gitCold' ? lenses / 3 : new DocumentAnchorCache().place(0, () => splitLines(text), blockers).placed.length;
  if (found < (opts.via === 'text' || opts.via === undefined ? 800 : 950)) throw new Error(`CodeLens benchmark: only ${found} of 1,000 anchors placed; the data is wrong`);
  return { medianMs: median(samples), lenses, found, lines: current.length };
}
