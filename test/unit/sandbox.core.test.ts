import * as assert from 'node:assert/strict';
import teamSnapshotDocument from '../../src/snapshot/teamSnapshot.graphql';
import { teamSnapshotSchema } from '../../src/snapshot/snapshotSchema';
import type { RunningSandbox } from '../sandbox/server';
import { useDemoSandbox } from './support/demoSandbox';
import { gql } from '../sandbox/testing';

// The sandbox answers like GitHub: seeded data, the extension's main query, GitHub's rejections.

describe('sandbox: core', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  useDemoSandbox((running) => {
    sb = running;
  });

  it('answers a valid query with seeded data', async () => {
    const r = await gql(sb, 'query { viewer { login avatarUrl } repository(owner: "acme", name: "webshop") { nameWithOwner hasDiscussionsEnabled discussionCategories(first: 10) { nodes { name isAnswerable } } } }');
    assert.equal(r.status, 200);
    assert.equal(r.body.errors, undefined);
    const data = r.body.data as { viewer: { login: string; avatarUrl: string }; repository: { nameWithOwner: string; hasDiscussionsEnabled: boolean; discussionCategories: { nodes: { name: string; isAnswerable: boolean }[] } } };
    assert.equal(data.viewer.login, 'mona');
    assert.equal(data.viewer.avatarUrl, `${sb.url}/avatars/mona.png`);
    assert.equal(data.repository.nameWithOwner, 'acme/webshop');
    assert.deepEqual(data.repository.discussionCategories.nodes.map((c) => c.name), ['Blocked', 'General', 'Kudos', 'Ideas']);
    assert.equal(data.repository.discussionCategories.nodes[0]?.isAnswerable, true);
    const avatar = await fetch(data.viewer.avatarUrl);
    assert.equal(avatar.headers.get('content-type'), 'image/png');
    assert.deepEqual([...new Uint8Array(await avatar.arrayBuffer()).slice(1, 4)], [0x50, 0x4e, 0x47]);
  });

  it('executes src/snapshot/teamSnapshot.graphql against the demo seed and the result parses with teamSnapshotSchema', async () => {
    const cats = await gql(sb, 'query { repository(owner: "acme", name: "webshop") { discussionCategories(first: 10) { nodes { id name } } } }');
    const blocked = (cats.body.data as { repository: { discussionCategories: { nodes: { id: string; name: string }[] } } }).repository.discussionCategories.nodes.find((c) => c.name === 'Blocked');
    assert.ok(blocked);
    assert.match(blocked.id, /^DIC_kwDO/);
    const r = await gql(sb, teamSnapshotDocument, {
      owner: 'acme',
      name: 'webshop',
      categoryId: blocked.id,
      partnerPulls: 'repo:acme/webshop is:pr is:open author:sam',
      myPulls: 'repo:acme/webshop is:pr is:open author:mona',
      hasPartner: true,
      partner: 'sam',
      checker: 'lea',
      hasChecker: true,
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
    const snap = teamSnapshotSchema.parse(r.body.data);
    assert.equal(snap.viewer.login, 'mona');
    assert.equal(snap.repository?.blockers.totalCount, 4);
    const blockers = snap.repository?.blockers.nodes ?? [];
    // Newest first; every one open and unanswered.
    assert.deepEqual(blockers.map((b) => b?.number), [27, 26, 25, 24]);
    assert.ok(blockers.some((b) => b?.author?.login === 'mona'));
    const stale = blockers.find((b) => b?.number === 24);
    assert.equal(stale?.comments.totalCount, 0);
    assert.ok(Date.now() - Date.parse(stale?.createdAt ?? '') > 4 * 3_600_000);
    assert.match(blockers[0]?.id ?? '', /^D_kwDO/);
    assert.ok((snap.partnerPullRequests?.nodes ?? []).length >= 2);
    assert.ok(snap.partnerPullRequests?.nodes.every((p) => p.author?.login === 'sam'));
    assert.ok(snap.myPullRequests.nodes.length >= 1);
    assert.ok(snap.myPullRequests.nodes.every((p) => p.author?.login === 'mona'));
    assert.equal(snap.partner?.name, 'Sam Okafor');
    assert.equal(snap.rateLimit?.cost, 1);
  });

  it('rejects a misspelled field the way GitHub does', async () => {
    const r = await gql(sb, 'query Mine { viewer { logn } }');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      errors: [
        {
          path: ['query Mine', 'viewer', 'logn'],
          extensions: { code: 'undefinedField', typeName: 'User', fieldName: 'logn' },
          locations: [{ line: 1, column: 23 }],
          message: "Field 'logn' doesn't exist on type 'User'",
        },
      ],
    });
  });

  it('rejects a syntax error with a parse error and locations', async () => {
    const r = await gql(sb, 'query { viewer { login }');
    assert.equal(r.status, 200);
    assert.equal(r.body.data, undefined);
    assert.match(String(r.body.errors?.[0]?.message), /Parse error|Unexpected end of document/);
  });

  it('rejects a connection without first/last as GitHub does', async () => {
    const r = await gql(sb, 'query { repository(owner: "acme", name: "webshop") { discussions { totalCount } } }');
    assert.equal(r.body.errors?.[0]?.type, 'MISSING_PAGINATION_BOUNDARIES');
    const r2 = await gql(sb, 'query { repository(owner: "acme", name: "webshop") { discussions(first: 101) { totalCount } } }');
    assert.equal(r2.body.errors?.[0]?.type, 'EXCESSIVE_PAGINATION');
  });

  it('answers fields it does not implement with null / empty values instead of failing', async () => {
    const r = await gql(sb, 'query { viewer { login company status { message } repositories(first: 5) { totalCount nodes { id } } } }');
    assert.equal(r.status, 200);
    assert.equal(r.body.errors, undefined);
    assert.deepEqual(r.body.data, { viewer: { login: 'mona', company: null, status: null, repositories: { totalCount: 0, nodes: [] } } });
  });

  it('reports NOT_FOUND with a null field for a missing repository', async () => {
    const r = await gql(sb, 'query { repository(owner: "acme", name: "nope") { id } }');
    assert.deepEqual(r.body.data, { repository: null });
    assert.equal(r.body.errors?.[0]?.type, 'NOT_FOUND');
    assert.equal(r.body.errors?.[0]?.message, "Could not resolve to a Repository with the name 'acme/nope'.");
  });
});
