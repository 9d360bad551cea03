// Issue 7: the Kudos panel in the real VS Code against the sandbox (demo seed). Expected numbers are
// computed here, independently, from the sandbox's state; the webview's render ack proves the page
// received and showed the model the host sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedEvent } from '../../src/kudos/kudosWebviews';
import type { KudosViewModel } from '../../src/protocol/kudosProtocol';
import type { SeedData } from '../sandbox/client';
import { sandbox, scriptPrompts, signIn, waitFor, waitUntil } from './support';
import type { TeamSupportApi } from '../../src/extension';
import { type CompactClock, compactClockFor } from '../../src/team/compactClock';

const DAY = 86_400_000;

function teamClock(api: TeamSupportApi): CompactClock {
  const state = api.ctx.team.state;
  assert.ok(state.kind === 'ok', 'the team config');
  assert.ok(state.config.workingHours, 'the fixture team has working hours');
  return compactClockFor(state.config);
}
const MEMBERS = ['mona', 'sam', 'priya', 'kenji', 'lea'];

interface Expected {
  reviewers: Record<string, number>;
  kudosReceived: number;
  kudosGiven: number;
  reviewsGiven: Record<string, number>;
  totalReviews: number;
  repliesGiven: Record<string, number>;
  firstResponseMedian: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The panel's numbers for `me`, straight from the sandbox's records (window [now − days, now]). */
function expectedFrom(state: SeedData, me: string, now: number, days: number, clock: CompactClock): Expected {
  const inWindow = (iso: string | null): boolean => iso !== null && Date.parse(iso) >= now - days * DAY && Date.parse(iso) <= now;
  const prById = new Map(state.pullRequests.map((p) => [p.id, p]));
  const reviews = state.reviews.filter((r) => r.state !== 'PENDING' && inWindow(r.submittedAt) && prById.get(r.pullRequestId)?.author !== r.author);
  const reviewers: Record<string, number> = {};
  for (const r of reviews) if (prById.get(r.pullRequestId)?.author === me) reviewers[r.author] = (reviewers[r.author] ?? 0) + 1;
  const reviewsGiven = Object.fromEntries(MEMBERS.map((m) => [m, reviews.filter((r) => r.author === m).length]));

  let kudosReceived = 0;
  let kudosGiven = 0;
  for (const c of state.issueComments) {
    const pr = prById.get(c.subjectId);
    const m = /<!-- team-support:kudos (\{[^}]*\}) -->/.exec(c.body);
    if (!pr || !m?.[1] || !inWindow(c.createdAt)) continue;
    const marker = JSON.parse(m[1]) as { to: string; from?: string; pr: number };
    if (marker.pr !== pr.number || (marker.from ?? c.author) !== c.author) continue;
    if (marker.to === me) kudosReceived++;
    if (c.author === me) kudosGiven++;
  }

  const blocked = state.categories.find((c) => c.name === 'Blocked');
  const discussions = state.discussions.filter((d) => d.categoryId === blocked?.id);
  const topComments = state.discussionComments.filter((c) => c.replyToId === null);
  const repliesGiven = Object.fromEntries(MEMBERS.map((m) => [m, 0]));
  const firstResponses: number[] = [];
  for (const d of discussions) {
    const others = topComments.filter((c) => c.discussionId === d.id && c.author !== d.author);
    for (const c of others) if (inWindow(c.createdAt) && c.author in repliesGiven) repliesGiven[c.author] = (repliesGiven[c.author] ?? 0) + 1;
    const first = others.map((c) => Date.parse(c.createdAt)).filter((t) => t <= now).sort((a, b) => a - b)[0];
    // The team compact's clock: the fixture's team has working hours, so working time (issue 16).
    if (inWindow(d.createdAt) && first !== undefined) firstResponses.push(clock.elapsed(Date.parse(d.createdAt), first, d.author));
  }
  return {
    reviewers,
    kudosReceived,
    kudosGiven,
    reviewsGiven,
    totalReviews: Object.values(reviewsGiven).reduce((a, b) => a + b, 0),
    repliesGiven,
    firstResponseMedian: median(firstResponses),
  };
}

