import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnchoredBlocker } from '../protocol/lspProtocol';
import { DocumentAnchorCache } from './anchors/documentAnchors';
import { gitLineMap, type GitLineMap, type GitRunner } from './anchors/gitLineMap';
import { mapBlock, type Hunks } from '../protocol/lineMap';
import { distinctiveLines, placeByGit, recordedAtCommit, type Placement } from './anchors/placeAnchor';
import { splitLines } from './anchors/relocate';
import { UnsavedEdits, type LineChange, type LinesAfter } from './anchors/unsavedEdits';
import { isSafeRelativePath } from '../protocol/anchorPath';

/** Files at anchors' commits kept (a file's text at a commit never changes; distinct pairs can be many). */
const MAX_COMMIT_TEXTS = 64;
/** Files larger than this are not read from disk to check anchors (the blocker shows as moved). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface OpenText {
  readonly uri: string;
  readonly version: number;
  readonly lineCount: number;
  getText(): string;
}

/** A blocker placed in its file: `path` is where the file is now (after a rename git followed). */
export interface PlacedBlocker {
  readonly blocker: AnchoredBlocker;
  readonly path: string;
  readonly placement: Placement;
}

type OpenLookup = (path: string) => OpenText | undefined;

interface DiskText {
  readonly stamp: string;
  readonly text: string;
  readonly lines: readonly string[];
}

/** git's map of an anchor's file; `recorded`: the anchor's lines are that commit's (not uncommitted edits). */
type CommitMap = Exclude<GitLineMap, { kind: 'mapped' }> | { readonly kind: 'mappedAt'; readonly path: string; readonly hunks: Hunks; readonly recorded: boolean };

/**
 * The open blockers by file and the one relocation every consumer uses. Git first: when an
 * anchor's commit is in the repository, its lines are mapped through git's diff to the file on
 * disk, then through the open document's unsaved edits. Text relocation only when git can't say.
 * Caches: git's map per (commit, path) and file stamp; the text of files on disk per stamp; the
 * unsaved edits per document version; text relocation per document version.
 */
export class AnchorStore {
  private byPath = new Map<string, AnchoredBlocker[]>();
  private root: string | undefined;
  private git: GitRunner | undefined;
  private readonly textCaches = new Map<string, DocumentAnchorCache>();
  private readonly gitMaps = new Map<string, { stamp: string; map: Promise<CommitMap> }>();
  private readonly disk = new Map<string, DiskText>();
  /** Per open document: its unsaved edits over the file on disk (at `stamp`), kept up to date per change. */
  private readonly unsaved = new Map<string, { stamp: string; edits: UnsavedEdits }>();
  /** Per blocker: which of its lines place it (computed once, not on every edit). */
  private distinctive = new WeakMap<AnchoredBlocker, readonly boolean[]>();
  /** Blocker id → the path git says its file has now, when renamed. */
  private readonly renamed = new Map<string, string>();

  setRoot(root: string | undefined, git: GitRunner | undefined): void {
    this.root = root;
    this.git = git;
    this.forgetFiles();
  }

  get rootPath(): string | undefined {
    return this.root;
  }

  setBlockers(blockers: readonly AnchoredBlocker[]): void {
    const byPath = new Map<string, AnchoredBlocker[]>();
    for (const blocker of blockers) {
      if (!isSafeRelativePath(blocker.anchor.path)) continue;
      const list = byPath.get(blocker.anchor.path);
      if (list) list.push(blocker);
      else byPath.set(blocker.anchor.path, [blocker]);
    }
    this.byPath = byPath;
    this.forgetFiles();
  }

  /** Commits, checkouts and saves change what git says: forget it (called on new blockers, root, saves). */
  forgetFiles(): void {
    this.gitMaps.clear();
    this.disk.clear();
  }

  get allBlockers(): AnchoredBlocker[] {
    return [...this.byPath.values()].flat();
  }

  /** Blockers whose file is `path` now: anchored there, or in a file git says was renamed to it. */
  blockersFor(path: string): readonly AnchoredBlocker[] {
    const here = (this.byPath.get(path) ?? []).filter((b) => (this.renamed.get(b.id) ?? path) === path);
    if (this.renamed.size === 0) return here;
    const moved = this.allBlockers.filter((b) => b.anchor.path !== path && this.renamed.get(b.id) === path);
    return [...here, ...moved];
  }

