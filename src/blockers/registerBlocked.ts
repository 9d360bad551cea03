import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import type { Blocker } from '../snapshot/snapshotSchema';
import { loadBundle } from '../core/lazyBundle';
import { AskCodeActionProvider, DraftLensProvider } from './askCommand';
import type * as AskTheTeam from './askTheTeamModule';
import { type AnchorLocator, type BlockerArg, BlockerActions, type ResolveOptions } from './blockerActions';
import { BlockedTree } from './blockedTree';
import type { HelpBalanceSource } from './buddySuggestion';
import { DayStartNotices } from './dayStartNotices';
import { registerDraftCommands } from './draftCommands';
import { DraftStore } from './draftStore';
import { currentAccountKey } from '../github/accountKey';
import { firstReplies, readFirstReplyState } from './firstReply';
import { type PostResult, postDraft } from './postDraft';

/** What the #Blocked feature exposes on the extension API (integration tests wait on these). */
export interface BlockedFeature {
  readonly tree: BlockedTree;
  readonly drafts: DraftStore;
  readonly lenses: DraftLensProvider;
  /** What "Undo" after discarding a draft does. */
  readonly restoreDraft: (id: string) => Promise<vscode.Uri | undefined>;
  /** Fires after a draft was posted and the sidebar refreshed. */
  readonly onDidPost: vscode.Event<PostResult>;
  /** Fires with the text of each "replied to / picked up your blocker" notification as it is shown. */
  readonly onDidNotifyAsker: vscode.Event<string>;
  /** "Open Code Location" asks this where a blocker's code is (the language server's relocation). */
  setLocator(locator: AnchorLocator): void;
  /** First-reply notices and the start-of-day digest, within the viewer's working hours. */
  readonly notices: DayStartNotices;
  /** The Kudos feature plugs in its reciprocity figures: the buddy suggestion breaks ties with them. */
  setHelpBalance(source: HelpBalanceSource): void;
}

const FIRST_REPLY_KEY = 'teamSupport.blocked.firstReply';

