import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { z } from 'zod';
import { anchorSchema, isDraftId } from './marker';

/**
 * Drafts are real Markdown files under the extension's global storage (`drafts/<id>.md`), so they
 * are ordinary editor tabs, survive reloads, crashes and network loss, and are found again by the
 * CodeLens provider (which matches that folder). Each has a sidecar `<id>.json` with what the
 * editable text must not be trusted for: the kind, the repository, the anchor, the discussion a
 * reply belongs to, and whether a post was attempted. After a successful post the pair moves to
 * `posted/`, so it is never offered for posting again.
 */

const repoSchema = z.object({ owner: z.string().min(1), name: z.string().min(1) });

export const draftMetaSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('blocker'),
    id: z.string().refine(isDraftId),
    repo: repoSchema.optional(),
    anchor: anchorSchema.optional(),
    createdAt: z.number(),
    /** Set before the first post attempt: later attempts look for it on GitHub first. */
    attempted: z.boolean().optional(),
    postedUrl: z.string().optional(),
  }),
  z.object({
    kind: z.literal('reply'),
    id: z.string().refine(isDraftId),
    discussionId: z.string().min(1),
    discussionUrl: z.string(),
    discussionTitle: z.string(),
    createdAt: z.number(),
    attempted: z.boolean().optional(),
    postedUrl: z.string().optional(),
  }),
]);

export type DraftMeta = z.infer<typeof draftMetaSchema>;

export class DraftStore {
  readonly folder: vscode.Uri;
  readonly postedFolder: vscode.Uri;

  constructor(storage: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(storage, 'drafts');
    this.postedFolder = vscode.Uri.joinPath(this.folder, 'posted');
  }

  static newId(): string {
    return randomUUID();
  }

  /** The draft id when `uri` is an unposted draft file. */
  idOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.folder.scheme) return undefined;
    const folder = this.folder.path.replace(/\/+$/, '');
    const match = /^(.*)\/([^/]+)\.md$/.exec(uri.path);
    if (!match || match[1] !== folder || !isDraftId(match[2] ?? '')) return undefined;
    return match[2];
  }

  uriOf(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${id}.md`);
  }

  private metaUri(id: string, posted = false): vscode.Uri {
    return vscode.Uri.joinPath(posted ? this.postedFolder : this.folder, `${id}.json`);
  }

  async create(meta: DraftMeta, markdown: string): Promise<vscode.Uri> {
    await this.writeMeta(meta);
    const uri = this.uriOf(meta.id);
    await files.write(uri, markdown);
    return uri;
  }

  async readMeta(id: string): Promise<DraftMeta | undefined> {
    try {
      const raw = await files.read(this.metaUri(id));
      const parsed = draftMetaSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async writeMeta(meta: DraftMeta): Promise<void> {
    await files.mkdir(this.folder);
    await files.write(this.metaUri(meta.id), JSON.stringify(meta, null, 2));
  }

  /** Moves the draft and its sidecar to `posted/` (kept for the record; never posted again). */
  async markPosted(meta: DraftMeta, url: string): Promise<void> {
    const done = { ...meta, postedUrl: url };
    // The sidecar says "posted" first: if the move fails, a retry still sees it.
    await this.writeMeta(done);
    await files.mkdir(this.postedFolder);
    await files.rename(this.metaUri(meta.id), this.metaUri(meta.id, true));
    await files.rename(this.uriOf(meta.id), vscode.Uri.joinPath(this.postedFolder, `${meta.id}.md`));
  }

  /** Unposted drafts with their titles (first line), newest first: what the Blocked view lists. */
  async listWithTitles(): Promise<{ meta: DraftMeta; title: string; uri: vscode.Uri }[]> {
    const metas = await this.list();
    return Promise.all(
      metas.map(async (meta) => {
        const uri = this.uriOf(meta.id);
        let first = '';
        try {
          first = (await files.read(uri)).split('\n', 1)[0] ?? '';
        } catch {
          // The Markdown is gone (deleted by hand): listed by id so the sidecar can still be found.
        }
        return { meta, title: first.replace(/^#\s*/, '').trim(), uri };
      }),
    );
  }

  /** Unposted drafts on disk, newest first. */
  async list(): Promise<DraftMeta[]> {
    let names: string[];
    try {
      names = await files.list(this.folder);
    } catch {
      return [];
    }
    const metas = await Promise.all(names.filter((name) => name.endsWith('.json')).map((name) => this.readMeta(name.slice(0, -5))));
    return metas.filter((m): m is DraftMeta => m !== undefined && m.postedUrl === undefined).sort((a, b) => b.createdAt - a.createdAt);
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
  async list(uri: vscode.Uri): Promise<string[]> {
    if (uri.scheme === 'file') return (await readdir(uri.fsPath, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    return (await vscode.workspace.fs.readDirectory(uri)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
  },
};