  /** Every blocker of the file now at `path`, placed in its open document (`open`) or else on disk. */
  async placeFile(path: string, open: OpenText | undefined): Promise<PlacedBlocker[]> {
    const blockers = this.blockersFor(path);
    if (blockers.length === 0) return [];
    const diskText = await this.readDisk(path);
    let current: { key: string; lines: () => readonly string[]; lineCount: number } | undefined;
    if (open) {
      let lines: readonly string[] | undefined;
      current = { key: `${open.uri}@${open.version}`, lines: () => (lines ??= splitLines(open.getText())), lineCount: open.lineCount };
    } else if (diskText) {
      current = { key: `disk:${path}@${diskText.stamp}`, lines: () => diskText.lines, lineCount: diskText.lines.length };
    }
    const out: PlacedBlocker[] = [];
    const byText: AnchoredBlocker[] = [];
    for (const blocker of blockers) {
      const map = await this.commitMap(blocker);
      if (map.kind === 'fileGone') out.push({ blocker, path, placement: { kind: 'lost', reason: 'deleted' } });
      else if (map.kind === 'mappedAt' && map.recorded && diskText && current) {
        const steps: Hunks[] = [map.hunks];
        if (open) steps.push(this.unsavedEdits(open, diskText, current.lines));
        let distinctive = this.distinctive.get(blocker);
        if (!distinctive) {
          distinctive = distinctiveLines(blocker.anchor);
          this.distinctive.set(blocker, distinctive);
        }
        out.push({ blocker, path, placement: placeByGit(blocker.anchor, steps, current.lineCount, distinctive) });
      } else byText.push(blocker);
    }
    if (byText.length === 0) return out;
    if (!current) {
      for (const blocker of byText) out.push({ blocker, path, placement: { kind: 'lost', reason: 'fileMissing' } });
      return out;
    }
    // Found by text in the file on disk (once per save), then moved by the open document's edits
    // like the git path; without a file on disk, in the document itself (once per version).
    const viaDisk = open !== undefined && diskText !== undefined;
    const cacheKey = viaDisk || !open ? `disk:${path}` : open.uri;
    let cache = this.textCaches.get(cacheKey);
    if (!cache) {
      cache = new DocumentAnchorCache();
      this.textCaches.set(cacheKey, cache);
    }
    const placement = viaDisk ? cache.place(`disk:${path}@${diskText.stamp}`, () => diskText.lines, byText) : cache.place(current.key, current.lines, byText);
    const edits = viaDisk ? [this.unsavedEdits(open, diskText, current.lines)] : [];
    for (const p of placement.placed) {
      const moved = edits.length === 0 ? { kind: 'mapped' as const, startLine: p.startLine, endLine: p.endLine } : mapBlock(edits, p.startLine, p.endLine, []);
      if (moved.kind === 'deleted') out.push({ blocker: p.blocker, path, placement: { kind: 'lost', reason: 'changed' } });
      else out.push({ blocker: p.blocker, path, placement: { kind: 'found', startLine: moved.startLine, endLine: moved.endLine, via: 'text' } });
    }
    for (const blocker of placement.lost) out.push({ blocker, path, placement: { kind: 'lost', reason: 'changed' } });
    return out;
  }

  /**
   * One incremental change of an open document (server.ts feeds every change of every event, in
   * order): its unsaved edits move with it instead of being diffed again. `versionBefore` is the
   * document's version the change applies to; a gap (a change we never saw) drops the tracking.
   */
  changed(uri: string, versionBefore: number, change: LineChange, linesAfter: LinesAfter, version: number): void {
    const tracked = this.unsaved.get(uri);
    if (!tracked) return;
    if (tracked.edits.version !== versionBefore) {
      this.unsaved.delete(uri);
      return;
    }
    tracked.edits.apply(change, linesAfter, version);
  }

  closed(uri: string): void {
    this.textCaches.delete(uri);
    this.unsaved.delete(uri);
  }

