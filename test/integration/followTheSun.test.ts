// Issue 16: follow the sun, in the real VS Code against the sandbox with both clocks set to chosen
// instants. The fixture team: mona and sam in Berlin (Mon–Fri 09:00–17:30), priya in Kolkata
// (09:30–18:00), kenji in Tokyo and lea in São Paulo (team hours).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownNotice } from '../../src/blockers/dayStartNotices';
import type { PostResult } from '../../src/blockers/postDraft';
import type { TodayNode } from '../../src/crosscheck/todayTree';
import type { TeamSupportApi } from '../../src/extension';
import { type ScriptedPrompter, sandbox, scriptPrompts, signIn, waitUntil, workspaceRoot } from './support';

const TUE_1500 = Date.parse('2026-11-17T15:00:00Z'); // Berlin 16:00: mona works
const TUE_1700 = Date.parse('2026-11-17T17:00:00Z'); // Berlin 18:00: mona is off (since 16:30 UTC)
const TUE_2000 = Date.parse('2026-11-17T20:00:00Z');
const TUE_2100 = Date.parse('2026-11-17T21:00:00Z');
const TUE_2200 = Date.parse('2026-11-17T22:00:00Z');
const WED_0700 = Date.parse('2026-11-18T07:00:00Z'); // Berlin 08:00, Kolkata 12:30, Tokyo 16:00, São Paulo 04:00
const WED_0830 = Date.parse('2026-11-18T08:30:00Z'); // Berlin 09:30: mona's day has started

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('follow the sun: working hours across time zones', function () {
  this.timeout(180_000);
  let api: TeamSupportApi;
  const shown: ShownNotice[] = [];
  let ids: { repo: string; category: string };
  let prompts: ScriptedPrompter;

  async function at(instant: number): Promise<void> {
    api.ctx.clock.use({ now: () => instant });
    await sandbox().setClock(new Date(instant).toISOString());
  }

  async function postAs(login: string, title: string, instant: number): Promise<string> {
    await sandbox().setClock(new Date(instant).toISOString());
    const result = await sandbox().graphqlAs<{ createDiscussion: { discussion: { id: string } } }>(
      login,
      'mutation($r: ID!, $c: ID!, $t: String!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: $t, body: "help" }) { discussion { id } } }',
      { r: ids.repo, c: ids.category, t: title },
    );
    const id = result.data?.createDiscussion.discussion.id;
    assert.ok(id, `${login} posted "${title}"`);
    return id;
  }

  async function replyAs(login: string, discussionId: string, instant: number): Promise<void> {
    await sandbox().setClock(new Date(instant).toISOString());
    const reply = await sandbox().graphqlAs(login, 'mutation($id: ID!) { addDiscussionComment(input: { discussionId: $id, body: "Try this." }) { comment { id } } }', { id: discussionId });
    assert.equal(reply.errors, undefined);
  }

  before(async () => {
    await sandbox().reset('empty');
    api = await signIn('mona');
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the team config');
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the workspace repository');
    api.features.blocked.notices.onDidShow((n) => shown.push(n));
    prompts = scriptPrompts(api);
    // Notices held or announced by earlier suites (run at whatever time it is) are not this suite's.
    for (const key of ['teamSupport.blocked.pendingNotices', 'teamSupport.blocked.firstReply', 'teamSupport.blocked.digestShownFor']) {
      await api.ctx.extension.globalState.update(key, undefined);
    }
    const state = await sandbox().state();
    const repo = state.repositories.find((r) => r.name === 'webshop')?.id;
    const category = state.categories.find((c) => c.name === 'Blocked')?.id;
    assert.ok(repo && category);
    ids = { repo, category };
  });

  after(async () => {
    api.ctx.clock.use(undefined);
    api.features.blocked.setHelpBalance(() => api.features.kudos.helpBalance());
    await sandbox().setClock(null);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sandbox().reset('demo');
    await api.ctx.teamSnapshot.refresh();
  });

  it('holds a first-reply notice that arrives outside working hours: nothing is shown', async () => {
    // Mona asks while she works; the extension sees it unanswered.
    await at(TUE_1500);
    const mine = await postAs('mona', 'Mona: payment webhook retries', TUE_1500);
    await api.ctx.teamSnapshot.refresh();
    // Overnight: sam and kenji ask, lea answers sam, priya answers mona.
    await postAs('sam', 'Sam: checkout rounding', TUE_1700);
    await postAs('kenji', 'Kenji: search index rebuild', TUE_2000);
    const samsId = (await sandbox().state()).discussions.find((d) => d.title.startsWith('Sam'))?.id;
    assert.ok(samsId);
    await replyAs('lea', samsId, TUE_2100);
    await replyAs('priya', mine, TUE_2200);

    await at(TUE_2200 + 30 * 60_000);
    await api.ctx.teamSnapshot.refresh();
    api.features.blocked.notices.check(true);
    const notified = api.ctx.extension.globalState.get<{ notified: string[] }>('teamSupport.blocked.firstReply');
    assert.ok(notified?.notified.includes(mine), 'the first reply was seen');
    assert.deepEqual(shown, [], 'no notification outside mona’s working hours');
    const pending = api.ctx.extension.globalState.get<{ title: string }[]>('teamSupport.blocked.pendingNotices');
    assert.deepEqual(pending?.map((p) => p.title), ['Mona: payment webhook retries']);

    // Still before her day starts next morning (focused window or not): nothing.
    await at(WED_0700);
    await api.ctx.teamSnapshot.refresh();
    api.features.blocked.notices.check(true);
    assert.deepEqual(shown, []);
  });

  it('shows the team in the Today view: local times, who works now (most time left first), who starts next', () => {
    const today = api.features.crossCheck.today;
    today.render();
    const root = today.getChildren().find((n) => n.type === 'row' && n.row.kind === 'team');
    assert.ok(root, 'the Today view has a team section');
    const rootItem = today.getTreeItem(root);
    assert.equal(labelOf(rootItem), 'Team now');
    assert.equal(rootItem.description, '2 working now');
    const rows = today.getChildren(root).map((n: TodayNode) => ({ node: n, item: today.getTreeItem(n) }));
    assert.deepEqual(
      rows.map((r) => `${labelOf(r.item)} | ${String(r.item.description)}`),
      [
        '@priya | 12:30 · working now, 5 h 30 min left',
        '@kenji | 16:00 · working now, 1 h 30 min left',
        '@mona (you) | 08:00 · starts in 1 h',
        '@sam | 08:00 · starts in 1 h',
        '@lea | 04:00 · starts in 5 h',
      ],
    );
    const tip = rows[1]?.item.tooltip;
    assert.match(typeof tip === 'string' ? tip : (tip?.value ?? ''), /Asia\/Tokyo/);
  });

  it('suggests a buddy in the draft, with why, and the posted body mentions them', async () => {
    // Priya has helped far more than she was helped lately: the tie between the two at work goes to kenji.
    api.features.blocked.setHelpBalance(() => new Map([['priya', { given: 12, received: 1 }]]));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'src', 'cart.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(41, 0, 43, 0);
    const draftUri = await vscode.commands.executeCommand<vscode.Uri | undefined>('teamSupport.blocked.ask');
    assert.ok(draftUri);
    const text = (await vscode.workspace.openTextDocument(draftUri)).getText();
    assert.ok(text.includes('**Buddy:** @kenji — working now in Asia/Tokyo, 1 h 30 min left'), text);

    prompts.press('Post Anyway'); // the ask is still the template: the question comes first
    const result = await vscode.commands.executeCommand<PostResult | undefined>('teamSupport.blocked.post', draftUri, { keep: [] });
    assert.ok(result);
    const stored = (await sandbox().state()).discussions.find((d) => d.id === result.discussionId);
    assert.ok(stored);
    assert.ok(stored.body.includes('**Buddy:** @kenji — working now in Asia/Tokyo, 1 h 30 min left'), 'the post mentions the buddy');
    assert.ok(!stored.body.includes('Suggested buddy'), 'the hint above the line is not posted');
  });

  it('with balanced figures suggests whoever has more time left, and the user can change the buddy', async () => {
    api.features.blocked.setHelpBalance(() => new Map());
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'src', 'cart.ts'));
    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('teamSupport.blocked.ask', doc.uri, new vscode.Range(10, 0, 12, 0));
    assert.ok(second);
    const draft = await vscode.window.showTextDocument(second);
    const line = draft.document.getText().split('\n').findIndex((l) => l.startsWith('**Buddy:** @priya — working now in Asia/Kolkata, 5 h 30 min left'));
    assert.ok(line >= 0, draft.document.getText());
    await draft.edit((b) => b.replace(draft.document.lineAt(line).range, '**Buddy:** @lea'));
    prompts.press('Post Anyway');
    const changed = await vscode.commands.executeCommand<PostResult | undefined>('teamSupport.blocked.post', second, { keep: [] });
    assert.ok(changed);
    const body = (await sandbox().state()).discussions.find((d) => d.id === changed.discussionId)?.body ?? '';
    assert.ok(body.includes('**Buddy:** @lea') && !body.includes('@priya'), body);
  });

  it('shows one digest when mona’s day starts: blockers posted since her last working day, unanswered first, and the held notice', async () => {
    await at(WED_0830);
    await api.ctx.teamSnapshot.refresh();
    api.features.blocked.notices.check(true);
    const digests = shown.filter((n) => n.kind === 'digest');
    assert.equal(digests.length, 1, JSON.stringify(shown));
    assert.equal(digests[0]?.text, 'Since your last working day, 2 blockers were posted (1 unanswered): "Kenji: search index rebuild", "Sam: checkout rounding"');
    assert.deepEqual(
      shown.filter((n) => n.kind === 'firstReply').map((n) => n.text),
      ['@priya replied to your blocker "Mona: payment webhook retries".'],
    );
    // Focused again later the same morning: no second digest.
    await at(WED_0830 + 2 * 3_600_000);
    api.features.blocked.notices.check(true);
    await api.ctx.teamSnapshot.refresh();
    assert.equal(shown.filter((n) => n.kind === 'digest').length, 1);
  });
});
