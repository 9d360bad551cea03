// Issue 4: the gateway, sign-in, repository detection and the sidebar store in a real VS Code
// against the sandbox, including every failure the user must be told about in plain words.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { z } from 'zod';
import type { SignInResult } from '../../src/github/registerAccount';
import { TeamSnapshotStoreImpl } from '../../src/snapshot/snapshotStore';
import { snapshotMessage } from '../../src/snapshot/snapshotMessage';
import { getApi, sandbox, sandboxUrl, signIn, signOut, waitUntil, workspaceRoot } from './support';

const viewerSchema = z.object({ viewer: z.object({ login: z.string() }) });

async function store(): Promise<TeamSnapshotStoreImpl> {
  return (await getApi()).ctx.teamSnapshot as TeamSnapshotStoreImpl;
}

/** A refresh that starts after this call (a running one is joined, then one more runs). */
/** The line the Blocked view shows above its rows now (what the user reads), from the store's state. */
async function shownMessage(): Promise<string | undefined> {
  return (await getApi()).features.blocked.tree.view.message;
}

async function refreshed(): Promise<TeamSnapshotStoreImpl> {
  const s = await store();
  await s.refresh();
  return s;
}

describe('GitHub: sign-in, repository, sidebar store', function () {
  this.timeout(30_000);

  before(async () => {
    await sandbox().reset('demo');
  });
  afterEach(async () => {
    await sandbox().clearFaults();
  });
  after(async () => {
    await sandbox().reset('demo');
    await signIn('mona');
  });

  describe('sign-in', () => {
    it('signs in with a token accepted in the sign-in box, and says who', async () => {
      await signOut();
      const result = await (await getApi()).features.account.signInWithToken('sandbox-token-mona');
      assert.deepEqual(result, { ok: true, login: 'mona' });
      const api = await getApi();
      assert.equal(api.ctx.session.login, 'mona');
      assert.equal(api.ctx.contextKeys.get('teamSupport.signedIn'), true);
      const data = await api.ctx.session.gateway?.query({ document: 'query Viewer { viewer { login } }', schema: viewerSchema });
      assert.equal(data?.viewer.login, 'mona');
    });

    it('rejects a bad token with a clear message and stays signed out', async () => {
      await signOut();
      const result: SignInResult = await (await getApi()).features.account.signInWithToken('not-a-token');
      assert.equal(result?.ok, false);
      assert.equal(result?.ok === false ? result.kind : '', 'badCredentials');
      assert.match(result?.ok === false ? result.message : '', /did not accept your token/);
      const api = await getApi();
      assert.equal(api.ctx.session.gateway, undefined);
      assert.equal(api.ctx.contextKeys.get('teamSupport.signedIn'), false);
    });

    it('keeps the token across a restore (secret storage keyed by API URL); sign-out forgets it', async () => {
      const api = await signIn('sam');
      const account = api.features.account.session;
      await account.restore();
      assert.equal(account.login, 'sam');
      assert.equal(account.source, 'token');
      await signOut();
      await account.restore();
      assert.equal(account.gateway, undefined, 'nothing stored after sign-out (and no env token in tests)');
    });

    it('shows "not signed in" in the sidebar state when signed out', async () => {
      await signOut();
      const s = await refreshed();
      assert.equal(s.error?.kind, 'notSignedIn');
      assert.equal(s.snapshot, undefined);
      assert.equal((await getApi()).ctx.contextKeys.get('teamSupport.signedIn'), false, 'the welcome view offers Sign In');
    });
  });

  describe('API URL', () => {
    it('reads teamSupport.github.apiUrl from the machine settings', async () => {
      const api = await getApi();
      assert.equal(api.ctx.settings.get('github.apiUrl'), sandboxUrl());
    });

    it('ignores a workspace .vscode/settings.json that sets the API URL', async () => {
      const api = await signIn('mona');
      const file = vscode.Uri.joinPath(workspaceRoot(), '.vscode', 'settings.json');
      let original: Uint8Array | undefined;
      try {
        original = await vscode.workspace.fs.readFile(file);
      } catch {
        original = undefined;
      }
      const parsed = original ? (JSON.parse(Buffer.from(original).toString('utf8')) as Record<string, unknown>) : {};
      const hostile = { ...parsed, 'teamSupport.github.apiUrl': 'http://127.0.0.1:9/steal', 'teamSupport.blocked.refreshIntervalSeconds': 61 };
      try {
        const applied = waitUntil(
          vscode.workspace.onDidChangeConfiguration,
          () => vscode.workspace.getConfiguration('teamSupport').get('blocked.refreshIntervalSeconds') === 61,
          15_000,
          'the workspace settings to load',
        );
        await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(hostile, null, 2)));
        await applied;
        assert.equal(api.ctx.settings.get('github.apiUrl'), sandboxUrl());
        await api.features.account.session.restore();
        await sandbox().clearLog();
        const data = await api.ctx.session.gateway?.query({ document: 'query Viewer { viewer { login } }', schema: viewerSchema });
        assert.equal(data?.viewer.login, 'mona');
        const log = await sandbox().requests();
        assert.ok(log.some((r) => r.operationName === 'Viewer'), 'the call went to the machine-level URL (the sandbox)');
      } finally {
        const restored = waitUntil(
          vscode.workspace.onDidChangeConfiguration,
          () => vscode.workspace.getConfiguration('teamSupport').get('blocked.refreshIntervalSeconds') !== 61,
          15_000,
          'the workspace settings to be restored',
        );
        if (original) await vscode.workspace.fs.writeFile(file, original);
        else await vscode.workspace.fs.delete(file);
        await restored;
      }
    });
  });

  describe('repository detection', () => {
    it('maps the workspace remote (origin https://github.com/acme/webshop.git) to acme/webshop', async () => {
      const api = await getApi();
      await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the repository');
      const repo = api.ctx.repositories.current;
      assert.ok(repo);
      assert.deepEqual({ ...repo.ref }, { owner: 'acme', name: 'webshop' });
      assert.equal(repo.webUrl, 'https://github.com/acme/webshop');
      assert.equal(repo.rootUri.toString(), workspaceRoot().toString());
      assert.equal(repo.branch, 'main');
      assert.match(repo.headCommit ?? '', /^[0-9a-f]{40}$/);
      assert.equal(await repo.isPushed(repo.headCommit ?? ''), true, 'HEAD is on origin/main');
      assert.equal(await repo.isPushed('0000000000000000000000000000000000000000'), false);
      assert.equal(api.ctx.contextKeys.get('teamSupport.hasRepository'), true);
      assert.equal(api.ctx.repositories.forUri(vscode.Uri.joinPath(workspaceRoot(), 'src', 'cart.ts'))?.ref.name, 'webshop');
    });

    it('diffs an uncommitted change of one file', async () => {
      const api = await getApi();
      const repo = api.ctx.repositories.current;
      assert.ok(repo);
      const file = vscode.Uri.joinPath(workspaceRoot(), 'src', 'money.ts');
      const original = await vscode.workspace.fs.readFile(file);
      try {
        await vscode.workspace.fs.writeFile(file, Buffer.concat([Buffer.from(original), Buffer.from('\nexport const diffMarker = 1;\n')]));
        const diff = await repo.diffOfFile(file);
        assert.match(diff, /^\+export const diffMarker = 1;$/m);
      } finally {
        await vscode.workspace.fs.writeFile(file, original);
      }
    });
  });

  describe('sidebar store', () => {
    it('refreshes with exactly one TeamSnapshot request and shows the open blockers', async () => {
      await signIn('mona');
      const s = await refreshed();
      assert.equal(s.error, undefined, s.error?.message);
      await sandbox().clearLog();
      await s.refresh();
      const log = await sandbox().requests();
      // The Kudos view, when visible, refreshes its own data after a refresh the user asked for (its own budget).
      const sidebarRequests = log.map((r) => r.operationName).filter((name) => !name?.startsWith('Kudos'));
      assert.deepEqual(sidebarRequests, ['TeamSnapshot'], 'one request per refresh (category cached)');
      const variables = log.find((r) => r.operationName === 'TeamSnapshot')?.variables ?? {};
      assert.equal(variables['myPulls'], 'repo:acme/webshop is:pr is:open author:mona');
      assert.equal(s.snapshot?.viewer.login, 'mona');
      assert.equal(s.snapshot?.repository?.nameWithOwner, 'acme/webshop');
      assert.equal(s.category?.name, 'Blocked');
      assert.equal(s.stale, false);
      assert.ok((s.snapshot?.repository?.blockers.nodes.length ?? 0) >= 4);
      assert.equal(await shownMessage(), undefined);
    });

    it('coalesces concurrent refreshes', async () => {
      const s = await refreshed();
      await sandbox().clearLog();
      await Promise.all([s.refresh(), s.refresh(), s.refresh(), s.refresh()]);
      const count = (await sandbox().requests()).filter((r) => r.operationName === 'TeamSnapshot').length;
      assert.ok(count <= 2, `${count} requests for 4 concurrent refreshes`);
    });

    it('retries a 5xx on the sidebar read and succeeds', async () => {
      const s = await refreshed();
      await sandbox().clearLog();
      await sandbox().injectFault({ kind: 'serverError', status: 502, count: 1, match: { operationName: 'TeamSnapshot' } });
      await s.refresh();
      assert.equal(s.error, undefined, s.error?.message);
      const statuses = (await sandbox().requests()).filter((r) => r.operationName === 'TeamSnapshot').map((r) => r.status);
      assert.deepEqual(statuses, [502, 200]);
    });

    it('offline: keeps the last snapshot, marked stale, and says so; the snapshot is cached for the next window', async () => {
      const s = await refreshed();
      assert.ok(s.snapshot);
      await sandbox().injectFault({ kind: 'dropConnection', match: { operationName: 'TeamSnapshot' } });
      await s.refresh();
      assert.equal(s.error?.kind, 'offline');
      assert.equal(s.stale, true);
      assert.ok(s.snapshot, 'the previous data is still shown');
      assert.match((await shownMessage()) ?? '', /^Offline: showing what was loaded at /);
      const cached = (await getApi()).ctx.extension.workspaceState.get<{ snapshot?: { viewer?: { login?: string } } }>('teamSupport.sidebar.lastSnapshot');
      assert.equal(cached?.snapshot?.viewer?.login, 'mona');
      await sandbox().clearFaults();
      await s.refresh();
      assert.equal(s.stale, false);
      assert.equal(s.error, undefined);
    });

    it('a window opened offline shows the last data from the workspace cache, marked stale', async () => {
      const api = await getApi();
      await refreshed();
      await sandbox().injectFault({ kind: 'dropConnection' });
      // A second store over the same services stands in for the next window's.
      const next = new TeamSnapshotStoreImpl(api.ctx);
      try {
        await next.refresh();
        assert.equal(next.error?.kind, 'offline');
        assert.equal(next.stale, true);
        assert.equal(next.snapshot?.repository?.nameWithOwner, 'acme/webshop');
        assert.match(snapshotMessage(next) ?? '', /^Offline: showing what was loaded at /);
      } finally {
        next.dispose();
      }
    });

    it('waits out a short rate limit and then shows fresh data', async () => {
      const s = await refreshed();
      await sandbox().clearLog();
      await sandbox().injectFault({ kind: 'primaryRateLimit', resetInSeconds: 1, count: 1, match: { operationName: 'TeamSnapshot' } });
      await s.refresh();
      assert.equal(s.error, undefined, s.error?.message);
      assert.equal(s.stale, false);
      const sidebarRequests = (await sandbox().requests()).filter((r) => r.operationName === 'TeamSnapshot');
      assert.equal(sidebarRequests.length, 2, 'the limited request, then the retry after the reset');
    });

    it('rate limited: says until when', async () => {
      const s = await refreshed();
      await sandbox().injectFault({ kind: 'primaryRateLimit', resetInSeconds: 3600, match: { operationName: 'TeamSnapshot' } });
      await s.refresh();
      assert.equal(s.error?.kind, 'rateLimited');
      const resetAt = s.error?.details.resetAt ?? 0;
      assert.ok(resetAt > Date.now() + 3000_000, 'reset time about an hour ahead');
      assert.match((await shownMessage()) ?? '', /rate limit is used up until \d{1,2}:\d{2}/);
      assert.equal(s.stale, true);
    });

    it('token lacking a scope: names the scope', async () => {
      const s = await refreshed();
      await sandbox().injectFault({ kind: 'missingScope', scope: 'read:discussion', match: { operationName: 'TeamSnapshot' } });
      await s.refresh();
      assert.equal(s.error?.kind, 'missingScope');
      assert.deepEqual(s.error?.details.scopes, ['read:discussion']);
      assert.match((await shownMessage()) ?? '', /lacks the 'read:discussion' scope/);
    });

    it('SAML SSO required: links to the authorization page', async () => {
      const s = await refreshed();
      await sandbox().injectFault({ kind: 'ssoRequired', org: 'acme', match: { operationName: 'TeamSnapshot' } });
      await s.refresh();
      assert.equal(s.error?.kind, 'ssoRequired');
      assert.match(s.error?.details.url ?? '', /sso/);
      assert.match((await shownMessage()) ?? '', /single sign-on/);
    });

    it('bad credentials: asks to sign in again', async () => {
      const s = await refreshed();
      await sandbox().injectFault({ kind: 'badCredentials', match: { operationName: 'TeamSnapshot' } });
      try {
        await s.refresh();
        // A rejected token signs out (issue 15): the sidebar then says so, or still shows the 401 itself.
        const api = await getApi();
        assert.equal(api.ctx.session.login, undefined, 'signed out');
        if (s.error?.kind === 'badCredentials') assert.match((await shownMessage()) ?? '', /Sign in again/);
        else assert.equal(s.error?.kind, 'notSignedIn', 'the views show their sign-in welcome');
      } finally {
        // Sign in again for the tests that follow.
        await sandbox().clearFaults();
        await signIn('mona');
      }
    });

    it('Discussions disabled: says so and links to the settings', async () => {
      const s = await refreshed();
      await sandbox().setDiscussionsEnabled('acme/webshop', false);
      try {
        await s.refresh();
        assert.equal(s.error?.kind, 'discussionsDisabled');
        assert.match(s.error?.details.url ?? '', /acme\/webshop\/settings$/);
        assert.match((await shownMessage()) ?? '', /Discussions are turned off for acme\/webshop/);
      } finally {
        await sandbox().setDiscussionsEnabled('acme/webshop', true);
      }
      await s.refresh();
      assert.equal(s.error, undefined);
    });

    it('category missing: says which, with the link to create it', async () => {
      const client = sandbox();
      const state = await client.state();
      state.categories = state.categories.map((c) => (c.name === 'Blocked' ? { ...c, name: 'Stuck', slug: 'stuck' } : c));
      await client.reset(state);
      try {
        await signOut();
        await signIn('mona'); // a new sign-in looks the category up again
        const s = await refreshed();
        assert.equal(s.error?.kind, 'categoryMissing');
        assert.match(s.error?.details.url ?? '', /\/acme\/webshop\/discussions\/categories\/new$/);
        assert.match((await shownMessage()) ?? '', /no Discussions category named "Blocked"/);
      } finally {
        await client.reset('demo');
      }
      const s = await refreshed();
      assert.equal(s.error, undefined, s.error?.message);
      assert.equal(s.category?.name, 'Blocked');
    });
  });
});

