// Issue 13 item 7 and issue 15 item 9: drafts and the running pairing session belong to the
// signed-in account; drafts are documents named by their title, with their metadata beside them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostResult } from '../../src/blockers/postDraft';
import { parseMarker } from '../../src/protocol/blockerMarker';
import type { TeamSupportApi } from '../../src/extension';
import { getExports, sandbox, scriptPrompts, signIn, waitUntil, workspaceRoot } from './support';

function openTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

function tabOf(uri: vscode.Uri): vscode.Tab | undefined {
  return openTabs().find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
}

/** Asks about lines `from`–`to` (1-based) of a workspace file; resolves to the draft's URI. */
async function ask(file: string, from: number, to: number): Promise<vscode.Uri> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), file));
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('teamSupport.blocked.ask', doc.uri, new vscode.Range(from - 1, 0, to - 1, doc.lineAt(to - 1).text.length));
  assert.ok(uri, 'asking opened a draft');
  return uri;
}

/** Signs in as `login` and waits until the Blocked view's draft rows are that account's. */
async function switchTo(login: string): Promise<TeamSupportApi> {
  const api = await signIn(login);
  const { drafts, tree } = api.features.blocked;
  const expected = async () => (await drafts.list()).map((m) => m.id).sort().join();
  const want = await expected();
  await waitUntil(tree.onDidChangeTreeData, () => tree.getChildren().flatMap((n) => (n.kind === 'draft' ? [n.id] : [])).sort().join() === want, 10_000, `${login}'s drafts listed`);
  return api;
}

function listedDraftIds(api: TeamSupportApi): string[] {
  return api.features.blocked.tree.getChildren().flatMap((n) => (n.kind === 'draft' ? [n.id] : []));
}

