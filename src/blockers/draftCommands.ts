import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import { currentAccountKey } from '../github/accountKey';
import type { BlockedNode } from './blockedTree';
import type { DraftStore } from './draftStore';

/**
 * Draft upkeep: "Discard Draft" on a draft row or its editor (with Undo), and the account switch:
 * another account's open drafts are saved and closed, and the view lists the new account's.
 */
export interface DraftCommands {
  /** What "Undo" after a discard does (tests call it instead of clicking the notification). */
  readonly restore: (id: string) => Promise<vscode.Uri | undefined>;
}

export function registerDraftCommands(ctx: BlockedContext, store: DraftStore, reload: () => Promise<void>): DraftCommands {
  const d = ctx.disposables;
  const restore = async (id: string): Promise<vscode.Uri | undefined> => {
    const uri = await store.restore(id);
    await reload();
    if (uri) await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  };

  d.add(
    vscode.commands.registerCommand('teamSupport.blocked.discardDraft', async (arg?: BlockedNode | vscode.Uri): Promise<boolean> => {
      const uri = arg instanceof vscode.Uri ? arg : arg?.kind === 'draft' ? arg.uri : vscode.window.activeTextEditor?.document.uri;
      const id = uri ? store.idOf(uri) : undefined;
      const meta = id === undefined ? undefined : await store.readMeta(id);
      if (!uri || id === undefined || !meta || !store.owns(meta)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Pick one of your drafts in the Blocked view to discard it.'));
        return false;
      }
      // Saved first, so Undo brings back exactly what was typed.
      await closeTabs([uri]);
      await store.discard(id);
      await reload();
      ctx.log.info(`Discarded draft ${id}.`);
      const undo = vscode.l10n.t('Undo');
      void vscode.window.showInformationMessage(vscode.l10n.t('Draft discarded.'), undo).then((picked) => (picked === undo ? restore(id) : undefined));
      return true;
    }),
  );

  let owner = currentAccountKey(ctx.session);
  d.add(
    ctx.session.onDidChange(() => {
      const next = currentAccountKey(ctx.session);
      if (next === owner) return;
      owner = next;
      void closeOthersDrafts(store)
        .then(reload)
        .catch((error: unknown) => ctx.log.warn(`Could not put away the previous account's drafts: ${String(error)}`));
    }),
  );
  return { restore };
}

/** Saves and closes the open tabs of drafts the signed-in account does not own. */
async function closeOthersDrafts(store: DraftStore): Promise<void> {
  const uris: vscode.Uri[] = [];
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!(tab.input instanceof vscode.TabInputText)) continue;
    const id = store.idOf(tab.input.uri);
    const meta = id === undefined ? undefined : await store.readMeta(id);
    if (meta && !store.owns(meta)) uris.push(tab.input.uri);
  }
  await closeTabs(uris);
}

async function closeTabs(uris: readonly vscode.Uri[]): Promise<void> {
  const keys = new Set(uris.map((u) => u.toString()));
  for (const doc of vscode.workspace.textDocuments) if (keys.has(doc.uri.toString()) && doc.isDirty) await doc.save();
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && keys.has(t.input.uri.toString()));
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
}