describe('GitHub: no GitHub remote', function () {
  this.timeout(30_000);

  it('says the workspace has no GitHub repository when the remote is elsewhere, and recovers', async () => {
    const { execFile } = await import('node:child_process');
    const git = (...args: string[]) =>
      new Promise<void>((resolve, reject) => execFile('git', args, { cwd: workspaceRoot().fsPath }, (e) => (e ? reject(new Error(e.message)) : resolve())));
    const api = await signIn('mona');
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the repository');
    try {
      await git('remote', 'set-url', 'origin', 'https://gitlab.com/acme/webshop.git');
      await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current === undefined, 15_000, 'the repository to go away');
      assert.equal(api.ctx.contextKeys.get('teamSupport.hasRepository'), false, 'the views show their no-repository welcome');
      await api.ctx.teamSnapshot.refresh();
      assert.equal(api.ctx.teamSnapshot.snapshot, undefined, 'no data from the previous repository');
      assert.equal(api.ctx.teamSnapshot.error, undefined, 'no error notification: the welcome content explains it');
    } finally {
      await git('remote', 'set-url', 'origin', 'https://github.com/acme/webshop.git');
    }
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current?.ref.name === 'webshop', 15_000, 'the repository back');
    assert.equal(api.ctx.contextKeys.get('teamSupport.hasRepository'), true);
  });
});
