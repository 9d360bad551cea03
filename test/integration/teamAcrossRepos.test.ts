// Issue 17: a team that spans repositories and GitHub teams, in a real VS Code against the sandbox's
// demo organization (globex: storefront is the home with #Blocked, payments points at it; the sandbox
// serves both repositories' team-config files).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { TeamSupportApi } from '../../src/extension';
import type { ShownGitHubError } from '../../src/github/showGitHubError';
import type { TeamConfigService } from '../../src/team-config/teamConfigState';
import type { TeamSnapshotStore } from '../../src/snapshot/teamSnapshotStore';
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

/** Opens `repositories` in the Git extension; resolves once each of `names` (globex/…) is a repository the extension knows. */
async function openInGit(repositories: readonly vscode.Uri[], names: readonly string[], api: TeamSupportApi): Promise<void> {
  type GitRepo = { state: { onDidChange: vscode.Event<void> } };
  const git = vscode.extensions.getExtension<{ getAPI(version: 1): { onDidOpenRepository: vscode.Event<GitRepo>; repositories: GitRepo[] } }>('vscode.git')?.exports.getAPI(1);
  assert.ok(git, 'the Git extension');
  // A repository opens, then reads its remotes: either may be the moment it counts as the team's.
  const gitChanged = new vscode.EventEmitter<void>();
  const watching: vscode.Disposable[] = [];
  watching.push(
    git.onDidOpenRepository((r) => {
      watching.push(r.state.onDidChange(() => gitChanged.fire()));
      gitChanged.fire();
    }),
  );
  for (const r of git.repositories) watching.push(r.state.onDidChange(() => gitChanged.fire()));
  const found = () => names.every((name) => api.ctx.repositories.all.some((r) => r.ref.owner === 'globex' && r.ref.name === name));
  try {
    for (const uri of repositories) await vscode.commands.executeCommand('git.openRepository', uri.fsPath);
    await waitUntil(gitChanged.event, found, 20_000, `${names.join(' and ')} found by Git`).catch((e: unknown) => {
      const seen = api.ctx.repositories.all.map((r) => `${r.ref.owner}/${r.ref.name} at ${r.rootUri.fsPath}`);
      throw new Error(`${e instanceof Error ? e.message : String(e)} Seen: ${seen.join(', ')}; Git: ${git.repositories.length} repositories`);
    });
  } finally {
    for (const d of watching) d.dispose();
    gitChanged.dispose();
  }
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

  /** Runs `action` and resolves with the first notification of `kind` it brings (the one the user reads). */
  async function notificationDuring(kind: ShownGitHubError['kind'], action: () => PromiseLike<unknown>, timeoutMs: number, what: string): Promise<ShownGitHubError> {
    const shown: ShownGitHubError[] = [];
    const listening = api.ctx.errors.onDidShow((e) => shown.push(e));
    try {
      await action();
      await waitUntil(api.ctx.errors.onDidShow, () => shown.some((e) => e.kind === kind), timeoutMs, what);
    } finally {
      listening.dispose();
    }
    const notice = shown.find((e) => e.kind === kind);
    assert.ok(notice);
    return notice;
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
    const notice = await notificationDuring(
      'missingScope',
      async () => {
        const result = await api.features.account.signInWithToken(TOKEN_WITHOUT_READ_ORG);
        assert.ok(result?.ok, 'signed in with the token without read:org');
      },
      20_000,
      'the missing-scope notification',
    );
    assert.match(notice.text, /^The team @globex\/shop could not be read from GitHub; its last known members are used meanwhile\. Your GitHub sign-in lacks the 'read:org'/);
    assert.deepEqual(notice.actions, ['Sign In Again']);
    assert.equal(api.ctx.team.teamProblems[0]?.error.kind, 'missingScope');
    const state = api.ctx.team.state;
    assert.ok(state.kind === 'ok');
    assert.deepEqual(state.config.members, TEAM, 'the last known members');
    await signIn('mona');
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.teamProblems.length === 0, 15_000, 'the team read again');
  });

  it('SAML SSO not authorized for the team\'s organization says so with its fix, and the last known members keep working', async () => {
    await writeConfig('members: ["@globex/shop", lea]\n');
    await sandbox().clearLog();
    // As GitHub answers: 200, `organization.team` null with a FORBIDDEN saml_failure error, and x-github-sso.
    await sandbox().injectFault({ kind: 'ssoRequired', org: 'globex', match: { operationName: 'TeamMembers' } });
    const notice = await notificationDuring('ssoRequired', () => vscode.commands.executeCommand('teamSupport.refresh'), 20_000, 'the SSO notification');
    assert.equal(notice.text, 'The team @globex/shop could not be read from GitHub; its last known members are used meanwhile. This organization uses SAML single sign-on. Authorize your GitHub sign-in for it, then refresh.');
    assert.deepEqual(notice.actions, ['Authorize SSO']);
    const problem = api.ctx.team.teamProblems[0];
    assert.equal(problem?.error.kind, 'ssoRequired');
    assert.match(problem.error.details.url ?? '', /\/orgs\/globex\/sso\?authorization_request=/, 'the fix opens the organization\'s authorization page');
    const state = api.ctx.team.state;
    assert.ok(state.kind === 'ok');
    assert.deepEqual(state.config.members, TEAM, 'the last known members');
    // (A read the config file's watcher started before the fault was set may be in the log too: only the refused ones count.)
    const refused = (await sandbox().requests()).filter((r) => r.operationName === 'TeamMembers' && r.fault === 'ssoRequired');
    assert.ok(refused.length > 0 && refused.every((r) => r.status === 200), 'refused the way GitHub refuses it');
    await sandbox().clearFaults();
    await vscode.commands.executeCommand('teamSupport.refresh');
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.teamProblems.length === 0, 15_000, 'the team read again');
  });

  it('with only the pointer repository open reads the team from its home on GitHub; opening the home afterwards keeps one team', async function () {
    // Two repositories opened by Git, an offline retry and several reloads: about 25 s on a quiet machine.
    this.timeout(180_000);
    // Inside the workspace folder, where Git looks for nested repositories (removed afterwards).
    const parent = mkdtempSync(join(workspaceRoot().fsPath, '.globex-'));
    const inHome = () => api.ctx.team.state.kind === 'ok' && api.ctx.team.state.repository.name === 'storefront';
    const today = api.features.crossCheck.today;
    const teamRow = () => today.model?.rows.find((r) => r.kind === 'team');
    try {
      const payments = await gitRepository(parent, 'globex/payments', { '.github/team-support.yml': 'home: globex/storefront\n', 'src/refund.ts': 'export const refund = 1;\n' });
      await openInGit([payments], ['payments'], api);

      // Only payments, whose config points at the home: the home's config, read from GitHub.
      await vscode.window.showTextDocument(vscode.Uri.joinPath(payments, 'src', 'refund.ts'));
      await waitUntil(api.ctx.team.onDidChange, () => api.ctx.repositories.current?.ref.name === 'payments' && inHome(), 20_000, 'the home team from payments alone');
      assert.ok(!api.ctx.repositories.all.some((r) => r.ref.name === 'storefront'), 'the home is not open');
      const fromGitHub = api.ctx.team.state;
      assert.ok(fromGitHub.kind === 'ok');
      assert.equal(fromGitHub.source, 'github');
      assert.equal(fromGitHub.uri.toString(), vscode.Uri.joinPath(payments, '.github', 'team-support.yml').toString(), 'the pointer is the file behind it');
      assert.deepEqual(fromGitHub.config.members, TEAM, 'the home config\'s members, its GitHub team resolved');
      const homeRead = (await sandbox().requests()).filter((r) => r.operationName === 'HomeTeamConfig').pop();
      assert.deepEqual(homeRead?.variables, { owner: 'globex', name: 'storefront', expression: 'HEAD:.github/team-support.yml' });

      await api.ctx.teamSnapshot.refresh();
      const snapshot = api.ctx.teamSnapshot.snapshot;
      assert.equal(snapshot?.repository?.nameWithOwner, 'globex/storefront', 'blockers come from the home repository');
      assert.deepEqual(snapshot.repository.blockers.nodes.map((b) => b?.title), ['Refund webhook never reaches the storefront']);
      const mine = snapshot.myPullRequests.nodes.map((p) => p.url.replace(/^.*?\/globex\//, '')).sort();
      assert.deepEqual(mine, ['payments/pull/2', 'storefront/pull/4'], 'my pull requests from both repositories');
      const refresh = (await sandbox().requests()).filter((r) => r.operationName === 'TeamSnapshot').pop();
      assert.match(String(refresh?.variables?.myPulls), /^repo:globex\/storefront repo:globex\/payments is:pr is:open author:mona$/);
      // Today: the home config's team, with mona's pull requests from both repositories.
      await waitUntil(today.onDidRender, () => teamRow() !== undefined, 15_000, 'the Today view\'s team');
      const team = teamRow();
      assert.ok(team?.kind === 'team');
      assert.deepEqual(team.members.map((m) => m.login).sort(), [...TEAM].sort());
      const mineRow = today.model?.rows.find((r) => r.kind === 'mine');
      assert.ok(mineRow?.kind === 'mine');
      assert.deepEqual(mineRow.pullRequests?.map((p) => p.pr.url.replace(/^.*?\/globex\//, '')).sort(), ['payments/pull/2', 'storefront/pull/4']);
      // The home config is read per config load, not per sidebar refresh: a refresh stays one request.
      await sandbox().clearLog();
      await api.ctx.teamSnapshot.refresh();
      // (A refresh the user asked for also refetches a visible Kudos view: its own request, not the snapshot's.)
      const snapshotRequests = (await sandbox().requests()).map((r) => r.operationName).filter((name) => !name?.startsWith('Kudos'));
      assert.deepEqual(snapshotRequests, ['TeamSnapshot']);

      // GitHub unreachable on Refresh: the message says so (with Retry), the last known config stays.
      await sandbox().injectFault({ kind: 'dropConnection', match: { operationName: 'HomeTeamConfig' } });
      let offline: ShownGitHubError;
      try {
        offline = await notificationDuring('offline', () => vscode.commands.executeCommand('teamSupport.refresh'), 30_000, 'the offline notification');
      } finally {
        await sandbox().clearFaults();
      }
      assert.equal(offline.text, "The team's config could not be read from its home, globex/storefront; the last known config is used meanwhile. The connection to GitHub dropped. Check your connection and try again.");
      assert.deepEqual(offline.actions, ['Retry']);
      const lastKnown = api.ctx.team.state;
      assert.ok(lastKnown.kind === 'ok');
      assert.equal(lastKnown.source, 'lastKnown');
      assert.deepEqual(lastKnown.config, fromGitHub.config, 'the last known config');
      assert.equal(api.ctx.team.homeProblem?.error.kind, 'offline');

      // A home GitHub doesn't show this account: what is wrong, in the views.
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(payments, '.github', 'team-support.yml'), Buffer.from('home: globex/nowhere\n'));
      await vscode.commands.executeCommand('teamSupport.refresh');
      await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'invalid', 15_000, 'the unreadable home');
      const unreadable = api.ctx.team.state;
      assert.ok(unreadable.kind === 'invalid');
      assert.deepEqual(unreadable.problems, ["The team's home repository, globex/nowhere (named by `home:`), is not on GitHub or your account can't see it. Correct `home:`, or ask the team for access."]);
      assert.equal(api.ctx.team.homeProblem?.error.kind, 'notFound');
      await waitUntil(today.onDidRender, () => /globex\/nowhere/.test(today.view.message ?? ''), 10_000, 'the Today view\'s message');
      // Its #Blocked requests still belong to the home named: never to payments, the pointing repository.
      const store: TeamSnapshotStore = api.ctx.teamSnapshot;
      await store.refresh();
      assert.equal(store.snapshot, undefined, 'no other repository\'s blockers stand in');
      assert.equal(store.error?.kind, 'notFound');
      assert.match(api.ctx.errors.message(store.error), /globex\/nowhere/, 'the Blocked view names the home it looked in');
      // While the next load waits on GitHub, the views still read this load's state with its problem.
      await sandbox().injectFault({ kind: 'latency', ms: 1500, match: { operationName: 'HomeTeamConfig' } });
      const seen = new Set<string>();
      let reloading = true;
      const reload = api.ctx.team.reload().finally(() => (reloading = false));
      try {
        while (reloading) {
          const team: TeamConfigService = api.ctx.team;
          seen.add(`${team.state.kind} ${team.homeProblem?.error.kind}`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await reload;
      } finally {
        await sandbox().clearFaults();
      }
      assert.deepEqual([...seen], ['invalid notFound'], 'the state and its problem, together, throughout a reload');
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(payments, '.github', 'team-support.yml'), Buffer.from('home: globex/storefront\n'));
      await vscode.commands.executeCommand('teamSupport.refresh');
      await waitUntil(api.ctx.team.onDidChange, () => inHome(), 15_000, 'the pointer restored');

      // The home opens afterwards (payments' editor stays active): its file on disk is the team's now.
      const storefront = await gitRepository(parent, 'globex/storefront', {
        '.github/team-support.yml': 'members: ["@globex/shop", lea]\nrepositories: [globex/storefront, globex/payments]\ntimeZone: Europe/Berlin\n',
        'src/cart.ts': 'export const cart = [];\n',
      });
      const homeFile = vscode.Uri.joinPath(storefront, '.github', 'team-support.yml').toString();
      await openInGit([storefront], ['storefront', 'payments'], api);
      await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok' && api.ctx.team.state.uri.toString() === homeFile, 20_000, 'the home\'s own file');
      assert.equal(api.ctx.repositories.current?.ref.name, 'payments');
      const fromDisk = api.ctx.team.state;
      assert.ok(fromDisk.kind === 'ok');
      assert.equal(fromDisk.source, 'workspace');
      assert.equal(fromDisk.config.timeZone, 'Europe/Berlin', 'the local file wins over GitHub\'s copy');
      assert.deepEqual(fromDisk.config.members, TEAM, 'one team');
      await waitUntil(today.onDidRender, () => teamRow()?.kind === 'team', 15_000, 'the Today view\'s team');
      assert.equal(today.model?.rows.filter((r) => r.kind === 'team').length, 1);

      // In storefront: the same team, once.
      await vscode.window.showTextDocument(vscode.Uri.joinPath(storefront, 'src', 'cart.ts'));
      await waitUntil(api.ctx.team.onDidChange, () => api.ctx.repositories.current?.ref.name === 'storefront' && inHome(), 20_000, 'the team from storefront');
      await api.ctx.teamSnapshot.refresh();
      assert.equal(api.ctx.teamSnapshot.snapshot?.repository?.nameWithOwner, 'globex/storefront');
      const again = api.ctx.team.state;
      assert.ok(again.kind === 'ok');
      assert.deepEqual(again.config, fromDisk.config, 'the same team from either repository');
      // The Kudos header says what its figures cover: the home and the team's other repository.
      const kudos = await api.features.kudos.refresh();
      assert.equal(kudos?.repo, 'globex/storefront and 1 more repository');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
