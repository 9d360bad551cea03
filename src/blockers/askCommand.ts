import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import { askRange, buildAskInput } from './askContext';
import { buddyForDraft, type HelpBalanceSource } from './buddySuggestion';
import { buildAskDraft } from './draftContent';
import type { DraftStore } from './draftStore';

/**
 * Where drafts go. `newId` is passed in rather than called as `DraftStore.newId` so that this file
 * (in the lazy dist/askTheTeam.js) holds no copy of the draft store and its schemas.
 */
export interface AskDrafts {
  readonly store: DraftStore;
  readonly newId: () => string;
}

/**
 * "Ask the Team About This Code": builds the request from the selection and opens it as a
 * Markdown draft in a normal editor tab. Called from the editor context menu (uri), a code
 * action (uri, range) or the palette (the active editor).
 */
export async function askTheTeam(ctx: BlockedContext, drafts: AskDrafts, balance: HelpBalanceSource, uri?: vscode.Uri, range?: vscode.Range): Promise<vscode.Uri | undefined> {
  const { store, newId } = drafts;
  const active = vscode.window.activeTextEditor;
  let document = active?.document;
  let selection: vscode.Range | undefined = active?.selection;
  if (uri instanceof vscode.Uri && uri.toString() !== document?.uri.toString()) {
    // The editor the menu was opened on, if visible (its selection counts), else the file itself.
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    document = shown?.document ?? (await vscode.workspace.openTextDocument(uri));
    selection = shown?.selection;
  }
  if (range instanceof vscode.Range) selection = range;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the code you want to ask about (and select the lines), then ask again.'));
    return undefined;
  }
  if (store.idOf(document.uri) !== undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This is already a draft. Post it with "Post to #Blocked" at the top.'));
    return undefined;
  }
  const lines = await askRange(document, selection ?? new vscode.Range(0, 0, 0, 0));
  const id = newId();
  const input = await buildAskInput(ctx, id, document, lines);
  const buddy = buddyForDraft(ctx, balance);
  const draft = buildAskDraft(buddy ? { ...input, buddy } : input, vscode.l10n.t);
  const repo = document.isUntitled ? ctx.repositories.current : (ctx.repositories.forUri(document.uri) ?? ctx.repositories.current);
  const uriOfDraft = await store.create(
    {
      kind: 'blocker',
      id,
      ...(repo ? { repo: { owner: repo.ref.owner, name: repo.ref.name } } : {}),
      ...(draft.anchor ? { anchor: draft.anchor } : {}),
      ...(draft.around ? { aroundText: { ...draft.around, before: [...draft.around.before], after: [...draft.around.after] } } : {}),
      createdAt: ctx.clock.now(),
    },
    draft.title,
    draft.markdown,
  );
  const editor = await vscode.window.showTextDocument(uriOfDraft, { preview: false });
  // The cursor waits where the asker starts typing: under "What I'm trying to do".
  const promptLine = editor.document.getText().split('\n').findIndex((l) => l.startsWith('<!--'));
  if (promptLine >= 0) editor.selection = new vscode.Selection(promptLine, 0, promptLine, editor.document.lineAt(promptLine).text.length);
  ctx.log.info(`Opened #Blocked draft ${id}.`);
  return uriOfDraft;
}

/** The lightbulb on lines with errors or warnings: "Ask the Team About This Code". */
export class AskCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: DraftStore) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (this.store.idOf(document.uri) !== undefined) return [];
    const problems = context.diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    if (problems.length === 0) return [];
    const target = range.isEmpty
      ? problems.reduce((r, d) => r.union(d.range), problems[0]?.range ?? range)
      : range;
    const action = new vscode.CodeAction(vscode.l10n.t('Ask the Team About This Code'), vscode.CodeActionKind.QuickFix);
    action.diagnostics = problems;
    action.isPreferred = false;
    action.command = { command: 'teamSupport.blocked.ask', title: action.title, arguments: [document.uri, new vscode.Range(target.start.line, 0, target.end.line, target.end.character)] };
    return [action];
  }
}

/** "Post to #Blocked" / "Post Reply" at the top of every draft, also after reopening or reloading. */
export class DraftLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly store: DraftStore) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const id = this.store.idOf(document.uri);
    if (id === undefined) return [];
    const meta = await this.store.readMeta(id);
    // Another account's draft (open from before a switch) offers nothing to post.
    if (token.isCancellationRequested || !meta || meta.postedUrl !== undefined || !this.store.owns(meta)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const title = meta.kind === 'blocker' ? `$(send) ${vscode.l10n.t('Post to #Blocked')}` : `$(reply) ${vscode.l10n.t('Post Reply')}`;
    return [new vscode.CodeLens(top, { command: 'teamSupport.blocked.post', title, arguments: [document.uri] })];
  }
}
