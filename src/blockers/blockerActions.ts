import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import { guardOwnText } from '../outgoing/secretPrompt';
import { addReply, closeResolved, listComments, markAnswer } from './blockedApi';
import type { BlockerRow } from './blockerRows';
import { DraftStore } from './draftStore';
import type { LocateAnchorResult } from '../protocol/lspProtocol';
import { lostText, type BlockedNode, type BlockedTree } from './blockedTree';
import { stripMarkers } from '../protocol/blockerMarker';
import { newReplyKey } from '../protocol/replyMarker';
import { promptTexts } from './postDraft';
import { safeLabel } from '../protocol/safeText';
import { formatAge } from './sla';
import { isSafeRelativePath } from '../protocol/anchorPath';
import { sameLogin } from '../protocol/githubLogin';

/** What a tree command receives: the node from a menu, or a discussion id (tests, other features). */
export type BlockerArg = BlockedNode | string | undefined;

/** Programmatic use (tests): `answer` picks the reply to mark (comment id, or 'latest'); 'close' closes without one. */
export interface ResolveOptions {
  readonly answer?: string;
}

export class BlockerActions {
  constructor(
    private readonly ctx: BlockedContext,
    private readonly tree: BlockedTree,
    private readonly store: DraftStore,
  ) {}

  row(arg: BlockerArg): BlockerRow | undefined {
    const given = typeof arg === 'object' && arg.kind !== 'draft' ? arg.row : undefined;
    const id = typeof arg === 'string' ? arg : given?.id;
    const node = id === undefined ? this.tree.view.selection[0] : this.tree.nodeFor(id);
    // Prefer the current snapshot's row; a node from an older render still works.
    return (node && node.kind !== 'draft' ? node.row : undefined) ?? given;
  }

  async reply(arg: BlockerArg): Promise<vscode.Uri | undefined> {
    const row = this.row(arg);
    if (!row) return undefined;
    const id = DraftStore.newId();
    const title = vscode.l10n.t('Reply to #{0}: {1}', row.number, row.title);
    const markdown = [`# ${title}`, '', `<!-- ${promptTexts()[2] ?? ''} -->`, '', '', ''].join('\n');
    const uri = await this.store.create(
      { kind: 'reply', id, discussionId: row.id, discussionUrl: row.url, discussionTitle: row.title, createdAt: this.ctx.clock.now() },
      title,
      markdown,
    );
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    return uri;
  }

