// Issue 15 item 4: a #Blocked draft offers a permalink exactly when it shows the selected lines: local
// changes elsewhere in the file don't hide it (saved or unsaved, lines mapped to the commit's), and a file
// the commit does not have gets none. Real git, real VS Code, against the sandbox.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { TeamSupportApi } from '../../src/extension';
import { sandbox, signIn, waitUntil, workspaceRoot } from './support';

async function askAbout(uri: vscode.Uri, fromLine: number, toLine: number): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(fromLine - 1, 0, toLine - 1, doc.lineAt(toLine - 1).text.length);
  const draft = await vscode.commands.executeCommand<vscode.Uri | undefined>('teamSupport.blocked.ask', doc.uri, editor.selection);
  assert.ok(draft, 'asking opened a draft');
  const text = (await vscode.workspace.openTextDocument(draft)).getText();
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  // Not left behind for the suites that list drafts.
  await vscode.workspace.fs.delete(draft);
  return text;
}

describe('#Blocked permalinks', function () {
  this.timeout(60_000);
  let api: TeamSupportApi;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8' }).trim();
  const cart = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'src', 'cart.ts');
  const fresh = vscode.Uri.joinPath(workspaceRoot(), 'src', 'brandNew.ts');

  before(async () => {
    await sandbox().reset('demo');
    api = await signIn('mona');
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current?.headCommit !== undefined, 15_000, 'the workspace repository');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    git('checkout', '--', 'src/cart.ts');
    await vscode.workspace.fs.delete(fresh).then(undefined, () => undefined);
  });

  it('links lines 10–14 at the pushed commit when the only change is at line 45', async () => {
    const head = api.ctx.repositories.current?.headCommit;
    assert.ok(head);
    const lines = Buffer.from(await vscode.workspace.fs.readFile(cart())).toString('utf8').split('\n');
    lines[44] = '  // changed locally, not committed';
    await vscode.workspace.fs.writeFile(cart(), Buffer.from(lines.join('\n'), 'utf8'));
    assert.notEqual(git('status', '--porcelain', '--', 'src/cart.ts'), '', 'cart.ts has a local change');

    const text = await askAbout(cart(), 10, 14);
    assert.ok(text.includes(`/blob/${head}/src/cart.ts#L10-L14`), `a permalink to lines 10–14:\n${text}`);
    assert.ok(!text.includes('no permalink'), 'no "there is no permalink"');
  });

  it('maps lines shifted by unsaved edits above them to the commit\'s line numbers', async () => {
    const head = api.ctx.repositories.current?.headCommit;
    assert.ok(head);
    const doc = await vscode.workspace.openTextDocument(cart());
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// one\n// two\n'));
    assert.equal(doc.isDirty, true);
    const text = await askAbout(cart(), 12, 16);
    assert.ok(text.includes(`/blob/${head}/src/cart.ts#L10-L14`), `a permalink to the commit's lines 10–14:\n${text}`);
    assert.ok(text.includes('`src/cart.ts`, lines 12–16'), 'the lines as the editor shows them');
    await vscode.window.showTextDocument(doc);
  });

  it('offers no permalink for a new, untracked file, and says why', async () => {
    await vscode.workspace.fs.writeFile(fresh, Buffer.from('export const a = 1;\nexport const b = 2;\n', 'utf8'));
    assert.match(git('status', '--porcelain', '--', 'src/brandNew.ts'), /^\?\? /, 'the file is untracked');
    const text = await askAbout(fresh, 1, 2);
    assert.ok(!text.includes('/blob/'), `no permalink:\n${text}`);
    assert.ok(text.includes('not committed and pushed yet, so there is no permalink'), 'says why');
  });
});