function assertModelMatches(model: KudosViewModel, expected: Expected): void {
  assert.deepEqual(Object.fromEntries(model.reviewsReceived.map((g) => [g.reviewer, g.reviewCount])), expected.reviewers);
  assert.equal(model.kudosReceived.length, expected.kudosReceived);
  assert.equal(model.kudosGiven.length, expected.kudosGiven);
  assert.deepEqual(model.balance.members.map((m) => m.login), MEMBERS, 'team config order');
  assert.deepEqual(Object.fromEntries(model.balance.members.map((m) => [m.login, m.reviewsGiven])), expected.reviewsGiven);
  assert.deepEqual(Object.fromEntries(model.balance.members.map((m) => [m.login, m.repliesGiven])), expected.repliesGiven);
  assert.equal(model.balance.totalReviews, expected.totalReviews);
  assert.equal(model.health.blockerFirstResponse.current, expected.firstResponseMedian);
}

function summaryMatches(e: RenderedEvent, expected: Expected, windowDays: number): boolean {
  const s = e.summary;
  return (
    s.windowDays === windowDays &&
    s.reviewers === Object.keys(expected.reviewers).length &&
    s.reviewsReceived === Object.values(expected.reviewers).reduce((a, b) => a + b, 0) &&
    s.kudosReceived === expected.kudosReceived &&
    s.kudosGiven === expected.kudosGiven &&
    s.totalReviews === expected.totalReviews &&
    s.members === MEMBERS.length
  );
}

/** Resolves once `surface`'s latest render ack shows `expected` (already, or after a later render). */
function renderedMatching(api: TeamSupportApi, surface: 'view' | 'panel', expected: Expected, windowDays: number, what: string): Promise<void> {
  const kudos = api.features.kudos;
  const matches = (): boolean => {
    const summary = kudos.lastRendered.get(surface);
    return summary !== undefined && summaryMatches({ surface, summary }, expected, windowDays);
  };
  return waitUntil(kudos.onDidRender, matches, 30_000, what);
}

