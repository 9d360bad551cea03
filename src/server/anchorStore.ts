import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { AnchoredBlocker } from '../protocol/lspProtocol';
import { DocumentAnchorCache, type DocumentPlacement } from './anchors/documentAnchors';
import { splitLines } from './anchors/relocate';

/** Files larger than this are not read from disk to check anchors (the blocker shows as moved). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface OpenText {
  readonly version: number;
  getText(): string;
}

/**
 * The open blockers by file, and relocation caches for open documents (per version) and for
 * files read from disk (per modification time), so the moved-anchor check covers closed files.
 */
export class AnchorStore {
  private byPath = new Map<string, AnchoredBlocker[]>();
  private readonly openCaches = new Map<string, DocumentAnchorCache>();
  private readonly diskCaches = new Map<string, DocumentAnchorCache>();

  setBlockers(blockers: readonly AnchoredBlocker[]): void {
    const byPath = new Map<string, AnchoredBlocker[]>();
    for (const blocker of blockers) {
      if (!isSafeRelativePath(blocker.anchor.path)) continue;
      const list = byPath.get(blocker.anchor.path);
      if (list) list.push(blocker);
      else byPath.set(blocker.anchor.path, [blocker]);
    }
    this.byPath = byPath;
    this.diskCaches.clear();
  }

  get allBlockers(): AnchoredBlocker[] {
    return [...this.byPath.values()].flat();
  }

  blockersFor(path: string): readonly AnchoredBlocker[] {
    return this.byPath.get(path) ?? [];
  }

  /** Placement of `path`'s anchors in an open document. */
  placeOpen(uri: string, path: string, doc: OpenText): DocumentPlacement {
    let cache = this.openCaches.get(uri);
    if (!cache) {
      cache = new DocumentAnchorCache();
      this.openCaches.set(uri, cache);
    }
    return cache.place(doc.version, () => splitLines(doc.getText()), this.blockersFor(path));
  }

  closed(uri: string): void {
    this.openCaches.delete(uri);
  }

  /**
   * Ids of blockers whose code can't be found: in the open document when the file is open
   * (`openText`), else in the file on disk under `rootPath`. A missing file counts as moved.
   */
  async lostIds(rootPath: string, openText: (path: string) => { uri: string; doc: OpenText } | undefined): Promise<Set<string>> {
    const lost = new Set<string>();
    for (const [path, blockers] of this.byPath) {
      const open = openText(path);
      if (open) {
        for (const b of this.placeOpen(open.uri, path, open.doc).lost) lost.add(b.id);
        continue;
      }
      const placement = await this.placeOnDisk(join(rootPath, path), path);
      for (const b of placement?.lost ?? blockers) lost.add(b.id);
    }
    return lost;
  }

  private async placeOnDisk(file: string, path: string): Promise<DocumentPlacement | undefined> {
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
      let cache = this.diskCaches.get(path);
      if (!cache) {
        cache = new DocumentAnchorCache();
        this.diskCaches.set(path, cache);
      }
      const text = await readFile(file, 'utf8');
      return cache.place(info.mtimeMs, () => splitLines(text), this.blockersFor(path));
    } catch {
      return undefined; // deleted or unreadable: the code is not where it was
    }
  }
}

/** Anchor paths come from blocker bodies (hostile text): repository-relative, no `..`. */
export function isSafeRelativePath(path: string): boolean {
  if (isAbsolute(path) || /^[A-Za-z]:/.test(path) || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '..' && segment !== '');
}