  async pickUp(arg: BlockerArg): Promise<string | undefined> {
    const row = this.row(arg);
    if (!row) return undefined;
    const gateway = await this.ctx.session.ensureSignedIn();
    if (!gateway) return undefined;
    const me = gateway.login ?? this.ctx.session.login ?? '';
    if (sameLogin(row.pickedUpBy, me)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('You already picked up "{0}".', row.title));
      return undefined;
    }
    const text = row.mine
      ? vscode.l10n.t("I'm on it myself for now.")
      : vscode.l10n.t("@{0} I'm on it: I'm looking at this now and will get back to you here.", row.author);
    // The pick-up marker is what every teammate's Blocked view reads ("picked up by @me").
    const key = newReplyKey();
    try {
      // Our own words and two logins, but every text that leaves passes the guard.
      const guarded = await guardOwnText(this.ctx.extension, { body: text, hidden: { kind: 'reply', marker: { kind: 'pickup', key } } });
      const posted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Telling @{0}…', row.author) }, () =>
        addReply(gateway, { discussionId: row.id, body: guarded.body, key }),
      );
      await this.ctx.teamSnapshot.refresh();
      void vscode.window.showInformationMessage(
        row.mine ? vscode.l10n.t('The team sees that you are on "{0}" yourself.', row.title) : vscode.l10n.t('@{0} knows you picked up "{1}".', row.author, row.title),
      );
      return posted.url;
    } catch (error) {
      this.ctx.log.error(`Picking up ${row.id} failed: ${String(error)}`);
      void this.ctx.errors.show(error, { context: vscode.l10n.t('Could not tell the team you picked it up.'), retry: () => this.pickUp(row.id) });
      return undefined;
    }
  }

  async resolve(arg: BlockerArg, options: ResolveOptions = {}): Promise<boolean> {
    const row = this.row(arg);
    if (!row) return false;
    const gateway = await this.ctx.session.ensureSignedIn();
    if (!gateway) return false;
    try {
      const answerable = this.ctx.teamSnapshot.category?.isAnswerable === true;
      let answerId: string | undefined;
      if (answerable && options.answer !== 'close') {
        const comments = await listComments(gateway, row.id);
        if (options.answer === 'latest') answerId = comments[comments.length - 1]?.id;
        else if (options.answer !== undefined) answerId = comments.find((c) => c.id === options.answer)?.id;
        else if (comments.length > 0) {
          const close = { label: `$(close) ${vscode.l10n.t('Close as resolved without marking an answer')}`, id: undefined };
          const picks: { label: string; description?: string; detail?: string; id: string | undefined }[] = [
            ...comments.reverse().map((c) => ({
              label: `@${safeLabel(c.author?.login ?? 'ghost', 39)}`,
              description: formatAge(this.ctx.clock.now() - Date.parse(c.createdAt)),
              detail: safeLabel(stripMarkers(c.body), 200),
              id: c.id,
            })),
            close,
          ];
          const picked = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Which reply solved "{0}"?', row.title), placeHolder: vscode.l10n.t('It is marked as the answer') });
          if (!picked) return false;
          answerId = picked.id;
        }
      }
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Marking "{0}" resolved…', row.title) }, () =>
        answerId !== undefined ? markAnswer(gateway, answerId) : closeResolved(gateway, row.id),
      );
      await this.ctx.teamSnapshot.refresh();
      return true;
    } catch (error) {
      this.ctx.log.error(`Resolving ${row.id} failed: ${String(error)}`);
      void this.ctx.errors.show(error, { context: vscode.l10n.t('Could not mark it resolved.'), retry: () => this.resolve(row.id, options) });
      return false;
    }
  }

  async openOnGitHub(arg: BlockerArg): Promise<void> {
    const row = this.row(arg);
    if (row && isWebUrl(row.url)) await vscode.env.openExternal(vscode.Uri.parse(row.url));
  }

  async copyLink(arg: BlockerArg): Promise<void> {
    const row = this.row(arg);
    if (!row) return;
    await vscode.env.clipboard.writeText(row.url);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Link to #{0} copied.', row.number), 3000);
  }

  /** Set by the language client: the one relocation the CodeLens uses. */
  locator: AnchorLocator | undefined;

  /**
   * Opens the code a blocker is about, selecting the lines its CodeLens stands on (the language
   * server places both). When the server can't answer, the lines as they were asked about.
   */
  async openLocation(arg: BlockerArg): Promise<vscode.TextEditor | undefined> {
    const row = this.row(arg);
    const anchor = typeof arg === 'object' && arg.kind === 'location' ? arg.anchor : row?.anchor;
    if (!anchor) return undefined;
    const repo = this.ctx.repositories.current;
    const located = row && repo ? await this.locator?.(row.id) : undefined;
    if (located?.kind === 'lost') {
      const text = located.reason === 'fileMissing' ? vscode.l10n.t('{0} is not in this workspace.', anchor.path) : lostText(located.reason).tooltip;
      this.offerGitHub(text, arg);
      return undefined;
    }
    const path = located?.kind === 'found' ? located.path : anchor.path;
    const uri = repo && isSafeRelativePath(path) ? vscode.Uri.joinPath(repo.rootUri, ...path.split('/')) : undefined;
    let document: vscode.TextDocument | undefined;
    if (uri) {
      try {
        document = await vscode.workspace.openTextDocument(uri);
      } catch {
        document = undefined;
      }
    }
    if (!document) {
      this.offerGitHub(vscode.l10n.t('{0} is not in this workspace.', path), arg);
      return undefined;
    }
    const last = document.lineCount - 1;
    const start = Math.min(located?.kind === 'found' ? located.startLine : anchor.startLine - 1, last);
    const end = Math.max(start, Math.min(located?.kind === 'found' ? located.endLine : anchor.endLine - 1, last));
    const range = new vscode.Range(start, 0, end, document.lineAt(end).text.length);
    return vscode.window.showTextDocument(document, { selection: range, preview: true });
  }

  private offerGitHub(message: string, arg: BlockerArg): void {
    const open = vscode.l10n.t('Open on GitHub');
    void vscode.window.showInformationMessage(message, open).then((picked) => (picked === open ? this.openOnGitHub(arg) : undefined));
  }
}

/** Where a blocker's code is now (the language server's answer), or undefined when it can't say. */
export type AnchorLocator = (blockerId: string) => Promise<LocateAnchorResult | undefined>;

function isWebUrl(url: string): boolean {
  return /^https?:\/\//.test(url);
}