export function registerBlocked(ctx: BlockedContext): BlockedFeature {
  const d = ctx.disposables;
  const drafts = new DraftStore(ctx.extension.globalStorageUri, () => currentAccountKey(ctx.session));
  const tree = d.add(new BlockedTree(ctx));
  const actions = new BlockerActions(ctx, tree, drafts);
  const posted = d.add(new vscode.EventEmitter<PostResult>());
  const lenses = new DraftLensProvider(drafts);

  const draftFiles: vscode.DocumentSelector = { scheme: drafts.folder.scheme, pattern: new vscode.RelativePattern(drafts.folder, '*/*.md') };
  d.add(vscode.languages.registerCodeLensProvider(draftFiles, lenses));
  d.add(
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new AskCodeActionProvider(drafts), {
      providedCodeActionKinds: AskCodeActionProvider.kinds,
    }),
  );

  // The drafts being posted now: a second Post of one (a double-click on the CodeLens, the palette
  // while the first waits on GitHub) would post it twice, then fail to move the posted draft away.
  const posting = new Set<string>();
  // Only the draft is taken from the caller: whatever else arrives, the questions before posting are asked.
  const post = async (uri?: vscode.Uri): Promise<PostResult | undefined> => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    const id = target && drafts.idOf(target);
    if (!target || id === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a #Blocked draft to post it (start one with "Ask the Team About This Code").'));
      return undefined;
    }
    if (posting.has(id)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This draft is being posted already.'));
      return undefined;
    }
    posting.add(id);
    let result: PostResult | undefined;
    try {
      result = await postDraft(ctx, drafts, target);
    } finally {
      posting.delete(id);
    }
    await reloadDrafts();
    if (!result) return undefined;
    await ctx.teamSnapshot.refresh();
    if (result.kind === 'blocker') {
      const node = tree.nodeFor(result.discussionId);
      if (node) {
        try {
          await tree.view.reveal(node, { select: true, focus: false });
        } catch (error) {
          ctx.log.warn(`Could not reveal the new blocker: ${String(error)}`);
        }
      }
    }
    posted.fire(result);
    const open = vscode.l10n.t('Open on GitHub');
    void vscode.window
      .showInformationMessage(result.kind === 'blocker' ? vscode.l10n.t('Posted to #Blocked.') : vscode.l10n.t('Reply posted.'), open)
      .then((picked) => (picked === open ? vscode.env.openExternal(vscode.Uri.parse(result.url)) : undefined));
    return result;
  };

  const command = (id: string, run: (...args: never[]) => unknown): void => {
    d.add(vscode.commands.registerCommand(id, run as (...args: unknown[]) => unknown));
  };
  const reloadDrafts = (): Promise<void> =>
    tree.reloadDrafts(drafts).catch((error: unknown) => ctx.log.warn(`Could not list the drafts: ${String(error)}`));
  void reloadDrafts();
  const draftCommands = registerDraftCommands(ctx, drafts, reloadDrafts);
  let balance: HelpBalanceSource = () => undefined;
  command('teamSupport.blocked.ask', async (uri?: vscode.Uri, range?: vscode.Range) => {
    const { askTheTeam } = loadBundle<typeof AskTheTeam>(ctx.extension, 'askTheTeam');
    const draft = await askTheTeam(ctx, { store: drafts, newId: () => DraftStore.newId() }, () => balance(), uri, range);
    await reloadDrafts();
    return draft;
  });
  command('teamSupport.blocked.post', post);
  command('teamSupport.blocked.showMine', () => tree.setFilter('mine'));
  command('teamSupport.blocked.showAll', () => tree.setFilter('all'));
  command('teamSupport.blocked.reply', async (arg: BlockerArg) => {
    const draft = await actions.reply(arg);
    await reloadDrafts();
    return draft;
  });
  command('teamSupport.blocked.pickUp', (arg: BlockerArg) => actions.pickUp(arg));
  command('teamSupport.blocked.resolve', (arg: BlockerArg, options?: ResolveOptions) => actions.resolve(arg, options));
  command('teamSupport.blocked.openOnGitHub', (arg: BlockerArg) => actions.openOnGitHub(arg));
  command('teamSupport.blocked.copyLink', (arg: BlockerArg) => actions.copyLink(arg));
  command('teamSupport.blocked.openLocation', (arg: BlockerArg) => actions.openLocation(arg));

  const notices = d.add(new DayStartNotices(ctx));
  const notified = d.add(new vscode.EventEmitter<string>());
  d.add(notices.onDidShow((n) => n.kind === 'firstReply' && notified.fire(n.text)));
  d.add(ctx.teamSnapshot.onDidChange(() => notifyFirstReplies(ctx, notices)));

  return {
    tree,
    drafts,
    lenses,
    restoreDraft: draftCommands.restore,
    onDidPost: posted.event,
    onDidNotifyAsker: notified.event,
    setLocator: (locator) => {
      actions.locator = locator;
    },
    notices,
    setHelpBalance: (source) => {
      balance = source;
    },
  };
}

/** One dismissible notification when the first reply to one of my blockers arrives, or someone picks it up (waits outside working hours). */
function notifyFirstReplies(ctx: BlockedContext, notices: DayStartNotices): void {
  const snapshot = ctx.teamSnapshot.snapshot;
  if (!snapshot?.repository) return;
  const blockers = snapshot.repository.blockers.nodes.filter((b): b is Blocker => b !== null);
  const state = readFirstReplyState(ctx.extension.globalState.get(FIRST_REPLY_KEY));
  const { announce, next } = firstReplies(blockers, snapshot.viewer.login, state);
  void ctx.extension.globalState.update(FIRST_REPLY_KEY, next);
  if (announce.length === 0 || !ctx.settings.get('blocked.notifyOnFirstReply')) return;
  notices.firstReply(announce);
}
