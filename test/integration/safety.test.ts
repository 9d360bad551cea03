// Issue 13 items 3 and 4: a token is taken only from the sign-in box (or TEAM_SUPPORT_TOKEN), never
// from a command argument, and never reaches the log; the exports are a small documented API, with
// the internals only in ExtensionMode.Test.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { exportsFor } from '../../src/api/extensionExports';
import { API_MEMBERS, type TeamSupportExtensionApi } from '../../src/api/teamSupportApi';
import { getApi, getExports, sandbox, signIn, waitFor } from './support';

/** Every `*.log` file under `dir`, recursively. */
async function logFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await logFiles(p)));
    else if (e.name.endsWith('.log')) out.push(p);
  }
  return out;
}

/**
 * The text of the file the "Team Support" LogOutputChannel writes, once it holds `marker` (a line
 * logged last, so everything logged before it is flushed). The channel's file lives in this
 * window's log folder, above the extension's own `logUri`.
 */
async function outputLogWith(marker: string): Promise<string> {
  const api = await getApi();
  api.ctx.log.warn(marker);
  const windowLogs = vscode.Uri.joinPath(api.ctx.extension.logUri, '..', '..').fsPath;
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const file of await logFiles(windowLogs)) {
      const text = await readFile(file, 'utf8').catch(() => '');
      if (text.includes(marker)) return text;
    }
    // The log service writes asynchronously and offers no event for "flushed": poll the file system.
    if (Date.now() > deadline) throw new Error(`no log file under ${windowLogs} holds ${marker}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('safety: tokens and the exported API', function () {
  this.timeout(60_000);

  before(async () => {
    await sandbox().reset('demo');
    await signIn('mona');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await signIn('mona');
  });

  it('runs in ExtensionMode.Test in the harness, and exports only the documented API plus the test hooks', async () => {
    const api = await getApi();
    assert.equal(api.ctx.extension.extensionMode, vscode.ExtensionMode.Test, 'the harness runs the extension in Test mode');
    const exported = await getExports();
    assert.deepEqual(Object.keys(exported).sort(), [...API_MEMBERS, 'testHooks'].sort());
    assert.ok('testHooks' in exported && exported.testHooks.ctx === api.ctx && typeof exported.testHooks.features.pairing.restartForTest === 'function');
    assert.equal(exported.apiVersion, 1);
    assert.equal(exported.login, 'mona');
    assert.deepEqual(exported.repository, { owner: 'acme', name: 'webshop' });
    assert.equal(typeof exported.onDidChange, 'function');
    assert.ok(Object.isFrozen(exported), 'callers cannot add or replace members');
  });

  it('outside Test mode the exports are exactly the documented members, and none reaches the token, secrets or gateway', async () => {
    const { ctx, features } = await getApi();
    await ctx.teamSnapshot.refresh();
    const exported = await getExports();
    // The public part of what the extension exported: every member but the test hooks.
    const descriptors: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(exported);
    delete descriptors['testHooks'];
    const publicApi = Object.defineProperties({}, descriptors) as TeamSupportExtensionApi;
    for (const mode of [vscode.ExtensionMode.Production, vscode.ExtensionMode.Development]) {
      const production = exportsFor(mode, publicApi, { ctx, features });
      assert.deepEqual(Object.keys(production).sort(), [...API_MEMBERS].sort());
      assert.ok(!('testHooks' in production));
    }
    const production = exportsFor(vscode.ExtensionMode.Production, publicApi, { ctx, features });
    // Walk everything reachable from the public members (the values they return included).
    const forbidden = new Set<unknown>([ctx, ctx.extension, ctx.extension.secrets, ctx.session, ctx.session.gateway, features, features.account.session]);
    const seen = new Set<unknown>();
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') assert.ok(!value.includes('sandbox-token-'), `${path} holds a token`);
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
      assert.ok(!forbidden.has(value), `${path} reaches the extension's internals`);
      seen.add(value);
      if (typeof value === 'function') return;
      for (const key of Object.getOwnPropertyNames(value)) walk((value as Record<string, unknown>)[key], `${path}.${key}`);
    };
    for (const member of API_MEMBERS) walk(production[member], member);
    assert.ok(production.openBlockers.length > 0, 'the demo repository has open blockers to list');
    assert.deepEqual(Object.keys(production.openBlockers[0] ?? {}).sort(), ['author', 'createdAt', 'number', 'replyCount', 'title', 'url']);
  });

  it('ignores a token passed to teamSupport.signInWithToken: the sign-in box shows instead, and nobody is signed in', async () => {
    const api = await getApi();
    const shown = waitFor(api.features.account.onDidShowTokenPrompt, () => true, 10_000, 'the sign-in box');
    const pending = vscode.commands.executeCommand<unknown>('teamSupport.signInWithToken', 'sandbox-token-sam');
    await shown;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined, 'closing the box signs nobody in');
    assert.equal(api.ctx.session.login, 'mona', 'still signed in as mona, not as the argument\'s sam');
  });

  it('rejects a token with control characters with a clear message, and no token ever reaches the log', async () => {
    const api = await getApi();
    const nonce = randomUUID().slice(0, 8);
    const hostile = `sandbox-token-evil${nonce}\r\nX-Injected: h13secret${nonce}`;
    const result = await api.features.account.signInWithToken(hostile);
    assert.equal(result?.ok === false ? result.kind : '', 'invalidToken');
    const message = result?.ok === false ? result.message : '';
    assert.match(message, /line break or another control character/);
    assert.ok(!message.includes(nonce), 'the message does not quote the token');
    assert.equal(api.ctx.session.login, 'mona', 'the failed attempt changed nothing');

    // A well-formed token GitHub rejects: it is sent, so it is in play for the log's redaction too.
    const rejected = `h13-rejected-${nonce}-token`;
    const second = await api.features.account.signInWithToken(rejected);
    assert.equal(second?.ok === false ? second.kind : '', 'badCredentials');
    assert.ok(second?.ok === false && !second.message.includes(nonce));
    // Defence in depth: a line that quotes the token (as an HTTP library's error may) is cleaned.
    api.ctx.log.warn(`a library error quoting the header: authorization: token ${rejected}`);

    const log = await outputLogWith(`h13-log-check-${nonce}-done`);
    assert.ok(!log.includes(`evil${nonce}`) && !log.includes(`h13secret${nonce}`), 'the control-character token is not in the log');
    assert.ok(!log.includes(rejected), 'the rejected token is not in the log');
    assert.ok(!log.includes('sandbox-token-mona'), 'the signed-in token is not in the log');
    assert.ok(log.includes('[redacted token]'), 'the quoting line is there, cleaned');
  });
});
