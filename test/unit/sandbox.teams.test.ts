import * as assert from 'node:assert/strict';
import type { RunningSandbox } from '../sandbox/server';
import { useDemoSandbox } from './support/demoSandbox';
import { TOKEN_WITHOUT_READ_ORG } from '../sandbox/seeds/demoOrganization';
import { gql } from '../sandbox/testing';

// Organizations and teams as GitHub's schema has them, and searches across several repositories.

const TEAM_QUERY = 'query($org: String!, $slug: String!) { organization(login: $org) { team(slug: $slug) { combinedSlug viewerCanAdminister members(first: 100) { totalCount nodes { login } } } } }';

describe('sandbox: organizations and teams', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  useDemoSandbox((running) => {
    sb = running;
  });

  it('resolves organization.team(slug).members and viewerCanAdminister', async () => {
    const r = await gql(sb, TEAM_QUERY, { org: 'globex', slug: 'shop' });
    assert.equal(r.body.errors, undefined);
    const team = (r.body.data as { organization: { team: { combinedSlug: string; viewerCanAdminister: boolean; members: { totalCount: number; nodes: { login: string }[] } } } }).organization.team;
    assert.equal(team.combinedSlug, 'globex/shop');
    assert.equal(team.viewerCanAdminister, false); // mona is a member; sam maintains it
    assert.deepEqual(team.members.nodes.map((m) => m.login), ['mona', 'sam', 'priya', 'kenji']);
    assert.equal(team.members.totalCount, 4);
  });

  it('answers null for a team that does not exist (as GitHub does)', async () => {
    const r = await gql(sb, TEAM_QUERY, { org: 'globex', slug: 'renamed' });
    assert.equal(r.body.errors, undefined);
    assert.deepEqual(r.body.data, { organization: { team: null } });
  });

  it('refuses the team field to a token without read:org with INSUFFICIENT_SCOPES', async () => {
    const r = await gql(sb, TEAM_QUERY, { org: 'globex', slug: 'shop' }, TOKEN_WITHOUT_READ_ORG);
    const errors = r.body.errors as { type: string; message: string }[];
    assert.equal(errors[0]?.type, 'INSUFFICIENT_SCOPES');
    assert.match(errors[0]?.message ?? '', /'team' field requires one of the following scopes: \['read:org'/);
  });

  it('ORs several repo: qualifiers and org: in a search', async () => {
    const search = async (q: string): Promise<string[]> => {
      const r = await gql(sb, 'query($q: String!) { search(query: $q, type: ISSUE, first: 50) { nodes { ... on PullRequest { number repository { nameWithOwner } } } } }', { q });
      assert.equal(r.body.errors, undefined);
      return (r.body.data as { search: { nodes: { number: number; repository: { nameWithOwner: string } }[] } }).search.nodes.map((n) => `${n.repository.nameWithOwner}#${n.number}`).sort();
    };
    const both = await search('repo:globex/storefront repo:globex/payments is:pr is:open author:mona');
    assert.deepEqual(both, ['globex/payments#2', 'globex/storefront#4']);
    assert.deepEqual(await search('org:globex is:pr is:open author:mona'), both);
    assert.deepEqual(await search('repo:globex/payments is:pr is:open author:mona'), ['globex/payments#2']);
  });
});