describe('per account: drafts and pairing; drafts as documents', function () {
  this.timeout(60_000);
  let api: TeamSupportApi;

  before(async () => {
    await sandbox().reset('demo');
    api = await switchTo('mona');
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the workspace repository');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await switchTo('mona');
    if (api.features.pairing.partner !== undefined) await vscode.commands.executeCommand('teamSupport.pairing.stop');
    await sandbox().reset('demo');
  });

  it('names a draft\'s tab by its title and keeps the id and anchor out of the text the user edits', async () => {
    const uri = await ask('src/cart.ts', 25, 27);
    const tab = tabOf(uri);
    assert.ok(tab, 'the draft is open in a tab');
    assert.equal(tab.label, 'Stuck on cart.ts lines 25–27.md');
    const id = api.features.blocked.drafts.idOf(uri);
    assert.ok(id);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.ok(!text.includes(id) && !text.includes('team-support:draft') && parseMarker(text) === undefined, `no hidden metadata in:\n${text}`);
    const meta = await api.features.blocked.drafts.readMeta(id);
    assert.equal(meta?.kind === 'blocker' ? meta.anchor?.path : undefined, 'src/cart.ts', 'the anchor is kept beside the draft');
    assert.deepEqual(listedDraftIds(api).includes(id), true, 'listed in the Blocked view');
  });

  it('discards a draft from its row (tab closed, no longer listed) and Undo brings it back with what was typed', async () => {
    const uri = await ask('src/cart.ts', 30, 31);
    const id = api.features.blocked.drafts.idOf(uri) ?? '';
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), 'typed before discarding\n'));
    const row = api.features.blocked.tree.getChildren().find((n) => n.kind === 'draft' && n.id === id);
    assert.ok(row, 'the draft has a row');
    assert.equal(await vscode.commands.executeCommand('teamSupport.blocked.discardDraft', row), true);
    assert.ok(!listedDraftIds(api).includes(id), 'no longer listed');
    assert.equal(tabOf(uri), undefined, 'its tab closed');
    assert.ok(!(await api.features.blocked.drafts.list()).some((m) => m.id === id), 'not among the drafts on disk');

    const restored = await api.features.blocked.restoreDraft(id);
    assert.equal(restored?.toString(), uri.toString(), 'Undo restores the same document');
    assert.ok(listedDraftIds(api).includes(id), 'listed again');
    assert.ok((await vscode.workspace.openTextDocument(uri)).getText().includes('typed before discarding'), 'with what was typed');
    await vscode.commands.executeCommand('teamSupport.blocked.discardDraft', uri);
  });

  it('another account sees neither mona\'s draft nor her pairing, cannot post the draft; back as mona both are there', async () => {
    const uri = await ask('src/cart.ts', 42, 44);
    const id = api.features.blocked.drafts.idOf(uri) ?? '';
    assert.ok(listedDraftIds(api).includes(id));
    assert.equal(await vscode.commands.executeCommand('teamSupport.pairing.start', 'priya'), 'priya');
    assert.equal(api.features.pairing.partner, 'priya');
    await api.features.pairing.trailerSettled;
    assert.equal((await getExports()).pairingPartner, 'priya', 'the public API says so too');

    const sam = await switchTo('sam');
    assert.ok(!listedDraftIds(sam).includes(id), 'sam does not see mona\'s draft in the Blocked view');
    assert.ok(!(await sam.features.blocked.drafts.list()).some((m) => m.id === id), 'nor among his drafts');
    assert.equal(tabOf(uri), undefined, 'mona\'s open draft was put away');
    assert.equal(sam.features.pairing.partner, undefined, 'sam is not pairing with mona\'s partner');
    assert.equal(sam.features.pairing.trailer, undefined, 'no Co-authored-by from mona\'s session');
    assert.equal((await getExports()).pairingPartner, undefined, 'nor does the public API say so');
    assert.ok(!sam.features.pairing.status.text.startsWith('$(live-share)'), `the status bar shows no running session: ${sam.features.pairing.status.text}`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.equal(lenses.filter((l) => l.command?.command === 'teamSupport.blocked.post').length, 0, 'no "Post to #Blocked" on mona\'s draft');
    const before = (await sandbox().state()).discussions.length;
    const posted = await vscode.commands.executeCommand<PostResult | undefined>('teamSupport.blocked.post', uri, { keep: [] });
    assert.equal(posted, undefined, 'sam cannot post mona\'s draft');
    assert.equal((await sandbox().state()).discussions.length, before, 'nothing reached GitHub');

    const mona = await switchTo('mona');
    assert.ok(listedDraftIds(mona).includes(id), 'mona\'s draft is listed again');
    assert.equal(mona.features.pairing.partner, 'priya', 'and her pairing session runs on');
    await vscode.commands.executeCommand('teamSupport.pairing.stop');

    // Posting still sends the anchor kept beside the draft (the ask filled in, as a user would).
    const editor = await vscode.window.showTextDocument(uri);
    const goal = editor.document.getText().split('\n').findIndex((l) => l.startsWith('<!--'));
    await editor.edit((e) => e.replace(editor.document.lineAt(goal).range, 'Coupons should apply once per order.'));
    await mona.ctx.teamSnapshot.refresh();
    // The title is still the generated one: the extension asks first, and mona posts anyway.
    const prompts = scriptPrompts(mona).press('Post Anyway');
    const result = await vscode.commands.executeCommand<PostResult | undefined>('teamSupport.blocked.post', uri, { keep: [] });
    assert.ok(prompts.shown.some((p) => p.kind === 'choose' && p.choices?.includes('Post Anyway') === true), 'the unfilled-request question was shown');
    assert.ok(result, 'mona posts her draft');
    const discussion = (await sandbox().state()).discussions.find((d) => d.id === result.discussionId);
    assert.ok(discussion);
    assert.equal(discussion.author, 'mona');
    const marker = parseMarker(discussion.body);
    assert.equal(marker?.id, id, 'the marker carries the draft id');
    assert.deepEqual(marker?.anchor && [marker.anchor.path, marker.anchor.startLine, marker.anchor.endLine], ['src/cart.ts', 42, 44], 'and the anchor');
    assert.equal(discussion.title, 'Stuck on cart.ts lines 42–44');
  });
});
