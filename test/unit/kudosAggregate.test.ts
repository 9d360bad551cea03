import { strict as assert } from 'node:assert';
import { aggregateKudos, concentrationOf, DAY_MS, median, windowFor } from '../../src/kudos/aggregate';
import { formatKudosBody, parseMarker } from '../../src/protocol/kudosMarker';
import type { DiscussionData, KudosData, PullRequestData } from '../../src/kudos/responseSchema';
import type { MemberBalance } from '../../src/protocol/kudosProtocol';

const NOW = Date.parse('2026-11-18T10:00:00Z');
const H = 3_600_000;
const members = ['mona', 'sam', 'priya', 'kenji', 'lea'];

let ids = 0;
function pr(number: number, author: string, createdAt: number, reviews: [string, number, string?][] = [], comments: [string, number, string][] = []): PullRequestData {
  return {
    id: `PR_${number}`,
    number,
    title: `PR ${number}`,
    createdAt,
    author,
    reviews: reviews.map(([who, at, state]) => ({ id: `R_${++ids}`, state: state ?? 'APPROVED', submittedAt: at, author: who })),
    comments: comments.map(([who, at, body]) => ({ id: `C_${++ids}`, body, createdAt: at, author: who, kudos: parseMarker(body) })),
  };
}
function discussion(number: number, author: string, createdAt: number, comments: [string, number][] = [], resolved?: { answer?: number; closed?: number }): DiscussionData {
  return {
    id: `D_${number}`,
    number,
    title: `Blocked ${number}`,
    createdAt,
    updatedAt: createdAt,
    closed: resolved?.closed !== undefined,
    closedAt: resolved?.closed,
    stateReason: resolved?.closed !== undefined ? 'RESOLVED' : undefined,
    answerChosenAt: resolved?.answer,
    category: 'Blocked',
    author,
    comments: comments.map(([who, at]) => ({ createdAt: at, author: who })),
  };
}
function run(data: Partial<KudosData>, over: { me?: string; windowDays?: 7 | 30 | 90; members?: string[] } = {}) {
  return aggregateKudos({
    data: { pullRequests: data.pullRequests ?? [], discussions: data.discussions ?? [] },
    me: over.me ?? 'mona',
    members: over.members ?? members,
    now: NOW,
    windowDays: over.windowDays ?? 7,
    repo: 'acme/webshop',
    blockedCategory: 'Blocked',
  });
}

