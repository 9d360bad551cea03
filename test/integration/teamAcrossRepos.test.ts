// Issue 17: a team that spans repositories and GitHub teams, in a real VS Code against the sandbox's
// demo organization (globex: storefront is the home with #Blocked, payments points at it).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { TeamSupportApi } from '../../src/extension';
import type { ShownGitHubError } from '../../src/github/showGitHubError';
import { TOKEN_WITHOUT_READ_ORG } from '../sandbox/seeds/demoOrganization';
import { getApi, sandbox, signIn, waitUntil, workspaceRoot } from './support';

const run = promisify(execFile);
const TEAM = ['lea', 'kenji', 'mona', 'priya', 'sam']; // lea listed, then @globex/shop's members, sorted

/** A git repository on disk whose origin is `github.com/<nameWithOwner>`, with `files` committed. */
async function gitRepository(parent: string, nameWithOwner: string, files: Record<string, string>): Promise<vscode.Uri> {
  const dir = join(parent, nameWithOwner.replace('/', '-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const git = (...args: string[]) => run('git', ['-c', 'user.name=Mona', '-c', 'user.email=mona@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '-A');
  await git('commit', '--quiet', '-m', 'Initial');
  await git('remote', 'add', 'origin', `https://github.com/${nameWithOwner}.git`);
  return vscode.Uri.file(dir);
}

describe('a team across repositories and GitHub teams', function () {
  this.timeout(90_000);
  let api: TeamSupportApi;
  let original: Uint8Array;
  const file = () => vscode.Uri.joinPath(workspaceRoot(), '.github', 'team-support.yml');

  async function writeConfig(text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(file(), Buffer.from(text, 'utf8'));
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok' && api.ctx.team.state.config.teams.length === 1 && api.ctx.team.state.config.members.length === TEAM.length, 15_000, 'the team config with its GitHub team');
  }

  before(async () => {
    api = await getApi();
    await sandbox().reset('demo');
    original = await vscode.workspace.fs.readFile(file());
    await signIn('mona');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await signIn('mona');
    await vscode.workspace.fs.writeFile(file(), original);
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok' && api.ctx.team.state.config.teams.length === 0, 15_000, 'the team config restored');
  });

  it('resolves a GitHub team in `members` beside a plain login, with the per-member settings of the team', async () => {
    await writeConfig('members: ["@globex/shop", lea]\ntimeZone: Europe/Berlin\nabsences: [{ login: kenji, from: 2026-01-01, to: 2026-01-02 }]\n');
    const state = api.ctx.team.state;
    assert.ok(state.kind === 'ok');
    assert.deepEqual(state.config.members, TEAM);
    assert.deepEqual(state.config.people.map((p) => p.timeZone), TEAM.map(() => 'Europe/Berlin'));
    assert.deepEqual(api.ctx.team.teamProblems, []);
    const teamRead = (await sandbox().requests()).filter((r) => r.operationName === 'TeamMembers');
    assert.ok(teamRead.length >= 1, 'read through the GitHub API');
  });

  it('without read:org says so with its fix, and the last known members keep working', async () => {
    const shown: ShownGitHubError[] = [];
    const listening = api.ctx.errors.onDidShow((e) => shown.push(e));
    try {
      const result = await api.features.account.signInWithToken(TOKEN_WITHOUT_READ_ORG);
      assert.ok(result?.ok, 'signed in with the token without read:org');
      await waitUntil(api.ctx.errors.onDidShow, () => shown.some((e) => e.kind === 'missingScope'), 20_000, 'the missing-scope notification');
    } finally {
      listening.dispose();
    }
    const notice = shown.find((e) => e.kind === 'missingScope');
    assert.ok(notice);
    assert.match(notice.text, /^The team @globex\/shop could not be read from GitHub; its last known members are used meanwhile\. Your GitHub sign-in lacks the 'read:org'/);
    assert.deepEqual(notice.actions, ['Sign In Again']);
    assert.equal(api.ctx.team.teamProblems[0]?.error.kind, 'missingScope');
    const state = api.ctx.team.state;
    assert.ok(state.kind === 'ok');
    assert.deepEqual(state.config.members, TEAM, 'the last known members');
    await signIn('mona');
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.teamProblems.length === 0, 15_000, 'the team read again');
  });

  it('with two of the team\'s repositories open shows one team, pull requests from both and blockers from the home', async () => {
    // Inside the workspace folder, where Git looks for nested repositories (removed afterwards).
    const parent = mkdtempSync(join(workspaceRoot().fsPath, '.globex-'));
    try {
      const storefront = await gitRepository(parent, 'globex/storefront', {
        '.github/team-support.yml': 'members: ["@globex/shop", lea]\nrepositories: [globex/storefront, globex/payments]\n',
        'src/cart.ts': 'export const cart = [];\n',
      });
      const payments = await gitRepository(parent, 'globex/payments', { '.github/team-support.yml': 'home: globex/storefront\n', 'src/refund.ts': 'export const refund = 1;\n' });
      type GitRepo = { state: { onDidChange: vscode.Event<void> } };
      const git = vscode.extensions.getExtension<{ getAPI(version: 1): { onDidOpenRepository: vscode.Event<GitRepo>; repositories: GitRepo[] } }>('vscode.git')?.exports.getAPI(1);
      assert.ok(git, 'the Git extension');
      // A repository opens, then reads its remotes: either may be the moment both count as the team's.
      const gitChanged = new vscode.EventEmitter<void>();
      const watching: vscode.Disposable[] = [];
      watching.push(
        git.onDidOpenRepository((r) => {
          watching.push(r.state.onDidChange(() => gitChanged.fire()));
          gitChanged.fire();
        }),
      );
      for (const r of git.repositories) watching.push(r.state.onDidChange(() => gitChanged.fire()));
      const found = () => ['storefront', 'payments'].every((name) => api.ctx.repositories.all.some((r) => r.ref.owner === 'globex' && r.ref.name === name));
      try {
        await vscode.commands.executeCommand('git.openRepository', storefront.fsPath);
        await vscode.commands.executeCommand('git.openRepository', payments.fsPath);
        await waitUntil(gitChanged.event, found, 20_000, 'both repositories found by Git').catch((e: unknown) => {
          const seen = api.ctx.repositories.all.map((r) => `${r.ref.owner}/${r.ref.name} at ${r.rootUri.fsPath}`);
          throw new Error(`${e instanceof Error ? e.message : String(e)} Seen: ${seen.join(', ')}; Git: ${git.repositories.length} repositories`);
        });
      } finally {
        for (const d of watching) d.dispose();
        gitChanged.dispose();
      }

      // In payments, whose config points at the home: the home's team.
      await vscode.window.showTextDocument(vscode.Uri.joinPath(payments, 'src', 'refund.ts'));
      const inHome = () => api.ctx.team.state.kind === 'ok' && api.ctx.team.state.repository.name === 'storefront';
      await waitUntil(api.ctx.team.onDidChange, () => api.ctx.repositories.current?.ref.name === 'payments' && inHome(), 20_000, 'the home team from payments');
      await api.ctx.teamSnapshot.refresh();
      const snapshot = api.ctx.teamSnapshot.snapshot;
      assert.equal(snapshot?.repository?.nameWithOwner, 'globex/storefront', 'blockers come from the home repository');
      assert.deepEqual(snapshot.repository.blockers.nodes.map((b) => b?.title), ['Refund webhook never reaches the storefront']);
      const mine = snapshot.myPullRequests.nodes.map((p) => p.url.replace(/^.*?\/globex\//, '')).sort();
      assert.deepEqual(mine, ['payments/pull/2', 'storefront/pull/4'], 'my pull requests from both repositories');
      const refresh = (await sandbox().requests()).filter((r) => r.operationName === 'TeamSnapshot').pop();
      assert.match(String(refresh?.variables?.myPulls), /^repo:globex\/storefront repo:globex\/payments is:pr is:open author:mona$/);
      const team = api.ctx.team.state;
      assert.ok(team.kind === 'ok');
      assert.deepEqual(team.config.members, TEAM);
      // The Kudos header says what its figures cover: the home and the team's other repository.
      const kudos = await api.features.kudos.refresh();
      assert.equal(kudos?.repo, 'globex/storefront and 1 more repository');

      // In storefront: the same team, once.
      await vscode.window.showTextDocument(vscode.Uri.joinPath(storefront, 'src', 'cart.ts'));
      await waitUntil(api.ctx.team.onDidChange, () => api.ctx.repositories.current?.ref.name === 'storefront' && inHome(), 20_000, 'the team from storefront');
      await api.ctx.teamSnapshot.refresh();
      assert.equal(api.ctx.teamSnapshot.snapshot?.repository?.nameWithOwner, 'globex/storefront');
      const again = api.ctx.team.state;
      assert.ok(again.kind === 'ok');
      assert.deepEqual(again.config, team.config, 'the same team from either repository');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
