// Issue 6: the cross-check rotation and the Today view, in a real VS Code against the sandbox.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { TodayNode } from '../../src/crosscheck/todayTree';
import type { TeamSupportApi } from '../../src/extension';
import { type TeamConfig, teamConfigSchema } from '../../src/team/configSchema';
import { crossCheckPartners } from '../../src/team/rotation';
import { DAY, HOUR, SeedBuilder } from '../sandbox/seeds/builder';
import { demoSeed } from '../sandbox/seeds/demo';
import { getApi, sandbox, signIn, waitUntil, workspaceRoot } from './support';

const NOW = Date.parse('2026-11-18T10:00:00Z'); // Wednesday; the weekly cycle runs Mon 16 – Sun 22 Nov (Berlin)

async function workspaceConfig(): Promise<TeamConfig> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), '.github', 'team-support.yml'));
  return teamConfigSchema.parse(parse(Buffer.from(bytes).toString('utf8')));
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Root rows and their children, as the tree shows them. */
function treeOf(api: TeamSupportApi): { node: TodayNode; item: vscode.TreeItem; children: { node: TodayNode; item: vscode.TreeItem }[] }[] {
  const view = api.features.crossCheck.today;
  return view.getChildren().map((node) => ({
    node,
    item: view.getTreeItem(node),
    children: view.getChildren(node).map((child) => ({ node: child, item: view.getTreeItem(child) })),
  }));
}

