// The Kudos queries, aggregation and Send Kudos against the in-process GitHub sandbox (demo seed):
// the documents are accepted, the numbers match the seed, a kudos is one comment even when the
// connection drops after GitHub applied it.
import * as assert from 'node:assert/strict';
import { silentLogger } from '../../src/core/logger';
import * as githubClient from '../../src/github/githubClientModule';
import { OctokitGateway } from '../../src/github/octokitGateway';
import { aggregateKudos } from '../../src/kudos/aggregate';
import { fetchKudosData } from '../../src/kudos/kudosData';
import { parseMarker } from '../../src/protocol/kudosMarker';
import { KudosRefused, sendKudos } from '../../src/kudos/sendKudos';
import { SandboxClient } from '../sandbox/client';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { scannedGuard } from './support/guarded';

const NOW = Date.parse('2026-11-18T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const repo = { owner: 'acme', name: 'webshop' };
const members = ['mona', 'sam', 'priya', 'kenji', 'lea'];

describe('kudos against the sandbox', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  let clock = NOW;
  const gatewayFor = (login: string) =>
    new OctokitGateway({ client: githubClient, apiUrl: sb.url, webUrl: sb.url, token: `sandbox-token-${login}`, log: silentLogger, login, retryBaseMs: 1, timeoutMs: 5000 });

  before(async () => {
    sb = await startSandbox({ seed: 'demo', now: () => clock });
    client = new SandboxClient(sb.url);
  });
  after(async () => sb.close());
  beforeEach(async () => {
    clock = NOW;
    await client.reset('demo');
    await client.clearLog();
  });

  it('fetches a 7-day window in one request and aggregates the demo team', async () => {
    const data = await fetchKudosData({ gateway: gatewayFor('mona'), repo, since: NOW - 14 * DAY });
    const log = await client.requests();
    assert.deepEqual(log.map((r) => r.operationName), ['KudosWindow']);
    assert.equal(data.viewer, 'mona');
    const model = aggregateKudos({ data, me: 'mona', members, now: NOW, windowDays: 7, repo: 'acme/webshop', blockedCategory: 'Blocked' });

    // mona's PRs: #12 reviewed twice by sam (kudos already sent), #19 once by lea.
    assert.deepEqual(
      model.reviewsReceived.map((g) => [g.reviewer, g.reviewCount, g.pullRequests.map((p) => [p.prNumber, p.kudosSent])]),
      [
        ['lea', 1, [[19, false]]],
        ['sam', 2, [[12, true]]],
      ],
    );
    assert.deepEqual(model.kudosReceived.map((k) => [k.from, k.prNumber]), [['lea', 20]]);
    assert.deepEqual(model.kudosGiven.map((k) => [k.to, k.prNumber]), [['sam', 12]]);
    // Reviews in the window (#9's review is 9 days old): sam 2, kenji 2 (#14, #21), priya 1, lea 1, mona 1.
    const given = Object.fromEntries(model.balance.members.map((m) => [m.login, m.reviewsGiven]));
    assert.deepEqual(given, { mona: 1, sam: 2, priya: 1, kenji: 2, lea: 1 });
    assert.equal(model.balance.totalReviews, 7);
    // #Blocked replies by others: kenji on #25, lea on #26, sam on #10, priya on #22.
    const replies = Object.fromEntries(model.balance.members.map((m) => [m.login, [m.repliesGiven, m.repliesReceived]]));
    assert.deepEqual(replies, { mona: [0, 1], sam: [1, 1], priya: [1, 1], kenji: [1, 0], lea: [1, 1] });
    // First responses: #25 30 min, #26 35 min, #10 1 h, #22 1 h → median 47.5 min.
    assert.equal(model.health.blockerFirstResponse.current, (35 * 60_000 + HOUR) / 2);
    assert.equal(model.health.blockerFirstResponse.count, 4);
    // Resolutions: #10 answered after 2 h, #22 after 2 h; #6 (previous window) was closed as outdated: not resolved.
    assert.deepEqual(model.health.blockerResolution, { current: 2 * HOUR, previous: null, count: 2, previousCount: 0 });
  });

  it('walks every page for a large window: paginated pull requests, discussions back to the window start', async () => {
    await client.reset({ big: { discussions: 700, closed: 690, commentsPerOpen: 2, pullRequests: 180 } });
    await client.clearLog();
    const since = NOW - 180 * DAY;
    const data = await fetchKudosData({ gateway: gatewayFor('mona'), repo, since });
    const state = await client.state();
    const sinceDay = Date.parse(new Date(since).toISOString().slice(0, 10));
    const expectedPrs = state.pullRequests.filter((p) => Date.parse(p.updatedAt) >= sinceDay).map((p) => p.number).sort((a, b) => a - b);
    assert.equal(expectedPrs.length, 180);
    assert.deepEqual(data.pullRequests.map((p) => p.number).sort((a, b) => a - b), expectedPrs);
    const recent = state.discussions.filter((d) => Date.parse(d.updatedAt) >= since).map((d) => d.number);
    const fetched = new Set(data.discussions.map((d) => d.number));
    assert.ok(recent.length > 200, 'more than two pages of discussions in the window');
    assert.deepEqual(recent.filter((n) => !fetched.has(n)), [], 'every discussion updated in the window');
    assert.equal(data.truncated, false);
    // 1 combined request + 3 more search pages (180 / 50) + the discussion pages needed to reach back.
    const ops = (await client.requests()).map((r) => r.operationName);
    assert.equal(ops.filter((o) => o === 'KudosWindow').length, 1);
    assert.equal(ops.filter((o) => o === 'KudosPulls').length, 3);
    const discussionPages = ops.filter((o) => o === 'KudosDiscussions').length;
    assert.ok(discussionPages >= Math.ceil(recent.length / 100) - 1 && discussionPages <= Math.ceil(recent.length / 100), `${discussionPages} discussion pages for ${recent.length}`);
  });

  it('sends a kudos: one comment on the PR with the marker and a heart on the review', async () => {
    const gateway = gatewayFor('mona');
    const sent = await sendKudos({ gateway, repo, request: { prNumber: 19, reviewer: 'lea', message: 'Thanks for spotting the cursor leak!', heart: true }, guard: scannedGuard });
    assert.equal(sent?.hearted, true);
    const state = await client.state();
    const pr19 = state.pullRequests.find((p) => p.number === 19);
    const comments = state.issueComments.filter((c) => c.subjectId === pr19?.id && c.author === 'mona' && parseMarker(c.body));
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.body, '@lea Thanks for spotting the cursor leak!\n\n<!-- team-support:kudos {"to":"lea","from":"mona","pr":19} -->');
    const review = state.reviews.find((r) => r.pullRequestId === pr19?.id && r.author === 'lea');
    assert.deepEqual(state.reactions.filter((r) => r.subjectId === review?.id).map((r) => [r.content, r.user]), [['HEART', 'mona']]);
  });

  it('does not post twice when the connection drops after GitHub applied the comment', async () => {
    await client.injectFault({ kind: 'dropAfterMutation', match: { field: 'addComment' }, count: 1 });
    const sent = await sendKudos({ gateway: gatewayFor('mona'), repo, request: { prNumber: 19, reviewer: 'lea', message: 'Thank you!', heart: false }, guard: scannedGuard });
    assert.ok(sent?.commentId);
    const state = await client.state();
    const pr19 = state.pullRequests.find((p) => p.number === 19);
    assert.equal(state.issueComments.filter((c) => c.subjectId === pr19?.id && c.body.includes('team-support:kudos')).length, 1);
  });

  it('refuses kudos to yourself, to someone who did not review, and an empty message', async () => {
    const gateway = gatewayFor('mona');
    await assert.rejects(sendKudos({ gateway, repo, request: { prNumber: 12, reviewer: 'mona', message: 'me!', heart: false }, guard: scannedGuard }), (e: unknown) => e instanceof KudosRefused && /yourself/.test(e.message));
    await assert.rejects(sendKudos({ gateway, repo, request: { prNumber: 12, reviewer: 'kenji', message: 'hi', heart: false }, guard: scannedGuard }), (e: unknown) => e instanceof KudosRefused && /not reviewed/.test(e.message));
    await assert.rejects(sendKudos({ gateway, repo, request: { prNumber: 12, reviewer: 'sam', message: '  ', heart: false }, guard: scannedGuard }), KudosRefused);
    await assert.rejects(sendKudos({ gateway, repo, request: { prNumber: 999, reviewer: 'sam', message: 'x', heart: false }, guard: scannedGuard }), /999/);
    const state = await client.state();
    assert.equal(state.issueComments.filter((c) => c.author === 'mona' && c.createdAt >= new Date(NOW).toISOString()).length, 0);
  });
});