describe('kudos', function () {
  this.timeout(60_000);
  let api: TeamSupportApi;

  before(async () => {
    await sandbox().reset('demo');
    api = await signIn('mona');
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the workspace repository');
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the team config');
  });

  after(async () => {
    api.ctx.clock.use(undefined);
    api.features.kudos.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the seed’s numbers in the panel and the sidebar view, and both webviews render them', async () => {
    const now = Date.now();
    api.ctx.clock.use({ now: () => now });
    const expected = expectedFrom(await sandbox().state(), 'mona', now, 7, teamClock(api));
    assert.ok(Object.keys(expected.reviewers).length > 0, 'the demo seed has reviews on mona’s PRs');

    // Waiters first: a webview that is already open acks as soon as the refreshed model reaches it.
    const panelRendered = renderedMatching(api, 'panel', expected, 7, 'the panel’s render ack');
    const viewRendered = renderedMatching(api, 'view', expected, 7, 'the sidebar view’s render ack');
    await api.features.kudos.setWindow(7);
    const model = await api.features.kudos.refresh();
    assert.ok(model, 'the host built a model');
    assertModelMatches(model, expected);
    await vscode.commands.executeCommand('teamSupport.kudos.openPanel');
    await panelRendered;
    await vscode.commands.executeCommand('teamSupport.kudos.focus');
    await viewRendered;
  });

  it('switches to a 30-day window and the webview renders the new numbers', async () => {
    const now = Date.now();
    api.ctx.clock.use({ now: () => now });
    const expected = expectedFrom(await sandbox().state(), 'mona', now, 30, teamClock(api));
    const rendered = waitFor(api.features.kudos.onDidRender, (e) => e.surface === 'panel' && summaryMatches(e, expected, 30), 30_000, 'the 30-day render ack');
    // (Nothing rendered 30 days before: the window switch below is what makes this ack.)
    if (!api.features.kudos.panel) await vscode.commands.executeCommand('teamSupport.kudos.openPanel');
    const model = await api.features.kudos.setWindow(30);
    assert.ok(model);
    assertModelMatches(model, expected);
    await rendered;
    await api.features.kudos.setWindow(7);
  });

  it('Send Kudos stores one comment on the right pull request and the panel updates', async () => {
    api.ctx.clock.use(undefined); // the new comment is stamped with the sandbox's time
    const before = await sandbox().state();
    const pr19 = before.pullRequests.find((p) => p.number === 19);
    assert.ok(pr19);
    const countOn19 = (s: SeedData) => s.issueComments.filter((c) => c.subjectId === pr19.id && c.author === 'mona' && c.body.includes('team-support:kudos')).length;
    assert.equal(countOn19(before), 0);
    if (!api.features.kudos.panel) await vscode.commands.executeCommand('teamSupport.kudos.openPanel');
    const givenBefore = api.features.kudos.model?.kudosGiven.length ?? 0;
    const rendered = waitFor(api.features.kudos.onDidRender, (e) => e.surface === 'panel' && e.summary.kudosGiven === givenBefore + 1, 30_000, 'the panel after sending');

    const prompts = scriptPrompts(api).type();
    let sent: unknown;
    try {
      sent = await vscode.commands.executeCommand('teamSupport.kudos.send', { prNumber: 19, reviewer: 'lea', message: 'Thanks for catching the cursor leak <b>early</b>!', heart: true });
    } finally {
      api.prompts.use(undefined);
    }
    assert.equal(prompts.last('input')?.value, 'Thanks for catching the cursor leak <b>early</b>!', 'the message was shown to send, edit or cancel');
    assert.ok(sent, 'the command reports the sent kudos');

    const after = await sandbox().state();
    assert.equal(countOn19(after), 1, 'exactly one kudos comment on #19');
    const comment = after.issueComments.find((c) => c.subjectId === pr19.id && c.body.includes('team-support:kudos'));
    assert.equal(comment?.body, '@lea Thanks for catching the cursor leak <b>early</b>!\n\n<!-- team-support:kudos {"to":"lea","from":"mona","pr":19} -->');
    const leaReview = after.reviews.find((r) => r.pullRequestId === pr19.id && r.author === 'lea');
    assert.ok(after.reactions.some((r) => r.subjectId === leaReview?.id && r.content === 'HEART' && r.user === 'mona'), 'a heart on lea’s review');
    assert.equal(after.issueComments.length, before.issueComments.length + 1, 'nothing else was posted');

    const model = api.features.kudos.model;
    assert.ok(model?.kudosGiven.some((k) => k.prNumber === 19 && k.to === 'lea'));
    assert.equal(model?.reviewsReceived.find((g) => g.reviewer === 'lea')?.pullRequests.find((p) => p.prNumber === 19)?.kudosSent, true);
    await rendered;
  });

  it('refuses kudos to yourself without posting anything', async () => {
    const before = (await sandbox().state()).issueComments.length;
    const sent = await vscode.commands.executeCommand('teamSupport.kudos.send', { prNumber: 20, reviewer: 'mona', message: 'Me!', heart: false });
    assert.equal(sent, undefined);
    assert.equal((await sandbox().state()).issueComments.length, before);
  });

  it('drafts the stand-up note as plain text titled like a note: thanks, help I gave (a pick-up), open blockers, in the team time zone', async () => {
    api.ctx.clock.use(undefined);
    // Mona picks up sam's #24 first: help she gave.
    const samsBlocker = (await sandbox().state()).discussions.find((d) => d.number === 24);
    assert.ok(samsBlocker);
    assert.ok(await vscode.commands.executeCommand<string | undefined>('teamSupport.blocked.pickUp', samsBlocker.id));
    const note = await vscode.commands.executeCommand<string | undefined>('teamSupport.kudos.draftStandup');
    assert.ok(note);
    const today = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Berlin' }).format(Date.now());
    const lines = note.split('\n');
    assert.equal(lines[0], `Stand-up note, ${today}`);
    assert.match(lines[1] ?? '', /^Since \w{3} \d{1,2} \w{3}, \d\d:\d\d \(Europe\/Berlin\)$/, 'the team time zone, not UTC');
    assert.match(note, /Kudos to @lea for reviewing #19 .* \(http[^)]*\/pull\/19\)/, 'lea reviewed #19 22 h ago');
    assert.match(note, /Kudos to @lea for helping on my blocker #26 /, 'lea replied on #26 40 min ago');
    assert.match(note, /Help I gave\n(- .*\n)*- Picked up @sam's blocker #24 /);
    assert.match(note, /Open blockers\n- #26 /);
    assert.doesNotMatch(note, /\\[()[\]*#_.!-]/, 'no Markdown escapes in the prose');
    assert.doesNotMatch(note, /^#/m, 'no Markdown headings');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.languageId, 'plaintext');
    assert.equal(editor?.document.isUntitled, true);
    assert.equal(editor?.document.getText(), note);
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, `Stand-up note, ${today}`, 'the tab is titled like a note');
    assert.equal(await vscode.env.clipboard.readText(), note);
  });
});
