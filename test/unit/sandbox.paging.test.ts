import * as assert from 'node:assert/strict';
import { Octokit } from '../../src/github/octokitClient';
import teamSnapshotDocument from '../../src/snapshot/teamSnapshot.graphql';
import { SandboxClient } from '../sandbox/client';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { gql } from '../sandbox/testing';

// Cursor pagination walks a connection exactly once; cost follows GitHub's documented formula.

interface Page {
  repository: {
    discussions: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null };
      nodes: { number: number; createdAt: string }[];
    };
  };
}

const PAGE = `query Page($cursor: String, $categoryId: ID) {
  repository(owner: "acme", name: "webshop") {
    discussions(first: 100, after: $cursor, categoryId: $categoryId, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
      nodes { number createdAt }
    }
  }
}`;

describe('sandbox: pagination and cost', function () {
  this.timeout(30_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  before(async () => {
    sb = await startSandbox({ seed: { big: { discussions: 250, closed: 100, commentsPerOpen: 0, pullRequests: 0 } } });
    client = new SandboxClient(sb.url);
  });
  after(async () => sb.close());

  it('walks a 250-item connection exactly once, in order, with correct pageInfo', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    const pages: Page['repository']['discussions'][] = [];
    for (;;) {
      const r = await gql(sb, PAGE, { cursor });
      assert.equal(r.body.errors, undefined);
      const d = (r.body.data as unknown as Page).repository.discussions;
      pages.push(d);
      seen.push(...d.nodes.map((n) => n.number));
      if (!d.pageInfo.hasNextPage) break;
      cursor = d.pageInfo.endCursor;
    }
    assert.deepEqual(pages.map((p) => p.nodes.length), [100, 100, 50]);
    assert.deepEqual(pages.map((p) => p.pageInfo.hasPreviousPage), [false, true, true]);
    assert.ok(pages.every((p) => p.totalCount === 250));
    assert.equal(pages[2]?.pageInfo.hasNextPage, false);
    assert.deepEqual(seen, Array.from({ length: 250 }, (_, i) => i + 1));
    const created = pages.flatMap((p) => p.nodes.map((n) => n.createdAt));
    assert.deepEqual([...created].sort(), created);
    assert.match(pages[0]?.pageInfo.endCursor ?? '', /^Y3Vyc29yOnYyO/);
  });

  it('walks backwards with last/before too', async () => {
    const q = `query($before: String) { repository(owner: "acme", name: "webshop") { discussions(last: 100, before: $before, orderBy: { field: CREATED_AT, direction: ASC }) { pageInfo { hasPreviousPage startCursor } nodes { number } } } }`;
    const seen: number[] = [];
    let before: string | null = null;
    for (;;) {
      const r = await gql(sb, q, { before });
      const d = (r.body.data as unknown as { repository: { discussions: { pageInfo: { hasPreviousPage: boolean; startCursor: string }; nodes: { number: number }[] } } }).repository.discussions;
      seen.unshift(...d.nodes.map((n) => n.number));
      if (!d.pageInfo.hasPreviousPage) break;
      before = d.pageInfo.startCursor;
    }
    assert.deepEqual(seen, Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it("works with octokit's GraphQL client and its paginate plugin", async () => {
    const octokit = new Octokit({ auth: 'sandbox-token-mona', baseUrl: sb.url, throttle: { enabled: false } });
    const viewer = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    assert.equal(viewer.viewer.login, 'mona');
    const all = await octokit.graphql.paginate<Page>(PAGE);
    assert.equal(all.repository.discussions.nodes.length, 250);
    assert.equal(new Set(all.repository.discussions.nodes.map((n) => n.number)).size, 250);
  });

  it("computes the sidebar query's cost with GitHub's formula", async () => {
    await client.reset('demo');
    await client.clearLog();
    const state = await client.state();
    const vars = {
      owner: 'acme', name: 'webshop', categoryId: state.categories[0]?.id, partnerPulls: 'repo:acme/webshop is:pr is:open author:sam',
      myPulls: 'repo:acme/webshop is:pr is:open author:mona', hasPartner: true, partner: 'sam', checker: 'lea', hasChecker: true,
    };
    // By hand: discussions(first:50) 1 request; comments(last:10) under 50 discussions → 50 (a bigger
    // `last`, read for pick-ups, costs nodes, not requests: still 1 point);
    // each search(first:20) 1, its reviewRequests(first:10) and reviews(last:20) 20 each → 41 per search.
    const requests = 1 + 50 + 2 * (1 + 20 + 20);
    const nodeCount = 50 + 50 * 10 + 2 * (20 + 20 * 10 + 20 * 20);
    const r = await gql(sb, teamSnapshotDocument, vars);
    assert.equal(r.body.errors, undefined);
    const expected = Math.max(1, Math.round(requests / 100));
    assert.equal(expected, 1);
    assert.equal((r.body.data as { rateLimit: { cost: number } }).rateLimit.cost, expected);
    const [entry] = await client.requests();
    assert.equal(entry?.cost, expected);
    assert.equal(entry?.nodeCount, nodeCount);
    // Without a partner the @include(if: false) search costs nothing.
    await gql(sb, teamSnapshotDocument, { ...vars, hasPartner: false });
    const log = await client.requests();
    assert.equal(log[1]?.nodeCount, nodeCount - (20 + 20 * 10 + 20 * 20));
  });

  it("matches GitHub's documented example (5,101 requests → 51 points) and charges it", async () => {
    await client.reset('demo');
    await client.clearLog();
    const doc = `query Doc { viewer { login repositories(first: 100) { edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } rateLimit { cost used remaining limit nodeCount } }`;
    const r = await gql(sb, doc);
    const rl = (r.body.data as { rateLimit: { cost: number; used: number; remaining: number; limit: number; nodeCount: number } }).rateLimit;
    assert.equal(rl.cost, 51);
    assert.equal(rl.used, 51);
    assert.equal(rl.remaining, 5000 - 51);
    assert.equal(rl.limit, 5000);
    assert.equal(rl.nodeCount, 100 + 100 * 50 + 100 * 50 * 60);
    assert.equal(r.headers.get('x-ratelimit-used'), '51');
    const [entry] = await client.requests();
    assert.equal(entry?.cost, 51);
  });
});
