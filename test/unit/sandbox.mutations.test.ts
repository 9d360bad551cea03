import * as assert from 'node:assert/strict';
import { type SandboxClient } from '../sandbox/client';
import type { RunningSandbox } from '../sandbox/server';
import { useDemoSandbox } from './support/demoSandbox';
import { gql } from '../sandbox/testing';

// Mutations change state the way GitHub does; search qualifiers and node lookups find it.

type Data = Record<string, unknown>;
const data = <T>(r: { body: { data?: Data | null; errors?: unknown } }): T => {
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return r.body.data as T;
};

const OPEN_BLOCKERS = `query($c: ID!) { repository(owner: "acme", name: "webshop") { discussions(first: 50, categoryId: $c, states: [OPEN], answered: false, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount nodes { id number title } } } }`;

describe('sandbox: mutations, search and nodes', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  let repoId: string;
  let blockedId: string;
  useDemoSandbox((running, c) => {
    sb = running;
    client = c;
  });
  beforeEach(async () => {
    const s = await client.state();
    repoId = s.repositories[0]?.id ?? '';
    blockedId = s.categories.find((c) => c.name === 'Blocked')?.id ?? '';
  });

  it('createDiscussion → comment → reply → answer → close, visible in the blockers query', async () => {
    const created = data<{ createDiscussion: { clientMutationId: string; discussion: { id: string; number: number; url: string; author: { login: string }; category: { name: string } } } }>(
      await gql(sb, 'mutation Ask($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: "New blocker", body: "### What I\'m trying to do\\nx", clientMutationId: "m1" }) { clientMutationId discussion { id number url author { login } category { name } } } }', { r: repoId, c: blockedId }),
    );
    const d = created.createDiscussion.discussion;
    assert.equal(created.createDiscussion.clientMutationId, 'm1');
    assert.match(d.id, /^D_kwDO/);
    assert.equal(d.author.login, 'mona');
    assert.equal(d.category.name, 'Blocked');
    assert.equal(d.url, `${sb.url}/acme/webshop/discussions/${d.number}`);
    const before = data<{ repository: { discussions: { totalCount: number; nodes: { id: string }[] } } }>(await gql(sb, OPEN_BLOCKERS, { c: blockedId }));
    assert.equal(before.repository.discussions.totalCount, 5);
    assert.equal(before.repository.discussions.nodes[0]?.id, d.id);

    const c = data<{ addDiscussionComment: { comment: { id: string; author: { login: string } } } }>(
      await gql(sb, 'mutation($d: ID!) { addDiscussionComment(input: { discussionId: $d, body: "Try X" }) { comment { id author { login } } } }', { d: d.id }, 'sandbox-token-sam'),
    );
    assert.equal(c.addDiscussionComment.comment.author.login, 'sam');
    const reply = data<{ addDiscussionComment: { comment: { replyTo: { id: string } } } }>(
      await gql(sb, 'mutation($d: ID!, $p: ID!) { addDiscussionComment(input: { discussionId: $d, body: "Thanks!", replyToId: $p }) { comment { replyTo { id } } } }', { d: d.id, p: c.addDiscussionComment.comment.id }),
    );
    assert.equal(reply.addDiscussionComment.comment.replyTo.id, c.addDiscussionComment.comment.id);
    const thread = data<{ node: { comments: { totalCount: number; nodes: { replies: { totalCount: number } }[] } } }>(
      await gql(sb, 'query($id: ID!) { node(id: $id) { ... on Discussion { comments(first: 10) { totalCount nodes { replies(first: 10) { totalCount } } } } } }', { id: d.id }),
    );
    assert.equal(thread.node.comments.totalCount, 1);
    assert.equal(thread.node.comments.nodes[0]?.replies.totalCount, 1);

    const answered = data<{ markDiscussionCommentAsAnswer: { discussion: { isAnswered: boolean; answer: { id: string }; answerChosenBy: { login: string } } } }>(
      await gql(sb, 'mutation($id: ID!) { markDiscussionCommentAsAnswer(input: { id: $id }) { discussion { isAnswered answer { id } answerChosenBy { login } } } }', { id: c.addDiscussionComment.comment.id }),
    );
    assert.equal(answered.markDiscussionCommentAsAnswer.discussion.isAnswered, true);
    assert.equal(answered.markDiscussionCommentAsAnswer.discussion.answerChosenBy.login, 'mona');
    const after = data<{ repository: { discussions: { totalCount: number } } }>(await gql(sb, OPEN_BLOCKERS, { c: blockedId }));
    assert.equal(after.repository.discussions.totalCount, 4);

    const closed = data<{ closeDiscussion: { discussion: { closed: boolean; stateReason: string; closedAt: string } } }>(
      await gql(sb, 'mutation($d: ID!) { closeDiscussion(input: { discussionId: $d, reason: OUTDATED }) { discussion { closed stateReason closedAt } } }', { d: d.id }),
    );
    assert.equal(closed.closeDiscussion.discussion.closed, true);
    assert.equal(closed.closeDiscussion.discussion.stateReason, 'OUTDATED');
    const s = await client.state();
    assert.equal(s.discussions.find((x) => x.id === d.id)?.closed, true);
  });

  it('rejects blank titles and unknown ids like GitHub', async () => {
    const r = await gql(sb, 'mutation($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: " ", body: "b" }) { discussion { id } } }', { r: repoId, c: blockedId });
    assert.deepEqual(r.body.data, { createDiscussion: null });
    assert.equal(r.body.errors?.[0]?.type, 'UNPROCESSABLE');
    const r2 = await gql(sb, 'mutation { addDiscussionComment(input: { discussionId: "D_nope", body: "b" }) { comment { id } } }');
    assert.equal(r2.body.errors?.[0]?.type, 'NOT_FOUND');
    assert.equal(r2.body.errors?.[0]?.message, "Could not resolve to a node with the global id of 'D_nope'");
  });

  it('requestReviews replaces (or with union adds) requests and refuses the author; addComment and addReaction', async () => {
    const s = await client.state();
    const pr14 = s.pullRequests.find((p) => p.number === 14);
    const lea = s.users.find((u) => u.login === 'lea');
    const sam = s.users.find((u) => u.login === 'sam');
    const q = 'mutation($p: ID!, $u: [ID!], $union: Boolean) { requestReviews(input: { pullRequestId: $p, userIds: $u, union: $union }) { pullRequest { reviewRequests(first: 10) { nodes { requestedReviewer { ... on User { login } } } } } } }';
    type R = { requestReviews: { pullRequest: { reviewRequests: { nodes: { requestedReviewer: { login: string } }[] } } } };
    const union = data<R>(await gql(sb, q, { p: pr14?.id, u: [lea?.id], union: true }));
    assert.deepEqual(union.requestReviews.pullRequest.reviewRequests.nodes.map((n) => n.requestedReviewer.login), ['mona', 'priya', 'lea']);
    const replaced = data<R>(await gql(sb, q, { p: pr14?.id, u: [lea?.id] }));
    assert.deepEqual(replaced.requestReviews.pullRequest.reviewRequests.nodes.map((n) => n.requestedReviewer.login), ['lea']);
    const bad = await gql(sb, q, { p: pr14?.id, u: [sam?.id] });
    assert.match(String(bad.body.errors?.[0]?.message), /author/);

    const comment = data<{ addComment: { commentEdge: { node: { id: string; body: string; url: string } } } }>(
      await gql(sb, 'mutation($p: ID!, $b: String!) { addComment(input: { subjectId: $p, body: $b }) { commentEdge { node { id body url } } } }', { p: pr14?.id, b: 'Thanks @sam! <!-- team-support:kudos {"to":"sam","pr":14} -->' }),
    );
    assert.match(comment.addComment.commentEdge.node.url, /\/acme\/webshop\/pull\/14#issuecomment-\d+$/);
    const reaction = data<{ addReaction: { reaction: { content: string; user: { login: string } } } }>(
      await gql(sb, 'mutation($s: ID!) { addReaction(input: { subjectId: $s, content: HEART }) { reaction { content user { login } } } }', { s: comment.addComment.commentEdge.node.id }),
    );
    assert.equal(reaction.addReaction.reaction.content, 'HEART');
    const again = data<{ node: { reactions: { totalCount: number; viewerHasReacted: boolean } } }>(
      await gql(sb, 'query($id: ID!) { node(id: $id) { ... on IssueComment { reactions(first: 5) { totalCount viewerHasReacted } } } }', { id: comment.addComment.commentEdge.node.id }),
    );
    assert.deepEqual(again.node.reactions, { totalCount: 1, viewerHasReacted: true });
  });

  it('search supports the qualifiers the sidebar and kudos queries use', async () => {
    const numbers = async (query: string): Promise<number[]> =>
      data<{ search: { issueCount: number; nodes: { number: number }[] } }>(
        await gql(sb, 'query($q: String!) { search(type: ISSUE, query: $q, first: 50) { issueCount nodes { ... on PullRequest { number } } } }', { q: query }),
      ).search.nodes.map((n) => n.number).sort((a, b) => a - b);
    assert.deepEqual(await numbers('repo:acme/webshop is:pr is:open review-requested:mona'), [14, 15]);
    assert.deepEqual(await numbers('repo:acme/webshop is:pr reviewed-by:sam'), [12]);
    assert.deepEqual(await numbers('repo:acme/webshop is:pr is:merged'), [5, 7, 12, 18, 21]);
    assert.deepEqual(await numbers('repo:acme/webshop is:pr is:closed author:kenji'), [7, 9]);
    assert.deepEqual(await numbers('repo:acme/webshop is:pr involves:lea is:open'), [19, 20, 23]);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const recent = await numbers(`repo:acme/webshop is:pr created:>=${twoDaysAgo}`);
    assert.ok(recent.includes(15) && !recent.includes(21) && !recent.includes(9));
    const updated = await numbers(`repo:acme/webshop is:pr updated:>=${new Date(Date.now() - 7 * 86_400_000).toISOString()}`);
    assert.ok(updated.includes(21) && !updated.includes(9));
    assert.deepEqual(await numbers('repo:acme/other is:pr'), []);
  });

  it('node and nodes resolve ids of every kind; a missing id is null with NOT_FOUND', async () => {
    const s = await client.state();
    const ids = [s.users[1]?.id, s.discussions[0]?.id, s.pullRequests[0]?.id, s.discussionComments[0]?.id];
    const r = await gql(sb, 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: [...ids, 'D_kwDOmissing'] });
    const nodes = (r.body.data as { nodes: ({ __typename: string; id: string } | null)[] }).nodes;
    assert.deepEqual(nodes.slice(0, 4).map((n) => n?.__typename), ['User', 'Discussion', 'PullRequest', 'DiscussionComment']);
    assert.equal(nodes[4], null);
    assert.equal(r.body.errors?.[0]?.type, 'NOT_FOUND');
    assert.match(s.users[1]?.id ?? '', /^U_kgDO/);
    assert.match(s.pullRequests[0]?.id ?? '', /^PR_kwDO/);
    assert.match(s.discussionComments[0]?.id ?? '', /^DC_kwDO/);
  });

  it('graphqlAs acts as a teammate without touching the log', async () => {
    await client.clearLog();
    const r = await client.graphqlAs<{ viewer: { login: string } }>('priya', 'query { viewer { login } }');
    assert.equal(r.data?.viewer.login, 'priya');
    assert.deepEqual(await client.requests(), []);
  });
});
