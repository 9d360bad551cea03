// Issue 4: the team config is read from the repository, re-read when it changes, and its problems
// name the field; "Create Team Config" drafts one without ever overwriting the team's file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getApi, sandbox, signIn, waitUntil, workspaceRoot } from './support';

function configUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), '.github', 'team-support.yml');
}

async function readConfig(): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(configUri())).toString('utf8');
}

describe('team config', function () {
  this.timeout(30_000);
  let original = '';

  before(async () => {
    const api = await getApi();
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the repository');
    original = await readConfig();
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the team config');
  });

  afterEach(async () => {
    const api = await getApi();
    if ((await readConfig().catch(() => '')) !== original) {
      await vscode.workspace.fs.writeFile(configUri(), Buffer.from(original));
      await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the team config restored');
    }
  });

  it('loads .github/team-support.yml from the repository root', async () => {
    const api = await getApi();
    const state = api.ctx.team.state;
    assert.equal(state.kind, 'ok');
    assert.deepEqual(state.kind === 'ok' ? state.config.members : [], ['mona', 'sam', 'priya', 'kenji', 'lea']);
    assert.equal(state.kind === 'ok' ? state.config.timeZone : '', 'Europe/Berlin');
    assert.equal(state.kind === 'ok' ? state.uri.toString() : '', configUri().toString());
    assert.equal(api.ctx.contextKeys.get('teamSupport.hasTeamConfig'), true);
    assert.equal(api.ctx.contextKeys.get('teamSupport.teamConfigInvalid'), false);
  });

  it('re-reads it when it changes on disk, with problems that name the field', async () => {
    const api = await getApi();
    const broken = original.replace('  - sam\n', '  - sam\n  - sam\n').replace('\ntimeZone: Europe/Berlin', '\ntimeZone: Mars/Olympus');
    const lineOf = (text: string): number => broken.split('\n').indexOf(text) + 1;
    await vscode.workspace.fs.writeFile(configUri(), Buffer.from(broken));
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'invalid', 15_000, 'the invalid config');
    const state = api.ctx.team.state;
    const problems = state.kind === 'invalid' ? state.problems : [];
    assert.ok(problems.includes(`line ${lineOf('  - sam') + 1}, column 5: members › item 3: @sam is listed twice`), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.startsWith(`line ${lineOf('timeZone: Mars/Olympus')}, column 11: timeZone: not a known IANA time zone`)), JSON.stringify(problems));
    assert.equal(api.ctx.contextKeys.get('teamSupport.teamConfigInvalid'), true);
    assert.equal(api.ctx.contextKeys.get('teamSupport.hasTeamConfig'), true);
  });

  it('recovers on the next change after a config that overflowed the parser, and caps the problems at 20', async () => {
    const api = await getApi();
    // 32 KB of nesting: yaml's parser used to overflow the stack here, and the service then ignored
    // every later change until the window was reloaded.
    await vscode.workspace.fs.writeFile(configUri(), Buffer.from(`members: ${'['.repeat(32_000)}\n`));
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'invalid', 15_000, 'the deeply nested config');
    const deep = api.ctx.team.state;
    assert.deepEqual(deep.kind === 'invalid' ? deep.problems : [], [
      'line 1, column 73: nested more than 64 levels deep, so it is not read: the team config needs only a few levels of indentation or brackets',
    ]);

    const many = Array.from({ length: 10_000 }, (_, i) => `  - "bad login ${i}"`).join('\n');
    await vscode.workspace.fs.writeFile(configUri(), Buffer.from(`members:\n${many}\n`));
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'invalid' && api.ctx.team.state.problems.length > 1, 15_000, 'the 10,000 bad members');
    const capped = api.ctx.team.state;
    const problems = capped.kind === 'invalid' ? capped.problems : [];
    assert.equal(problems.length, 21);
    assert.equal(problems[0], 'line 2, column 5: members › item 1: not a GitHub login or @organization/team, got "bad login 0"');
    assert.equal(problems[20], '…and 9980 more problems');

    const changed = original.replace('timeZone: Europe/Berlin', 'timeZone: Asia/Tokyo');
    assert.notEqual(changed, original);
    await vscode.workspace.fs.writeFile(configUri(), Buffer.from(changed));
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the good config after the bad ones');
    const state = api.ctx.team.state;
    assert.equal(state.kind === 'ok' ? state.config.timeZone : '', 'Asia/Tokyo', 'the new config takes effect');
    assert.equal(api.ctx.contextKeys.get('teamSupport.teamConfigInvalid'), false);
  });

  it('re-reads it when saved from an editor', async () => {
    const api = await getApi();
    const document = await vscode.workspace.openTextDocument(configUri());
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nbogus: 1\n'));
    await document.save();
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'invalid', 15_000, 'the saved config');
    const state = api.ctx.team.state;
    assert.match(state.kind === 'invalid' ? (state.problems[0] ?? '') : '', /^line \d+, column 1: bogus: unknown key/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reports a missing file, and "Create Team Config" drafts one from the contributors, viewer first', async () => {
    const api = await signIn('mona');
    await sandbox().reset('demo');
    await vscode.workspace.fs.delete(configUri());
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'missing', 15_000, 'the missing config');
    assert.equal(api.ctx.contextKeys.get('teamSupport.hasTeamConfig'), false);
    const document = await api.features.teamConfig.createConfig();
    try {
      assert.ok(document);
      assert.equal(document.uri.scheme, 'untitled', 'an unsaved draft at the final path: the user reviews it before saving');
      assert.equal(document.uri.path, configUri().path);
      const text = document.getText();
      assert.match(text, /^members:\n {2}- mona\n/m, 'the viewer first');
      assert.match(text, /^# The team, as GitHub logins/m);
      assert.match(text, /^ {2}category: Blocked$/m);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('never overwrites an existing config: "Create Team Config" opens it instead', async () => {
    const api = await getApi();
    const document = await api.features.teamConfig.createConfig();
    assert.ok(document);
    assert.equal(document.uri.scheme, 'file');
    assert.equal(document.getText(), original);
    assert.equal(await readConfig(), original);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"Open Team Config" opens the file', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('teamSupport.team.openConfig');
    assert.equal(document?.uri.toString(), configUri().toString());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