  /** Every blocker placed: where its file is now, and where in it (or why nowhere). */
  async placeAll(open: OpenLookup): Promise<PlacedBlocker[]> {
    // Resolve renames first, so each blocker is placed in the file it is in now.
    for (const blocker of this.allBlockers) await this.commitMap(blocker);
    const paths = new Set([...this.byPath.keys(), ...this.renamed.values()]);
    const out: PlacedBlocker[] = [];
    for (const path of paths) out.push(...(await this.placeFile(path, open(path))));
    return out;
  }

  /** One blocker placed (Open Code Location). */
  async locate(id: string, open: OpenLookup): Promise<PlacedBlocker | undefined> {
    const blocker = this.allBlockers.find((b) => b.id === id);
    if (!blocker) return undefined;
    await this.commitMap(blocker);
    const path = this.renamed.get(blocker.id) ?? blocker.anchor.path;
    return (await this.placeFile(path, open(path))).find((p) => p.blocker.id === id);
  }

  private async commitMap(blocker: AnchoredBlocker): Promise<CommitMap> {
    const { commit, path } = blocker.anchor;
    const git = this.git;
    if (commit === undefined || !git) return { kind: 'unknown' };
    const stamp = (await this.readDisk(path))?.stamp ?? 'missing';
    const key = `${commit}\u0000${path}`;
    let entry = this.gitMaps.get(key);
    if (entry?.stamp !== stamp) {
      entry = { stamp, map: mapCommit(git, commit, path) };
      this.gitMaps.set(key, entry);
    }
    const map = await entry.map;
    if (map.kind === 'mappedAt' && map.path !== path) this.renamed.set(blocker.id, map.path);
    else this.renamed.delete(blocker.id);
    if (map.kind !== 'mappedAt') return map;
    // The commit's lines are checked per blocker: one anchor may carry uncommitted edits, another not.
    return { ...map, recorded: map.recorded && (await this.recordedAt(git, commit, path, blocker)) };
  }

  private readonly commitTexts = new Map<string, Promise<readonly string[] | undefined>>();

  private recordedAt(git: GitRunner, commit: string, path: string, blocker: AnchoredBlocker): Promise<boolean> {
    const key = `${commit}\u0000${path}`;
    let text = this.commitTexts.get(key);
    if (text) {
      // Most recently used last: the oldest is evicted first.
      this.commitTexts.delete(key);
    } else {
      text = git.run(['show', `${commit}:${path}`]).then(splitLines, () => undefined);
      const oldest = this.commitTexts.keys().next();
      if (this.commitTexts.size >= MAX_COMMIT_TEXTS && oldest.done !== true) this.commitTexts.delete(oldest.value);
    }
    this.commitTexts.set(key, text);
    return text.then((lines) => lines !== undefined && recordedAtCommit(blocker.anchor, lines));
  }

  private unsavedEdits(open: OpenText, disk: DiskText, lines: () => readonly string[]): Hunks {
    const tracked = this.unsaved.get(open.uri);
    if (tracked?.stamp === disk.stamp && tracked.edits.version === open.version) return tracked.edits.hunks;
    // The first placement in this document (or after a save): one whole diff, then per change.
    const edits = new UnsavedEdits(disk.lines, lines(), open.version);
    this.unsaved.set(open.uri, { stamp: disk.stamp, edits });
    return edits.hunks;
  }

  private async readDisk(path: string): Promise<DiskText | undefined> {
    const root = this.root;
    if (!root || !isSafeRelativePath(path)) return undefined;
    try {
      const file = join(root, ...path.split('/'));
      const info = await stat(file);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
      const stamp = `${info.mtimeMs}:${info.size}`;
      const cached = this.disk.get(path);
      if (cached?.stamp === stamp) return cached;
      const text = await readFile(file, 'utf8');
      const read = { stamp, text, lines: splitLines(text) };
      this.disk.set(path, read);
      return read;
    } catch {
      return undefined; // deleted or unreadable
    }
  }
}

async function mapCommit(git: GitRunner, commit: string, path: string): Promise<CommitMap> {
  const map = await gitLineMap(git, commit, path);
  return map.kind === 'mapped' ? { kind: 'mappedAt', path: map.path, hunks: map.hunks, recorded: true } : map;
}