describe('cross-check: Today view', function () {
  this.timeout(60_000);
  let api: TeamSupportApi;
  let partner: string;
  let checker: string;
  const added: Record<'requested' | 'reviewed' | 'changed' | 'notReviewed', number> = { requested: 0, reviewed: 0, changed: 0, notReviewed: 0 };

  before(async () => {
    api = await getApi();
    api.ctx.clock.use({ now: () => NOW });
    const config = await workspaceConfig();
    // The expected pairs, from the rotation itself and pinned by hand (a change to the rotation shows here).
    const expected = crossCheckPartners(config, NOW, 'mona');
    assert.deepEqual(expected, { partner: 'kenji', checker: 'priya' });
    partner = expected.partner;
    checker = expected.checker;

    // The demo seed, plus one open pull request by the partner in each review state for mona.
    const data = demoSeed(Date.now());
    const b = new SeedBuilder(data);
    const repo = data.repositories.find((r) => r.owner === 'acme' && r.name === 'webshop');
    assert.ok(repo);
    const at = (ago: number) => new Date(Date.now() - ago).toISOString();
    const pr = (title: string, commits: number) => b.pullRequest(repo, { title, body: 'Cross-check test.', author: partner, createdAt: at(2 * DAY), headRefName: `${partner}/${title.replace(/\W+/g, '-')}`, commits });
    const requested = pr('Requested from mona', 1);
    b.requestReview(repo, requested, 'mona', at(DAY));
    const reviewed = pr('Reviewed by mona', 2);
    b.review(repo, reviewed, { author: 'mona', state: 'APPROVED', body: 'LGTM', submittedAt: at(HOUR) });
    const changed = pr('Changed since mona reviewed', 3);
    b.review(repo, changed, { author: 'mona', state: 'CHANGES_REQUESTED', body: 'One thing.', submittedAt: at(DAY), commitOid: changed.commits[0]?.oid });
    const untouched = pr('Nobody looked yet', 1);
    Object.assign(added, { requested: requested.number, reviewed: reviewed.number, changed: changed.number, notReviewed: untouched.number });
    await sandbox().reset(data);

    await signIn('mona');
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the team config');
    await api.ctx.teamSnapshot.refresh();
    await waitUntil(
      api.features.crossCheck.today.onDidRender,
      () => api.ctx.teamSnapshot.partnerLogin === partner && api.features.crossCheck.today.model?.rows.some((r) => r.kind === 'partner' && r.pullRequests !== undefined) === true,
      15_000,
      'the Today view with the partner’s pull requests',
    );
  });

  after(() => {
    api.ctx.clock.use(undefined);
  });

  it('names the partner and the checker the rotation gives for the fixed date, with until when and the next cycle', async () => {
    const config = await workspaceConfig();
    const tree = treeOf(api);
    const labels = tree.map((r) => labelOf(r.item));
    assert.equal(labels[0], `You cross-check @${partner}`);
    assert.equal(labels[1], `@${checker} cross-checks you`);
    assert.match(String(tree[0]?.item.description), /^until /);
    assert.match(String(tree[0]?.item.description), /22/); // Sunday 22 November, the cycle's last day
    const next = crossCheckPartners(config, NOW + 7 * DAY, 'mona').partner;
    assert.ok(labels.includes(`Next: you cross-check @${next}`), labels.join(' | '));
    // The sidebar's ONE request fetched this partner's pull requests (no query of the view's own).
    assert.equal(api.ctx.teamSnapshot.partnerLogin, partner);
    assert.equal(api.ctx.teamSnapshot.checkerLogin, checker);
    assert.equal(api.ctx.teamSnapshot.snapshot?.partner?.login, partner);
    // Avatars: the sandbox serves them over http, which the workbench only shows as downloaded data: URIs.
    const view = api.features.crossCheck.today;
    const icon = () => treeOf(api)[0]?.item.iconPath;
    await waitUntil(view.onDidChangeTreeData, () => icon() instanceof vscode.Uri, 10_000, 'the partner avatar');
    assert.equal((icon() as vscode.Uri).scheme, 'data');
    assert.match((icon() as vscode.Uri).toString(true), /^data:image\/(png|svg\+xml);base64,/);
  });

  it('lists the partner’s open pull requests with mona’s review state', async () => {
    const state = await sandbox().state();
    const webshop = state.repositories.find((r) => r.owner === 'acme' && r.name === 'webshop');
    const open = state.pullRequests.filter((p) => p.repositoryId === webshop?.id && p.author === partner && p.state === 'OPEN').map((p) => p.number).sort((a, b) => a - b);
    const partnerRow = treeOf(api)[0];
    assert.ok(partnerRow);
    const shown = new Map(partnerRow.children.map((c) => [Number(/^#(\d+)/.exec(labelOf(c.item))?.[1]), String(c.item.description)]));
    assert.deepEqual([...shown.keys()].sort((a, b) => a - b), open);
    assert.equal(shown.get(added.requested), 'review requested');
    assert.equal(shown.get(added.reviewed), 'reviewed by you');
    assert.equal(shown.get(added.changed), 'changed since your review');
    assert.equal(shown.get(added.notReviewed), 'not reviewed yet');
    for (const c of partnerRow.children) assert.equal(c.item.contextValue, 'partnerPullRequest');
  });

  it('Request My Cross-check leaves a review request for the checker in the sandbox, and the view shows it', async () => {
    const mine = treeOf(api).find((r) => r.node.type === 'row' && r.node.row.kind === 'mine');
    assert.ok(mine);
    const before = await sandbox().state();
    const target = mine.children.find((c) => c.node.type === 'myPr' && !before.reviewRequests.some((q) => q.pullRequestId === (c.node.type === 'myPr' ? c.node.item.pr.id : '') && q.reviewer === checker));
    assert.ok(target && target.node.type === 'myPr', 'mona has an open pull request without a request for her checker');
    const prId = target.node.item.pr.id;
    assert.equal(target.item.description, `@${checker} not requested yet`);

    const ok = await vscode.commands.executeCommand<boolean>('teamSupport.crossCheck.requestMine', target.node);
    assert.equal(ok, true);

    const after = await sandbox().state();
    assert.ok(after.reviewRequests.some((q) => q.pullRequestId === prId && q.reviewer === checker), `no review request for @${checker}`);
    // Nobody else was asked (the checker, not the partner; earlier requests kept: union).
    const others = (s: typeof after) => s.reviewRequests.filter((q) => q.pullRequestId === prId && q.reviewer !== checker).map((q) => q.reviewer).sort();
    assert.deepEqual(others(after), others(before));
    // The view reflects GitHub's state after the refresh the command awaited.
    const row = treeOf(api).find((r) => r.node.type === 'row' && r.node.row.kind === 'mine');
    const now = row?.children.find((c) => c.node.type === 'myPr' && c.node.item.pr.id === prId);
    assert.equal(now?.item.description, `@${checker} requested`);
  });

  it('Request My Cross-check on a pull request already requested says so and sends nothing (also from a stale row, or asked elsewhere)', async () => {
    const sb = sandbox();
    const mine = () => treeOf(api).find((r) => r.node.type === 'row' && r.node.row.kind === 'mine')?.children ?? [];
    const requested = mine().find((c) => c.node.type === 'myPr' && c.item.description === `@${checker} requested`);
    assert.ok(requested && requested.node.type === 'myPr', 'the pull request requested in the previous test');
    // A row rendered before the request (what a user clicks in a view that has not refreshed yet).
    const stale = { ...requested.node, item: { ...requested.node.item, pr: { ...requested.node.item.pr, reviewRequests: { nodes: [] } } } };
    await sb.clearLog();
    assert.equal(await vscode.commands.executeCommand<boolean>('teamSupport.crossCheck.requestMine', requested.node), false);
    assert.equal(await vscode.commands.executeCommand<boolean>('teamSupport.crossCheck.requestMine', stale), false);
    assert.deepEqual((await sb.requests()).filter((r) => r.rootFields.includes('requestReviews')), [], 'no second request reached GitHub');

    // Asked from another window: the snapshot here does not know yet; GitHub does.
    const state = await sb.state();
    const b = new SeedBuilder(state);
    const repo = state.repositories.find((r) => r.owner === 'acme' && r.name === 'webshop');
    assert.ok(repo);
    b.pullRequest(repo, { title: 'Asked from the laptop', body: 'Cross-check test.', author: 'mona', createdAt: new Date(Date.now() - HOUR).toISOString(), headRefName: 'mona/laptop', commits: 1 });
    await sb.reset(state);
    await api.ctx.teamSnapshot.refresh();
    const other = mine().find((c) => c.node.type === 'myPr' && c.item.description === `@${checker} not requested yet`);
    assert.ok(other && other.node.type === 'myPr', 'another of mona’s pull requests without a request');
    const checkerId = state.users.find((u) => u.login === checker)?.id;
    const asked = await sb.graphqlAs('mona', 'mutation($p: ID!, $u: [ID!]!) { requestReviews(input: { pullRequestId: $p, userIds: $u, union: true }) { clientMutationId } }', { p: other.node.item.pr.id, u: [checkerId] });
    assert.equal(asked.errors, undefined);
    await sb.clearLog();
    assert.equal(await vscode.commands.executeCommand<boolean>('teamSupport.crossCheck.requestMine', other.node), false);
    assert.deepEqual((await sb.requests()).filter((r) => r.rootFields.includes('requestReviews')), [], 'GitHub already had it: not sent again');
  });

  it('turns to the next cycle at midnight in the team time zone without a reload', async () => {
    const config = await workspaceConfig();
    // A running clock two seconds before Monday 23 Nov 00:00 Berlin: the view's own timer must fire.
    const boundary = Date.parse('2026-11-22T23:00:00Z');
    const started = Date.now();
    api.ctx.clock.use({ now: () => boundary - 2_000 + (Date.now() - started) });
    const expected = crossCheckPartners(config, boundary, 'mona');
    assert.notEqual(expected.partner, partner);
    const view = api.features.crossCheck.today;
    view.render(); // re-arm the timer for the new clock (a clock swap is a test-only event)
    assert.equal(view.model?.partner, partner);
    await waitUntil(view.onDidRender, () => view.model?.partner === expected.partner, 10_000, 'the next cycle');
    assert.equal(labelOf(treeOf(api)[0]?.item ?? new vscode.TreeItem('')), `You cross-check @${expected.partner}`);
    // …and the sidebar fetched the new partner's pull requests with its one request.
    await waitUntil(api.ctx.teamSnapshot.onDidChange, () => api.ctx.teamSnapshot.partnerLogin === expected.partner, 15_000, 'the sidebar refresh for the new partner');
    api.ctx.clock.use({ now: () => NOW });
    view.render();
  });
});

describe('cross-check: Today view and the team config', function () {
  this.timeout(60_000);
  let api: TeamSupportApi;
  let original: Uint8Array;
  const file = () => vscode.Uri.joinPath(workspaceRoot(), '.github', 'team-support.yml');

  async function writeConfig(text: string | undefined, kind: 'ok' | 'invalid' | 'missing'): Promise<void> {
    if (text === undefined) await vscode.workspace.fs.delete(file());
    else await vscode.workspace.fs.writeFile(file(), Buffer.from(text, 'utf8'));
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === kind, 15_000, `team config ${kind}`);
  }

  before(async () => {
    api = await getApi();
    api.ctx.clock.use({ now: () => NOW });
    original = await vscode.workspace.fs.readFile(file());
    await signIn('mona');
  });

  after(async () => {
    await vscode.workspace.fs.writeFile(file(), original);
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the team config restored');
    api.ctx.clock.use(undefined);
  });

  it('with one member present says there is no partner this cycle, and who is away', async () => {
    const text = Buffer.from(original).toString('utf8').replace(
      'absences: []',
      'absences:\n  - { login: sam, from: 2026-11-16, to: 2026-11-22 }\n  - { login: priya, from: 2026-11-18, to: 2026-11-18 }\n  - { login: kenji, from: 2026-11-01, to: 2026-11-30 }\n  - { login: lea, from: 2026-11-17, to: 2026-11-19 }',
    );
    await writeConfig(text, 'ok');
    const view = api.features.crossCheck.today;
    await waitUntil(view.onDidRender, () => view.model?.rows[0]?.kind === 'alone', 10_000, 'the alone row');
    const labels = treeOf(api).map((r) => labelOf(r.item));
    assert.equal(labels[0], "No cross-check partner this cycle: you're the only one here.");
    assert.ok(labels.includes('Away today: @sam, @priya, @kenji, @lea'), labels.join(' | '));
    assert.ok(!labels.some((l) => l.startsWith('You cross-check')));
    // The sidebar stops fetching a partner's pull requests.
    await waitUntil(api.ctx.teamSnapshot.onDidChange, () => api.ctx.teamSnapshot.partnerLogin === undefined, 15_000, 'the sidebar without a partner');
  });

  it('with an invalid config shows what is wrong and the invalid-config welcome', async () => {
    await writeConfig('members: []\ntimeZone: Mars/Olympus\n', 'invalid');
    const view = api.features.crossCheck.today;
    await waitUntil(view.onDidRender, () => view.view.message !== undefined, 10_000, 'the problems message');
    assert.match(view.view.message ?? '', /no members/);
    assert.match(view.view.message ?? '', /time zone/);
    assert.deepEqual(view.getChildren(), []);
    assert.equal(api.ctx.contextKeys.get('teamSupport.teamConfigInvalid'), true);
  });

  it('without a team config shows the Create Team Config welcome (an empty tree)', async () => {
    await writeConfig(undefined, 'missing');
    const view = api.features.crossCheck.today;
    await waitUntil(view.onDidRender, () => view.view.message === undefined, 10_000, 'no message');
    assert.deepEqual(view.getChildren(), []);
    assert.equal(api.ctx.contextKeys.get('teamSupport.hasTeamConfig'), false);
  });
});
