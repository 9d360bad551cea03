// Issue 2: the extension activates in a real VS Code, its views exist, and the manifest and the code agree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi, sandboxUrl, signOut, waitUntil, workspaceRoot } from './support';

interface ManifestCommand { command: string }
interface Manifest {
  contributes: { commands: ManifestCommand[]; views: Record<string, { id: string }[]> };
}

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.packageJSON as Manifest;
}

describe('foundation', () => {
  it('activates and returns the API with every feature', async () => {
    const api = await getApi();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    for (const feature of ['account', 'teamConfig', 'blocked', 'crossCheck', 'kudos', 'pairing', 'languageClient'] as const) {
      assert.ok(api.features[feature], `feature ${feature} missing from the API`);
    }
    assert.ok(api.ctx.session && api.ctx.repositories && api.ctx.team && api.ctx.teamSnapshot, 'shared services missing');
  });

  it('talks to the sandbox: teamSupport.github.apiUrl (machine setting) is the URL the harness passed in the environment', async () => {
    await getApi();
    const url = sandboxUrl();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(vscode.workspace.getConfiguration('teamSupport').get<string>('github.apiUrl'), url);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer sandbox-token-mona', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { login } }' }),
    });
    assert.deepEqual(await response.json(), { data: { viewer: { login: 'mona' } } });
  });

  it('runs in the integration workspace, a git repository of acme/webshop', async () => {
    const api = await getApi();
    // The harness starts the server with workspace trust off, so no trust modal blocks the run.
    assert.equal(vscode.workspace.isTrusted, true);
    const config = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), '.github', 'team-support.yml'));
    assert.match(Buffer.from(config).toString('utf8'), /members:\n {2}- mona\n {2}- sam\n {2}- login: priya/);
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the workspace repository');
    const repo = api.ctx.repositories.current;
    assert.ok(repo);
    assert.equal(`${repo.ref.owner}/${repo.ref.name}`, 'acme/webshop');
  });

  it('contributes the Today, Blocked and Kudos views in the Team Support container', async () => {
    await getApi();
    const views = manifest().contributes.views.teamSupport?.map((v) => v.id);
    assert.deepEqual(views, ['teamSupport.today', 'teamSupport.blocked', 'teamSupport.kudos']);
    // The workbench registers `<view>.focus` for every view it knows; running it opens the view.
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of views ?? []) assert.ok(commands.has(`${id}.focus`), `the workbench does not know view ${id}`);
    await vscode.commands.executeCommand('teamSupport.blocked.focus');
  });

  it('shows the pairing status bar item', async () => {
    const api = await getApi();
    const item = api.features.pairing.statusBarItem;
    assert.ok(item, 'the pairing feature exposes no status bar item');
    assert.ok(item.text.trim().length > 0, 'the pairing status bar item has no text');
    assert.equal(item.command && typeof item.command === 'object' ? item.command.command : item.command, 'teamSupport.pairing.menu');
  });

  it('registers every contributed command, and contributes every registered teamSupport command', async () => {
    await getApi();
    const contributed = new Set(manifest().contributes.commands.map((c) => c.command));
    const registered = new Set((await vscode.commands.getCommands(true)).filter((c) => c.startsWith('teamSupport.')));
    // View commands the workbench adds for our views (focus, resetViewLocation, …) are not ours to register.
    const viewCommand = /^teamSupport\.(today|blocked|kudos)\.(focus|resetViewLocation|toggleVisibility|removeView|open)$/;
    const missing = [...contributed].filter((c) => !registered.has(c));
    const undeclared = [...registered].filter((c) => !contributed.has(c) && !viewCommand.test(c));
    assert.deepEqual({ missing, undeclared }, { missing: [], undeclared: [] },
      `contributed in package.json but not registered: [${missing.join(', ')}]; registered but not contributed: [${undeclared.join(', ')}]`);
  });

  it('Show My Blockers / Show All Blockers switch the teamSupport.blockedFilter context key', async () => {
    const api = await getApi();
    await vscode.commands.executeCommand('teamSupport.blocked.showMine');
    assert.equal(api.ctx.contextKeys.get('teamSupport.blockedFilter'), 'mine');
    await vscode.commands.executeCommand('teamSupport.blocked.showAll');
    assert.equal(api.ctx.contextKeys.get('teamSupport.blockedFilter'), 'all');
  });

  it('is signed out without a token: teamSupport.signedIn is false (the views show the sign-in welcome)', async () => {
    const api = await signOut();
    assert.equal(api.ctx.session.login, undefined);
    assert.equal(api.ctx.session.gateway, undefined);
    await waitUntil(api.ctx.session.onDidChange, () => api.ctx.contextKeys.get('teamSupport.signedIn') === false, 5_000, 'teamSupport.signedIn = false');
  });
});
