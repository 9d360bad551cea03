import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { draftFileName } from './draftFileName';
import { AROUND_LINES, aroundSchema } from '../protocol/anchorContext';
import { anchorSchema, isDraftId } from '../protocol/blockerMarker';

/**
 * Drafts are real Markdown files under the extension's global storage, one folder per draft:
 * `drafts/<id>/<title>.md` (the tab shows the title) beside `drafts/<id>/draft.json`, the sidecar
 * with what the editable text must not be trusted for and never contains: the account it belongs
 * to, the kind, the repository, the anchor, the discussion a reply belongs to, and whether a post
 * was attempted. Ordinary files survive reloads, crashes and network loss, and the CodeLens
 * provider finds them again by folder. After a successful post the folder moves to `posted/`, a
 * discarded one to `discarded/` (so "Undo" can bring it back).
 *
 * Drafts belong to the account that made them (`owner()` says who is signed in): listing, opening
 * and posting only ever see the signed-in account's drafts. A draft with no account (made while
 * signed out, or before drafts had owners) is claimed by the next account that lists it.
 */

/** The lines around the anchor (anchorContext.ts): kept with the draft, hashed by the guard when posting. */
const aroundLines = z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(AROUND_LINES));
const aroundTextSchema = z.object({ before: aroundLines, after: aroundLines, counts: aroundSchema.shape.counts, copies: aroundSchema.shape.copies });

const repoSchema = z.object({ owner: z.string().check(z.minLength(1)), name: z.string().check(z.minLength(1)) });
const common = {
  id: z.string().check(z.refine(isDraftId)),
  /** `accountKey()` (github/accountKey.ts) of the account that made it; absent until an account claims it. */
  account: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  /** The Markdown file's name in the draft's folder (absent for drafts from before folders). */
  fileName: z.optional(z.string().check(z.minLength(4), z.maxLength(200), z.regex(/^[^/\\]+\.md$/))),
  createdAt: z.number(),
  /** Set before the first post attempt: later attempts look for it on GitHub first. */
  attempted: z.optional(z.boolean()),
  postedUrl: z.optional(z.string()),
};

export const draftMetaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('blocker'), ...common, repo: z.optional(repoSchema), anchor: z.optional(anchorSchema), aroundText: z.optional(aroundTextSchema) }),
  z.object({ kind: z.literal('reply'), ...common, discussionId: z.string().check(z.minLength(1)), discussionUrl: z.string(), discussionTitle: z.string() }),
]);

export type DraftMeta = z.infer<typeof draftMetaSchema>;
/** What a caller gives `create`: the store adds the account and the file name. */
export type NewDraftMeta = DraftMeta extends infer M ? (M extends DraftMeta ? Omit<M, 'account' | 'fileName'> : never) : never;

const META = 'draft.json';

export class DraftStore {
  readonly folder: vscode.Uri;
  readonly postedFolder: vscode.Uri;
  readonly discardedFolder: vscode.Uri;

  /** `owner()`: the signed-in account's `accountKey`, undefined while signed out. */
  constructor(
    storage: vscode.Uri,
    readonly owner: () => string | undefined,
  ) {
    this.folder = vscode.Uri.joinPath(storage, 'drafts');
    this.postedFolder = vscode.Uri.joinPath(this.folder, 'posted');
    this.discardedFolder = vscode.Uri.joinPath(this.folder, 'discarded');
  }

  static newId(): string {
    return randomUUID();
  }