describe('kudos aggregation', () => {
  it('keeps two repositories’ pull requests with the same number apart (reviews and kudos sent)', () => {
    const storefront = { ...pr(12, 'mona', NOW - 2 * H, [['sam', NOW - H]], [['mona', NOW - H / 2, formatKudosBody({ to: 'sam', from: 'mona', pr: 12 }, 'Thanks!')]]), id: 'PR_storefront_12', title: 'Storefront change' };
    const payments = { ...pr(12, 'mona', NOW - 3 * H, [['sam', NOW - 2 * H]]), id: 'PR_payments_12', title: 'Payments change' };
    const model = run({ pullRequests: [storefront, payments] });
    const fromSam = model.reviewsReceived.find((g) => g.reviewer === 'sam');
    assert.deepEqual(
      fromSam?.pullRequests.map((p) => [p.prTitle, p.kudosSent]),
      [
        ['Storefront change', true],
        ['Payments change', false],
      ],
    );
  });

  describe('median', () => {
    it('is null for none, the middle for odd counts, the mean of the middle two for even', () => {
      assert.equal(median([]), null);
      assert.equal(median([5]), 5);
      assert.equal(median([9, 1, 5]), 5);
      assert.equal(median([4, 1, 3, 2]), 2.5);
      assert.equal(median([10, 20]), 15);
    });
  });

  describe('window edges', () => {
    const w = windowFor(NOW, 7);
    const start = NOW - 7 * DAY_MS;
    it('includes both ends of the current window and excludes the future', () => {
      const m = run({ pullRequests: [pr(1, 'mona', start - DAY_MS, [['sam', start], ['priya', NOW], ['kenji', NOW + 1], ['lea', start - 1]])] });
      assert.deepEqual(m.reviewsReceived.map((g) => g.reviewer), ['priya', 'sam']);
      assert.equal(m.windowStart, w.start);
      assert.equal(m.windowEnd, NOW);
    });
    it('puts the start of the current window in the current window only, and the previous window’s start in it', () => {
      const prs = [
        pr(1, 'mona', start, [['sam', start + H]]),
        pr(2, 'mona', start - 1, [['sam', start + 3 * H]]),
        pr(3, 'mona', start - 7 * DAY_MS, [['sam', start - 7 * DAY_MS + 5 * H]]),
        pr(4, 'mona', start - 7 * DAY_MS - 1, [['sam', start - 7 * DAY_MS + 100 * H]]),
      ];
      const m = run({ pullRequests: prs });
      // Previous: PR 2 (3 h + 1 ms, created 1 ms before the start) and PR 3 (5 h, created at the previous start); PR 4 is outside.
      assert.deepEqual(m.health.prFirstReview, { current: H, previous: (3 * H + 1 + 5 * H) / 2, count: 1, previousCount: 2 });
    });
    it('handles an empty window', () => {
      const m = run({});
      assert.deepEqual(m.reviewsReceived, []);
      assert.deepEqual(m.kudosReceived, []);
      assert.equal(m.balance.totalReviews, 0);
      assert.deepEqual(m.balance.members.map((x) => x.login), members);
      assert.deepEqual(m.balance.concentration, []);
      assert.equal(m.health.prFirstReview.current, null);
      assert.equal(m.health.blockerFirstResponse.current, null);
    });
  });

  describe('reviews received', () => {
    it('groups by reviewer (A–Z), folds rounds on one PR, skips pending, self and others’ PRs', () => {
      const m = run({
        pullRequests: [
          pr(12, 'mona', NOW - 3 * DAY_MS, [['sam', NOW - 2 * DAY_MS, 'COMMENTED'], ['sam', NOW - DAY_MS, 'APPROVED'], ['mona', NOW - DAY_MS, 'COMMENTED'], ['lea', NOW - H, 'PENDING']]),
          pr(13, 'Mona', NOW - 3 * DAY_MS, [['kenji', NOW - 2 * H, 'CHANGES_REQUESTED']]),
          pr(14, 'sam', NOW - 3 * DAY_MS, [['priya', NOW - 2 * H]]),
        ],
      });
      assert.deepEqual(m.reviewsReceived.map((g) => [g.reviewer, g.reviewCount, g.pullRequests.map((p) => p.prNumber)]), [
        ['kenji', 1, [13]],
        ['sam', 2, [12]],
      ]);
      const sam = m.reviewsReceived[1]?.pullRequests[0];
      assert.deepEqual(sam?.states, ['COMMENTED', 'APPROVED']);
      assert.equal(sam?.submittedAt, NOW - DAY_MS, 'the latest review is the one a heart goes on');
    });

    it('marks reviews I already sent kudos for, counting only trusted markers', () => {
      const kudos = formatKudosBody({ to: 'sam', from: 'mona', pr: 12 }, 'Thanks!');
      const forged = formatKudosBody({ to: 'mona', from: 'sam', pr: 12 }, 'forged by kenji');
      const m = run({
        pullRequests: [
          pr(12, 'mona', NOW - 3 * DAY_MS, [['sam', NOW - DAY_MS]], [['mona', NOW - H, kudos], ['kenji', NOW - H, forged]]),
          pr(15, 'mona', NOW - 3 * DAY_MS, [['sam', NOW - DAY_MS]]),
        ],
      });
      const prs = m.reviewsReceived[0]?.pullRequests ?? [];
      assert.deepEqual(prs.map((p) => [p.prNumber, p.kudosSent]).sort(), [[12, true], [15, false]]);
      assert.equal(m.kudosGiven.length, 1);
      assert.equal(m.kudosGiven[0]?.message, 'Thanks!');
      assert.equal(m.kudosReceived.length, 0, 'a marker posted by someone else than its `from` does not count');
    });

    it('counts kudos received and given in the window only', () => {
      const m = run({
        pullRequests: [
          pr(20, 'sam', NOW - 20 * DAY_MS, [], [
            ['sam', NOW - DAY_MS, formatKudosBody({ to: 'mona', from: 'sam', pr: 20 }, 'great pairing')],
            ['priya', NOW - 8 * DAY_MS, formatKudosBody({ to: 'mona', from: 'priya', pr: 20 }, 'old')],
          ]),
        ],
      });
      assert.deepEqual(m.kudosReceived.map((k) => [k.from, k.message]), [['sam', 'great pairing']]);
      assert.equal(run({ pullRequests: [] }, { windowDays: 30 }).kudosReceived.length, 0);
    });
  });

  describe('reciprocity balance', () => {
    it('counts reviews and blocker replies given and received among members, in team order', () => {
      const m = run({
        pullRequests: [
          pr(1, 'mona', NOW - 2 * DAY_MS, [['sam', NOW - DAY_MS], ['priya', NOW - DAY_MS], ['outsider', NOW - DAY_MS]]),
          pr(2, 'sam', NOW - 2 * DAY_MS, [['mona', NOW - DAY_MS], ['sam', NOW - DAY_MS]]),
        ],
        discussions: [
          discussion(5, 'kenji', NOW - 2 * DAY_MS, [['lea', NOW - DAY_MS], ['kenji', NOW - DAY_MS], ['lea', NOW - H], ['mona', NOW - 9 * DAY_MS]]),
          { ...discussion(6, 'kenji', NOW - 2 * DAY_MS, [['sam', NOW - DAY_MS]]), category: 'General' },
        ],
      });
      const row = (login: string) => m.balance.members.find((x) => x.login === login);
      assert.deepEqual(m.balance.members.map((x) => x.login), members, 'config order, never by rank');
      assert.deepEqual(row('mona'), { login: 'mona', reviewsGiven: 1, reviewsReceived: 2, repliesGiven: 0, repliesReceived: 0 });
      assert.deepEqual(row('sam'), { login: 'sam', reviewsGiven: 1, reviewsReceived: 1, repliesGiven: 0, repliesReceived: 0 });
      assert.deepEqual(row('lea'), { login: 'lea', reviewsGiven: 0, reviewsReceived: 0, repliesGiven: 2, repliesReceived: 0 });
      assert.deepEqual(row('kenji'), { login: 'kenji', reviewsGiven: 0, reviewsReceived: 0, repliesGiven: 0, repliesReceived: 2 });
      assert.equal(m.balance.totalReviews, 3);
      assert.equal(m.balance.totalReplies, 2);
    });

    it('lists everyone seen A–Z when there is no team config', () => {
      const m = run({ pullRequests: [pr(1, 'zed', NOW - DAY_MS, [['amy', NOW - H]])] }, { members: [] });
      assert.deepEqual(m.balance.members.map((x) => x.login), ['amy', 'zed']);
    });

    it('highlights a share above 40% (with volume) and a given/received ratio above 3 (with volume)', () => {
      const b = (login: string, reviewsGiven: number, reviewsReceived: number): MemberBalance => ({ login, reviewsGiven, reviewsReceived, repliesGiven: 0, repliesReceived: 0 });
      // 4 of 10 = exactly 40%: not above.
      assert.deepEqual(concentrationOf([b('a', 4, 3), b('b', 3, 4), b('c', 3, 3)], 10, 0), []);
      assert.deepEqual(concentrationOf([b('a', 5, 3), b('b', 3, 4), b('c', 2, 3)], 10, 0).map((c) => [c.login, c.kind]), [['a', 'reviewShare']]);
      // Too little volume: 2 of 3 reviews is not a pattern.
      assert.deepEqual(concentrationOf([b('a', 2, 0), b('b', 1, 0)], 3, 0), []);
      // Ratio: 7 given vs 2 received = 3.5 > 3 with ≥ 6 given; 6 vs 2 = 3 is not above.
      const ratio = concentrationOf([b('a', 7, 2), b('b', 6, 2), b('c', 7, 7), b('d', 7, 7), b('e', 7, 16)], 34, 0);
      assert.deepEqual(ratio.map((c) => [c.login, c.kind, c.value]), [['a', 'reviewRatio', 3.5]]);
      // Receiving nothing counts as receiving one (no infinities).
      assert.deepEqual(concentrationOf([b('a', 6, 0), b('b', 6, 6), b('c', 6, 6)], 18, 0).map((c) => c.value), [6]);
    });
  });

  describe('team health', () => {
    it('takes medians of first response and resolution of #Blocked, and first review of PRs, vs the previous window', () => {
      const d0 = NOW - 3 * DAY_MS;
      const p0 = NOW - 10 * DAY_MS;
      const m = run({
        discussions: [
          discussion(1, 'mona', d0, [['mona', d0 + 10], ['sam', d0 + 2 * H]], { answer: d0 + 5 * H }),
          discussion(2, 'sam', d0, [['priya', d0 + 4 * H]], { closed: d0 + 7 * H }),
          discussion(3, 'kenji', d0, []),
          discussion(4, 'lea', p0, [['mona', p0 + H]], { answer: p0 + 2 * H }),
          { ...discussion(5, 'lea', d0, [['mona', d0 + 60 * 1000]]), category: 'General' },
          discussion(6, 'lea', d0, [['mona', NOW + H]], { closed: NOW + 2 * H }),
          { ...discussion(7, 'lea', d0, [], { closed: d0 + H }), stateReason: 'OUTDATED' },
        ],
        pullRequests: [pr(9, 'sam', d0, [['sam', d0 + 10], ['mona', d0 + 3 * H, 'COMMENTED'], ['lea', d0 + 4 * H]])],
      });
      assert.deepEqual(m.health.blockerFirstResponse, { current: 3 * H, previous: H, count: 2, previousCount: 1 });
      assert.deepEqual(m.health.blockerResolution, { current: 6 * H, previous: 2 * H, count: 2, previousCount: 1 });
      assert.deepEqual(m.health.prFirstReview, { current: 3 * H, previous: null, count: 1, previousCount: 0 });
    });
  });

  it('aggregates 1,000 PRs × 10 reviews consistently (its speed is the benchmark figure kudos_aggregate_ms)', () => {
    const pullRequests: PullRequestData[] = [];
    for (let i = 0; i < 1000; i++) {
      const author = members[i % 5] ?? 'mona';
      const reviews: [string, number, string?][] = [];
      for (let j = 0; j < 10; j++) reviews.push([members[(i + j + 1) % 5] ?? 'sam', NOW - ((i * 7 + j) % (14 * 24)) * H]);
      const comments: [string, number, string][] = [[author, NOW - H, formatKudosBody({ to: reviews[0]?.[0] ?? 'sam', from: author, pr: i + 1 }, 'thanks')]];
      pullRequests.push(pr(i + 1, author, NOW - 13 * DAY_MS, reviews, comments));
    }
    const discussions = Array.from({ length: 200 }, (_, i) => discussion(i + 1, members[i % 5] ?? 'mona', NOW - (i % 13) * DAY_MS, [[members[(i + 1) % 5] ?? 'sam', NOW - (i % 13) * DAY_MS + H]]));
    const m = run({ pullRequests, discussions });
    const given = m.balance.members.reduce((sum, b) => sum + b.reviewsGiven, 0);
    const received = m.balance.members.reduce((sum, b) => sum + b.reviewsReceived, 0);
    assert.ok(m.balance.totalReviews > 0 && m.balance.totalReviews < 10_000, 'the 7-day window keeps some of the 14 days of reviews');
    assert.equal(given, m.balance.totalReviews, 'every counted review has a giver');
    assert.equal(received, m.balance.totalReviews, 'every counted review has a receiver');
  });
});
