// Issue 5: #Blocked — ask about code, post it (secrets redacted, never twice), see it in the view,
// reply, resolve. Runs in the real VS Code against the sandbox (reset to the `empty` seed).
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PostResult } from '../../src/blockers/postDraft';
import type { TeamSupportApi } from '../../src/extension';
import { type ScriptedPrompter, sandbox, scriptPrompts, signIn, waitUntil, workspaceRoot } from './support';

type Api = TeamSupportApi;

async function ready(): Promise<Api> {
  const api = await signIn('mona');
  await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the workspace repository');
  await api.ctx.teamSnapshot.refresh();
  assert.equal(api.ctx.teamSnapshot.error, undefined, `sidebar error: ${api.ctx.teamSnapshot.error?.message ?? ''}`);
  assert.ok(api.ctx.teamSnapshot.category, 'the Blocked category is known');
  return api;
}

async function blockedCategoryId(): Promise<string> {
  const state = await sandbox().state();
  const category = state.categories.find((c) => c.name === 'Blocked');
  assert.ok(category, 'the sandbox has a Blocked category');
  return category.id;
}

/** The "Post to #Blocked" / "Post Reply" CodeLens VS Code offers on `uri`. */
async function postLens(uri: vscode.Uri): Promise<vscode.Command | undefined> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((l) => l.command).find((c) => c?.command === 'teamSupport.blocked.post');
}

/**
 * Runs the draft's CodeLens command, answering the questions a user would see: "Post Anyway" for a
 * request still reading like the template, nothing kept in the secrets list (everything redacted).
 */
async function postViaLens(uri: vscode.Uri, prompts: ScriptedPrompter): Promise<PostResult> {
  const result = await runLens(uri, prompts);
  assert.ok(result, 'posting returned the new discussion');
  return result;
}

async function runLens(uri: vscode.Uri, prompts: ScriptedPrompter): Promise<PostResult | undefined> {
  const lens = await postLens(uri);
  assert.ok(lens, 'the draft offers "Post to #Blocked"');
  prompts.reset();
  prompts.press('Post Anyway').keep();
  return vscode.commands.executeCommand<PostResult | undefined>(lens.command, ...((lens.arguments ?? []) as unknown[]));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function askAbout(file: string, fromLine: number, toLine: number): Promise<vscode.Uri> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), file));
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(fromLine - 1, 0, toLine - 1, doc.lineAt(toLine - 1).text.length);
  const draft = await vscode.commands.executeCommand<vscode.Uri | undefined>('teamSupport.blocked.ask');
  assert.ok(draft, 'asking opened a draft');
  return draft;
}