  /** The draft id when `uri` is an unposted draft's Markdown file (`drafts/<id>/<name>.md`). */
  idOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.folder.scheme) return undefined;
    const folder = this.folder.path.replace(/\/+$/, '');
    const match = /^(.*)\/([^/]+)\/[^/]+\.md$/.exec(uri.path);
    if (!match || match[1] !== folder || !isDraftId(match[2] ?? '')) return undefined;
    return match[2];
  }

  uriOf(meta: Pick<DraftMeta, 'id' | 'fileName'>, where: vscode.Uri = this.folder): vscode.Uri {
    return vscode.Uri.joinPath(where, meta.id, meta.fileName ?? 'Draft.md');
  }

  /** Whether the signed-in account may see and post this draft. */
  owns(meta: DraftMeta): boolean {
    return meta.account === undefined || meta.account === this.owner();
  }

  /** Writes a new draft for the signed-in account; `title` names its file (and so its tab). */
  async create(meta: NewDraftMeta, title: string, markdown: string): Promise<vscode.Uri> {
    const account = this.owner();
    const full = { ...meta, fileName: draftFileName(title), ...(account ? { account } : {}) } as DraftMeta;
    await this.writeMeta(full);
    const uri = this.uriOf(full);
    await files.write(uri, markdown);
    return uri;
  }

  /** The sidecar of draft `id`, if it exists and is valid (any account's: callers check `owns`). */
  async readMeta(id: string, where: vscode.Uri = this.folder): Promise<DraftMeta | undefined> {
    if (!isDraftId(id)) return undefined;
    try {
      const raw = await files.read(vscode.Uri.joinPath(where, id, META));
      const parsed = draftMetaSchema.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.id === id ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async writeMeta(meta: DraftMeta, where: vscode.Uri = this.folder): Promise<void> {
    await files.mkdir(vscode.Uri.joinPath(where, meta.id));
    await files.write(vscode.Uri.joinPath(where, meta.id, META), JSON.stringify(meta, null, 2));
  }

  /** Moves the draft's folder to `posted/` (kept for the record; never posted again). */
  async markPosted(meta: DraftMeta, url: string): Promise<void> {
    // The sidecar says "posted" first: if the move fails, a retry still sees it.
    await this.writeMeta({ ...meta, postedUrl: url });
    await this.move(meta.id, this.folder, this.postedFolder);
  }

  /** Moves the draft's folder to `discarded/`; `restore` brings it back. */
  async discard(id: string): Promise<void> {
    await this.move(id, this.folder, this.discardedFolder);
  }

  /** Undoes `discard`: the draft's URI is the same as before. */
  async restore(id: string): Promise<vscode.Uri | undefined> {
    const meta = await this.readMeta(id, this.discardedFolder);
    if (!meta || !this.owns(meta)) return undefined;
    await this.move(id, this.discardedFolder, this.folder);
    return this.uriOf(meta);
  }

  /** The signed-in account's unposted drafts with their titles (first line), newest first: what the Blocked view lists. */
  async listWithTitles(): Promise<{ meta: DraftMeta; title: string; uri: vscode.Uri }[]> {
    const metas = await this.list();
    return Promise.all(
      metas.map(async (meta) => {
        const uri = this.uriOf(meta);
        let first = '';
        try {
          first = (await files.read(uri)).split('\n', 1)[0] ?? '';
        } catch {
          // The Markdown is gone (deleted by hand): listed by its file name so the sidecar can still be found.
        }
        return { meta, title: first.replace(/^#\s*/, '').trim() || (meta.fileName ?? '').replace(/\.md$/, ''), uri };
      }),
    );
  }

  /** The signed-in account's unposted drafts on disk, newest first (unowned ones are claimed first). */
  async list(): Promise<DraftMeta[]> {
    await this.migrateFlatDrafts();
    let names: string[];
    try {
      names = await files.list(this.folder, 'directory');
    } catch {
      return [];
    }
    const metas = (await Promise.all(names.filter(isDraftId).map((id) => this.readMeta(id)))).filter((m): m is DraftMeta => m !== undefined && m.postedUrl === undefined);
    const owner = this.owner();
    const mine: DraftMeta[] = [];
    for (const meta of metas) {
      if (meta.account === undefined && owner !== undefined) {
        const claimed = { ...meta, account: owner };
        await this.writeMeta(claimed);
        mine.push(claimed);
      } else if (this.owns(meta)) {
        mine.push(meta);
      }
    }
    return mine.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Drafts from before folders (`drafts/<id>.md` + `<id>.json`) move into `drafts/<id>/` (a marker line left in their text is stripped when posting). */
  private async migrateFlatDrafts(): Promise<void> {
    let names: string[];
    try {
      names = await files.list(this.folder, 'file');
    } catch {
      return;
    }
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!isDraftId(id)) continue;
      try {
        const parsed = draftMetaSchema.safeParse(JSON.parse(await files.read(vscode.Uri.joinPath(this.folder, name))));
        if (!parsed.success) continue;
        const markdown = vscode.Uri.joinPath(this.folder, `${id}.md`);
        const title = ((await files.read(markdown)).split('\n', 1)[0] ?? '').replace(/^#\s*/, '');
        const meta = { ...parsed.data, fileName: draftFileName(title) };
        await this.writeMeta(meta);
        await files.rename(markdown, this.uriOf(meta));
        await files.remove(vscode.Uri.joinPath(this.folder, name));
      } catch {
        // Left where it is; the next listing tries again.
      }
    }
  }

  private async move(id: string, from: vscode.Uri, to: vscode.Uri): Promise<void> {
    await files.mkdir(to);
    await files.rename(vscode.Uri.joinPath(from, id), vscode.Uri.joinPath(to, id));
  }
}

/**
 * Storage is on the extension host's own disk (`file:`) in every host this extension runs in
 * (desktop, remote, code-server); Node's fs avoids `workspace.fs`'s round trip through the
 * workbench, which costs seconds in a browser workbench. Other schemes use `workspace.fs`.
 */
const files = {
  async mkdir(uri: vscode.Uri): Promise<void> {
    if (uri.scheme === 'file') await mkdir(uri.fsPath, { recursive: true });
    else await vscode.workspace.fs.createDirectory(uri);
  },
  async write(uri: vscode.Uri, text: string): Promise<void> {
    if (uri.scheme === 'file') await writeFile(uri.fsPath, text, 'utf8');
    else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  },
  async read(uri: vscode.Uri): Promise<string> {
    if (uri.scheme === 'file') return readFile(uri.fsPath, 'utf8');
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  },
  async rename(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    if (from.scheme === 'file' && to.scheme === 'file') await rename(from.fsPath, to.fsPath);
    else await vscode.workspace.fs.rename(from, to, { overwrite: true });
  },
  async remove(uri: vscode.Uri): Promise<void> {
    if (uri.scheme === 'file') await rm(uri.fsPath, { force: true });
    else await vscode.workspace.fs.delete(uri);
  },
  async list(uri: vscode.Uri, kind: 'file' | 'directory'): Promise<string[]> {
    if (uri.scheme === 'file') {
      return (await readdir(uri.fsPath, { withFileTypes: true })).filter((e) => (kind === 'file' ? e.isFile() : e.isDirectory())).map((e) => e.name);
    }
    const type = kind === 'file' ? vscode.FileType.File : vscode.FileType.Directory;
    return (await vscode.workspace.fs.readDirectory(uri)).filter(([, t]) => t === type).map(([name]) => name);
  },
};