describe('#Blocked', function () {
  this.timeout(60_000);
  const diagnostics = vscode.languages.createDiagnosticCollection('blocked-test');
  let api: Api;
  let firstPost: PostResult;
  let prompts: ScriptedPrompter;

  before(async () => {
    await sandbox().reset('empty');
    api = await ready();
    prompts = scriptPrompts(api);
  });

  after(async () => {
    api.prompts.use(undefined);
    diagnostics.dispose();
    await sandbox().clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Leave the harness's starting state for the suites that follow.
    await vscode.commands.executeCommand('teamSupport.blocked.showAll');
    await sandbox().reset('demo');
    await api.ctx.teamSnapshot.refresh();
  });

  it('asks about lines with an error, posts the draft from its CodeLens, and shows it in the view with badge 1', async () => {
    const cart = vscode.Uri.joinPath(workspaceRoot(), 'src', 'cart.ts');
    const message = "Discount is applied per line, but coupons are 'per order'";
    diagnostics.set(cart, [new vscode.Diagnostic(new vscode.Range(42, 4, 42, 60), message, vscode.DiagnosticSeverity.Error)]);

    const draftUri = await askAbout('src/cart.ts', 42, 44);
    const draft = await vscode.workspace.openTextDocument(draftUri);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), draftUri.toString(), 'the draft is the active editor tab');
    const text = draft.getText();
    const repo = api.ctx.repositories.current;
    assert.ok(repo?.headCommit);
    assert.match(text, /^# .+cart\.ts lines 42–44\n/);
    assert.ok(text.includes('`src/cart.ts`, lines 42–44'), 'path and lines');
    assert.ok(text.includes(`${repo.webUrl}/blob/${repo.headCommit}/src/cart.ts#L42-L44`), 'permalink to the pushed commit');
    assert.ok(text.includes('```typescript\n  applyDiscount(percent: number): Cents {'), 'fenced snippet with its language');
    assert.ok(text.includes(message.replace(/'/g, "'")), 'the diagnostic');
    assert.ok(text.includes('Branch: `main`'), 'the branch');

    const result = await postViaLens(draftUri, prompts);
    const unfilled = prompts.last('choose');
    assert.ok(unfilled, 'the untouched template asked first');
    assert.ok(unfilled.title.includes('template'), unfilled.title);
    assert.deepEqual(unfilled.choices, ['Post Anyway', 'Edit']);
    const categoryId = await blockedCategoryId();
    const stored = (await sandbox().state()).discussions;
    assert.equal(stored.length, 1, 'exactly one discussion');
    const discussion = stored[0];
    assert.ok(discussion);
    assert.equal(discussion.id, result.discussionId);
    assert.equal(discussion.categoryId, categoryId, 'in the Blocked category');
    assert.equal(discussion.author, 'mona');
    assert.equal(discussion.title, 'Stuck on cart.ts lines 42–44');
    assert.equal(discussion.body, result.body);
    assert.ok(discussion.body.includes(`#L42-L44`) && discussion.body.includes('applyDiscount') && discussion.body.includes('per order'));
    assert.ok(discussion.body.includes(`<!-- team-support:draft ${api.features.blocked.drafts.idOf(draftUri) ?? 'missing'} `), 'the marker with the anchor');

    const tree = api.features.blocked.tree;
    const row = tree.rows.rows.find((r) => r.id === discussion.id);
    assert.ok(row, 'the view lists the new blocker');
    assert.equal(row.description.startsWith('@mona · '), true);
    assert.deepEqual(row.anchor && { path: row.anchor.path, startLine: row.anchor.startLine, endLine: row.anchor.endLine }, { path: 'src/cart.ts', startLine: 42, endLine: 44 });
    assert.equal(tree.view.badge?.value, 1, 'badge reads 1');
    assert.ok(!(await exists(draftUri)), 'the posted draft left the drafts folder');
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === draftUri.toString())), 'its tab closed');
    firstPost = result;
  });

  it('offers "Ask the Team About This Code" as a quick fix on a line with an error', async () => {
    const cart = vscode.Uri.joinPath(workspaceRoot(), 'src', 'cart.ts');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cart, new vscode.Range(42, 10, 42, 10));
    const ask = actions.find((a) => a.command?.command === 'teamSupport.blocked.ask');
    assert.ok(ask, 'the lightbulb offers the request');
    assert.equal(ask.title, 'Ask the Team About This Code');
    assert.equal(ask.kind?.value, vscode.CodeActionKind.QuickFix.value);
  });

  it('asks about the enclosing function when nothing is selected, in a file outside the repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blocked-outside-'));
    const file = join(dir, 'total.txt');
    writeFileSync(file, 'const a = 1;\nfunction total(items) {\n  return items.length;\n}\nconst b = 2;\n');
    // A document symbol provider of our own keeps this independent of any language server's start-up.
    const provider = vscode.languages.registerDocumentSymbolProvider({ language: 'plaintext', scheme: 'file' }, {
      provideDocumentSymbols: () => [
        new vscode.DocumentSymbol('total', '', vscode.SymbolKind.Function, new vscode.Range(1, 0, 3, 1), new vscode.Range(1, 9, 1, 14)),
      ],
    });
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(2, 4, 2, 4);
      const draftUri = await vscode.commands.executeCommand<vscode.Uri>('teamSupport.blocked.ask', doc.uri);
      const text = (await vscode.workspace.openTextDocument(draftUri)).getText();
      assert.ok(text.includes('total.txt, lines 2–4'), text.slice(0, 800));
      assert.ok(text.includes('enclosing function `total`'));
      assert.ok(text.includes('outside the repository'));
      assert.ok(!text.includes('/blob/'), 'no permalink');
      assert.ok(text.includes('```\nfunction total(items) {\n  return items.length;\n}\n```'));
    } finally {
      provider.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens the code location from the marker', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('teamSupport.blocked.openLocation', firstPost.discussionId);
    assert.ok(editor);
    assert.ok(editor.document.uri.path.endsWith('/src/cart.ts'));
    assert.deepEqual([editor.selection.start.line, editor.selection.end.line], [41, 43]);
  });

  it('redacts an AWS key, a GitHub token and a private key before they reach GitHub', async () => {
    // Realistic but fake, assembled at run time so this file holds no scannable secret.
    const awsKey = ['AKIA', 'Q3T7WZ5N2K8R4M6P'].join('');
    const githubToken = ['ghp_', 'R8bT2vX9qL4mN7pK1sD5fG3hJ6wZ0cY2aE4u'].join('');
    const privateKey = String(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' })).trim();
    const content = `const awsAccessKeyId = "${awsKey}";\nconst token = "${githubToken}";\nconst key = \`${privateKey}\`;\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content });
    await vscode.window.showTextDocument(doc);
    // Explicit document and range (as the lightbulb passes them): the previous test's editors may still be closing.
    const draftUri = await vscode.commands.executeCommand<vscode.Uri>('teamSupport.blocked.ask', doc.uri, new vscode.Range(0, 0, doc.lineCount - 1, 0));
    const draftText = (await vscode.workspace.openTextDocument(draftUri)).getText();
    assert.ok(draftText.includes('untitled editor'), 'an untitled file is named as such, without a permalink');
    assert.ok(draftText.includes(awsKey) && draftText.includes(githubToken), `the draft itself still holds the code:\n${draftText}`);

    const result = await postViaLens(draftUri, prompts);
    assert.deepEqual(prompts.last('pickMany')?.items.map((i) => i.label), ['AWS access key', 'GitHub token', 'private key'], 'the user was asked about the three findings');
    const stored = (await sandbox().state()).discussions.find((d) => d.id === result.discussionId);
    assert.ok(stored);
    for (const secret of [awsKey, githubToken, 'BEGIN RSA PRIVATE KEY', privateKey.split('\n')[1] ?? 'x']) {
      assert.ok(!stored.body.includes(secret), `"${secret.slice(0, 12)}…" reached the sandbox`);
    }
    for (const mark of ['«redacted: AWS access key»', '«redacted: GitHub token»', '«redacted: private key»']) assert.ok(stored.body.includes(mark), mark);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("shows another user's reply after a refresh, and marking it resolved removes the item", async () => {
    const id = firstPost.discussionId;
    const reply = await sandbox().graphqlAs('sam', 'mutation($id: ID!, $body: String!) { addDiscussionComment(input: { discussionId: $id, body: $body }) { comment { id } } }', {
      id,
      body: 'Apply the coupon to the subtotal once, then round.',
    });
    assert.equal(reply.errors, undefined);
    await vscode.commands.executeCommand('teamSupport.refresh');
    await waitUntil(api.ctx.teamSnapshot.onDidChange, () => (api.features.blocked.tree.rows.rows.find((r) => r.id === id)?.replyCount ?? 0) > 0, 15_000, 'the reply');
    const tree = api.features.blocked.tree;
    const node = tree.nodeFor(id);
    assert.ok(node);
    const children = tree.getChildren(node);
    const replyNode = children.find((c) => c.kind === 'reply');
    assert.ok(replyNode && replyNode.kind === 'reply');
    assert.equal(replyNode.reply.author, 'sam');
    assert.ok(replyNode.reply.excerpt.startsWith('Apply the coupon'));
    assert.equal(tree.getTreeItem(replyNode).label, '@sam');

    const notified = api.ctx.extension.globalState.get<{ notified: string[] }>('teamSupport.blocked.firstReply');
    assert.ok(notified?.notified.includes(id), 'the asker was notified of the first reply (once)');

    // Mona answers through a reply draft and its "Post Reply" CodeLens.
    const replyDraft = await vscode.commands.executeCommand<vscode.Uri>('teamSupport.blocked.reply', id);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === replyDraft.toString());
    await editor.edit((b) => b.insert(editor.selection.active, 'Thanks, that fixed it.'));
    const lens = await postLens(replyDraft);
    assert.ok(lens);
    assert.ok(lens.title.includes('Post Reply'));
    const posted = await runLens(replyDraft, prompts);
    assert.ok(posted);
    assert.equal(posted.kind, 'reply');
    const comments = (await sandbox().state()).discussionComments.filter((c) => c.discussionId === id);
    assert.deepEqual(comments.map((c) => c.author), ['sam', 'mona']);
    assert.ok(comments[1]?.body.startsWith('Thanks, that fixed it.'));
    assert.ok(!comments[1]?.body.includes('Reply to #'), 'the heading of a reply draft is not posted');

    const samsReply = comments[0]?.id;
    const resolved = await vscode.commands.executeCommand<boolean>('teamSupport.blocked.resolve', id, { answer: samsReply });
    assert.equal(resolved, true);
    assert.equal(tree.nodeFor(id), undefined, 'the resolved blocker left the view');
    const stored = (await sandbox().state()).discussions.find((d) => d.id === id);
    assert.equal(stored?.answerId, samsReply, "sam's reply is marked as the answer");
  });

  it('filters mine/all (persisted, with its context key) and tells the asker someone picked a blocker up', async () => {
    const tree = api.features.blocked.tree;
    const sam = await sandbox().graphqlAs<{ createDiscussion: { discussion: { id: string } } }>(
      'sam',
      'mutation($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: "Sam is stuck", body: "help" }) { discussion { id } } }',
      { r: (await sandbox().state()).repositories.find((r) => r.name === 'webshop')?.id, c: await blockedCategoryId() },
    );
    const samsId = sam.data?.createDiscussion.discussion.id;
    assert.ok(samsId);
    await api.ctx.teamSnapshot.refresh();
    assert.ok(tree.nodeFor(samsId));
    await vscode.commands.executeCommand('teamSupport.blocked.showMine');
    assert.equal(api.ctx.contextKeys.get('teamSupport.blockedFilter'), 'mine');
    assert.equal(api.ctx.extension.workspaceState.get('teamSupport.blocked.filter'), 'mine');
    assert.ok(tree.rows.rows.every((r) => r.mine));
    assert.equal(tree.nodeFor(samsId), undefined);
    await vscode.commands.executeCommand('teamSupport.blocked.showAll');
    assert.ok(tree.nodeFor(samsId));
    assert.equal(tree.getTreeItem(tree.nodeFor(samsId)!).contextValue, 'blocker');

    const url = await vscode.commands.executeCommand<string | undefined>('teamSupport.blocked.pickUp', samsId);
    assert.ok(url);
    const comment = (await sandbox().state()).discussionComments.find((c) => c.discussionId === samsId);
    assert.equal(comment?.author, 'mona');
    assert.ok(comment?.body.startsWith("@sam I'm on it"));
  });

  it('posts once when the connection drops after GitHub stored the discussion', async () => {
    const sb = sandbox();
    const before = (await sb.state()).discussions.length;
    const draftUri = await askAbout('src/cart.ts', 33, 39);
    await sb.clearLog();
    await sb.injectFault({ kind: 'dropAfterMutation', match: { field: 'createDiscussion' }, count: 1 });
    const result = await postViaLens(draftUri, prompts);
    const state = await sb.state();
    assert.equal(state.discussions.length, before + 1, 'exactly one new discussion');
    const id = api.features.blocked.drafts.idOf(draftUri) ?? 'missing';
    assert.equal(state.discussions.filter((d) => d.body.includes(id)).length, 1);
    assert.equal(result.discussionId, state.discussions.find((d) => d.body.includes(id))?.id);
    const log = await sb.requests();
    assert.equal(log.filter((r) => r.rootFields.includes('createDiscussion')).length, 1, 'the mutation was not repeated');
    assert.ok(log.some((r) => r.operationName === 'RecentBlockers'), 'it looked for the stored discussion');
  });

  it('posts a draft once when Post comes twice while it is being posted (a double-click on the CodeLens)', async () => {
    const sb = sandbox();
    const before = (await sb.state()).discussions.length;
    const draftUri = await askAbout('src/cart.ts', 20, 24);
    const id = api.features.blocked.drafts.idOf(draftUri) ?? 'missing';
    const lens = await postLens(draftUri);
    assert.ok(lens, 'the draft offers "Post to #Blocked"');
    prompts.reset();
    // Answers for both clicks: each would be asked, as a user who confirms twice is.
    prompts.press('Post Anyway').keep().press('Post Anyway').keep();
    await sb.clearLog();
    await sb.injectFault({ kind: 'latency', ms: 800, match: { field: 'createDiscussion' } });
    const failures: string[] = [];
    const listening = api.ctx.errors.onDidShow((e) => failures.push(e.text));
    try {
      const click = () => vscode.commands.executeCommand<PostResult | undefined>(lens.command, ...((lens.arguments ?? []) as unknown[]));
      const [first, second] = await Promise.all([click(), click()]);
      assert.ok(first, 'the first click posted');
      assert.equal(second, undefined, 'the second click posted nothing');
    } finally {
      listening.dispose();
      await sb.clearFaults();
    }
    const state = await sb.state();
    assert.equal(state.discussions.length, before + 1, 'exactly one new discussion');
    assert.equal(state.discussions.filter((d) => d.body.includes(id)).length, 1);
    assert.equal((await sb.requests()).filter((r) => r.rootFields.includes('createDiscussion')).length, 1, 'one createDiscussion reached GitHub');
    assert.deepEqual(failures, [], 'no "Could not post" after a post that worked');
  });

  it('keeps the draft through network loss and a close/reopen, then posts it once', async () => {
    const sb = sandbox();
    const draftUri = await askAbout('src/cart.ts', 25, 27);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === draftUri.toString());
    const typed = 'I want to remove a line item but keep its coupon.';
    await editor.edit((b) => b.replace(editor.selection, typed));

    // Offline: every request drops. The post fails, nothing is lost.
    await sb.injectFault({ kind: 'dropConnection' });
    const failed = await runLens(draftUri, prompts);
    assert.equal(failed, undefined);
    await sb.clearFaults();
    assert.ok(await exists(draftUri), 'the draft is still on disk');
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(draftUri)).toString('utf8').includes(typed), 'with what was typed (saved before posting)');

    // A reload is simulated by closing the tab and finding the draft again from disk.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const id = api.features.blocked.drafts.idOf(draftUri);
    assert.ok(id);
    assert.ok((await api.features.blocked.drafts.list()).some((m) => m.id === id), 'listed among unposted drafts');
    const listed = api.features.blocked.tree.getChildren().find((n) => n.kind === 'draft' && n.id === id);
    assert.ok(listed, 'the Blocked view lists the unposted draft');
    assert.equal(api.features.blocked.tree.getTreeItem(listed).command?.command, 'vscode.open');
    const reopened = await vscode.window.showTextDocument(draftUri);
    assert.ok(reopened.document.getText().includes(typed));
    assert.ok(await postLens(draftUri), 'the reopened draft still offers "Post to #Blocked"');

    const before = (await sb.state()).discussions.filter((d) => d.body.includes(id)).length;
    assert.equal(before, 0, 'nothing reached GitHub while offline');
    const result = await postViaLens(draftUri, prompts);
    const after = (await sb.state()).discussions.filter((d) => d.body.includes(id));
    assert.equal(after.length, 1);
    assert.equal(after[0]?.id, result.discussionId);
    assert.ok(after[0]?.body.includes(typed));
    assert.ok(!api.features.blocked.tree.getChildren().some((n) => n.kind === 'draft' && n.id === id), 'no longer listed as a draft');
  });
});
