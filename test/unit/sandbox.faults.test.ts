import * as assert from 'node:assert/strict';
import { type SandboxClient } from '../sandbox/client';
import type { RunningSandbox } from '../sandbox/server';
import { useDemoSandbox } from './support/demoSandbox';
import { gql, rest } from '../sandbox/testing';

// Every fault kind can be injected and a client sees GitHub's status, headers and body.

const VIEWER = 'query Viewer { viewer { login } }';

describe('sandbox: faults and rate limits', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  useDemoSandbox((running, c) => {
    sb = running;
    client = c;
  });

  it('sends GitHub rate-limit headers and a request id on every response', async () => {
    const r = await gql(sb, VIEWER);
    assert.equal(r.headers.get('x-ratelimit-limit'), '5000');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '4999');
    assert.equal(r.headers.get('x-ratelimit-used'), '1');
    assert.equal(r.headers.get('x-ratelimit-resource'), 'graphql');
    assert.ok(Number(r.headers.get('x-ratelimit-reset')) > Date.now() / 1000);
    assert.match(r.headers.get('x-github-request-id') ?? '', /^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]+:[0-9A-F]+:[0-9A-F]+$/);
    const u = await rest(sb, '/user');
    assert.equal(u.status, 200);
    assert.equal(u.body.login, 'mona');
    assert.equal(u.headers.get('x-oauth-scopes'), 'repo, read:org, read:discussion, write:discussion');
    assert.equal(u.headers.get('x-ratelimit-resource'), 'core');
    const repo = await rest(sb, '/repos/acme/webshop');
    assert.equal(repo.body.full_name, 'acme/webshop');
    assert.equal(repo.body.has_discussions, true);
    const limits = await rest(sb, '/rate_limit');
    assert.equal((limits.body.resources as { graphql: { used: number } }).graphql.used, 1);
  });

  it('latency delays the response', async () => {
    await client.injectFault({ kind: 'latency', ms: 250, count: 1 });
    const t = performance.now();
    const r = await gql(sb, VIEWER);
    assert.equal(r.status, 200);
    assert.ok(performance.now() - t >= 240);
  });

  it('serverError answers 5xx for `count` requests, then recovers', async () => {
    await client.injectFault({ kind: 'serverError', status: 502, count: 1 });
    const r = await gql(sb, VIEWER);
    assert.equal(r.status, 502);
    assert.match(String(r.body.errors?.[0]?.message), /Something went wrong while executing your query/);
    assert.equal((await gql(sb, VIEWER)).status, 200);
  });

  it('primaryRateLimit: RATE_LIMITED with remaining 0 and a future reset (or 403 with GitHub\'s body)', async () => {
    await client.injectFault({ kind: 'primaryRateLimit', count: 1 });
    const r = await gql(sb, VIEWER);
    assert.equal(r.status, 200);
    assert.equal(r.body.errors?.[0]?.type, 'RATE_LIMITED');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(Number(r.headers.get('x-ratelimit-reset')) > Date.now() / 1000 + 60);
    await client.injectFault({ kind: 'primaryRateLimit', status: 403, resetInSeconds: 120, count: 1 });
    const r2 = await gql(sb, VIEWER);
    assert.equal(r2.status, 403);
    assert.match(String(r2.body.message), /^API rate limit exceeded for user ID \d+\./);
    assert.equal(r2.headers.get('x-ratelimit-remaining'), '0');
  });

  it('secondaryRateLimit: 403 with retry-after', async () => {
    await client.injectFault({ kind: 'secondaryRateLimit', retryAfterSeconds: 30, count: 1 });
    const r = await gql(sb, VIEWER);
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('retry-after'), '30');
    assert.match(String(r.body.message), /secondary rate limit/);
  });

  it('badCredentials (and a real bad token): 401 Bad credentials', async () => {
    await client.injectFault({ kind: 'badCredentials', count: 1 });
    const r = await gql(sb, VIEWER);
    assert.equal(r.status, 401);
    assert.equal(r.body.message, 'Bad credentials');
    assert.equal(typeof r.body.documentation_url, 'string');
    const r2 = await gql(sb, VIEWER, {}, 'ghp_not_a_token');
    assert.equal(r2.status, 401);
    assert.equal(r2.body.message, 'Bad credentials');
  });

  it('missingScope: INSUFFICIENT_SCOPES for GraphQL, 403 + x-accepted-oauth-scopes for REST', async () => {
    await client.injectFault({ kind: 'missingScope', scope: 'write:discussion', match: { field: 'createDiscussion' } });
    const ok = await gql(sb, VIEWER);
    assert.equal(ok.body.errors, undefined);
    const r = await gql(sb, 'mutation Ask { createDiscussion(input: { repositoryId: "x", categoryId: "y", title: "t", body: "b" }) { discussion { id } } }');
    assert.equal(r.status, 200);
    assert.equal(r.body.errors?.[0]?.type, 'INSUFFICIENT_SCOPES');
    assert.match(String(r.body.errors?.[0]?.message), /'createDiscussion' field requires one of the following scopes: \['write:discussion'\]/);
    assert.doesNotMatch(r.headers.get('x-oauth-scopes') ?? '', /write:discussion/);
    await client.clearFaults();
    await client.injectFault({ kind: 'missingScope', scope: 'repo', match: { api: 'rest' }, count: 1 });
    const u = await rest(sb, '/repos/acme/webshop');
    assert.equal(u.status, 403);
    assert.equal(u.headers.get('x-accepted-oauth-scopes'), 'repo');
  });

  it('ssoRequired: REST 403 with x-github-sso', async () => {
    await client.injectFault({ kind: 'ssoRequired', count: 1 });
    const r = await rest(sb, '/repos/acme/webshop');
    assert.equal(r.status, 403);
    assert.match(r.headers.get('x-github-sso') ?? '', /^required; url=http:\/\/127\.0\.0\.1:\d+\/orgs\/acme\/sso\?authorization_request=/);
    assert.match(String(r.body.message), /SAML enforcement/);
  });

  it('ssoRequired: GraphQL answers 200 with the org\'s team and repositories refused (saml_failure), the rest readable', async () => {
    await client.injectFault({ kind: 'ssoRequired', org: 'globex', count: 1 });
    const elsewhere = await gql(sb, 'query { viewer { login } repository(owner: "acme", name: "webshop") { name } }');
    assert.equal(elsewhere.body.errors, undefined, 'nothing of globex read: answered, and the fault not used up');
    assert.equal(elsewhere.headers.get('x-github-sso'), null);
    const r = await gql(sb, 'query { viewer { login } organization(login: "globex") { login team(slug: "shop") { slug } } repository(owner: "globex", name: "payments") { name } }');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('x-github-sso') ?? '', /^required; url=http:\/\/127\.0\.0\.1:\d+\/orgs\/globex\/sso\?authorization_request=/);
    assert.deepEqual(r.body.data, { viewer: { login: 'mona' }, organization: { login: 'globex', team: null }, repository: null });
    assert.deepEqual(
      r.body.errors?.map((e) => [e.type, e.path, (e as { extensions?: unknown }).extensions]),
      [
        ['FORBIDDEN', ['organization', 'team'], { saml_failure: true }],
        ['FORBIDDEN', ['repository'], { saml_failure: true }],
      ],
    );
    assert.match(String(r.body.errors?.[0]?.message), /^Resource protected by organization SAML enforcement/);
    const after = await gql(sb, 'query { organization(login: "globex") { team(slug: "shop") { slug } } }');
    assert.equal(after.body.errors, undefined, 'count: 1 used up by the refused request');
  });

  it('Discussions disabled: flag false, no discussions, createDiscussion fails', async () => {
    await client.setDiscussionsEnabled('acme/webshop', false);
    const r = await gql(sb, 'query { repository(owner: "acme", name: "webshop") { id hasDiscussionsEnabled discussions(first: 5) { totalCount } discussionCategories(first: 5) { totalCount } } }');
    const repo = (r.body.data as { repository: { id: string; hasDiscussionsEnabled: boolean; discussions: { totalCount: number }; discussionCategories: { totalCount: number } } }).repository;
    assert.equal(repo.hasDiscussionsEnabled, false);
    assert.equal(repo.discussions.totalCount, 0);
    assert.equal(repo.discussionCategories.totalCount, 0);
    const cat = (await client.state()).categories[0]?.id ?? '';
    const m = await gql(sb, 'mutation($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: "t", body: "b" }) { discussion { id } } }', { r: repo.id, c: cat });
    assert.equal(m.body.errors?.[0]?.type, 'UNPROCESSABLE');
  });

  it('dropAfterMutation: the mutation is stored, the connection closes without a response', async () => {
    const state = await client.state();
    const repo = state.repositories[0];
    const cat = state.categories.find((c) => c.name === 'Blocked');
    await client.injectFault({ kind: 'dropAfterMutation', match: { field: 'createDiscussion' }, count: 1 });
    await assert.rejects(gql(sb, 'mutation Ask($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: "Dropped but stored", body: "b" }) { discussion { id } } }', { r: repo?.id, c: cat?.id }));
    const after = await client.state();
    assert.equal(after.discussions.filter((d) => d.title === 'Dropped but stored').length, 1);
    const log = await client.requests();
    const entry = log.find((e) => e.operationName === 'Ask');
    assert.equal(entry?.status, null);
    assert.equal(entry?.fault, 'dropAfterMutation');
    assert.deepEqual(entry?.applied, ['createDiscussion']);
  });

  it('dropConnection fails the request before anything happens', async () => {
    await client.injectFault({ kind: 'dropConnection', count: 1 });
    await assert.rejects(gql(sb, VIEWER));
    assert.equal((await gql(sb, VIEWER)).status, 200);
  });

  it('faults only hit the matching operation, for `count` requests', async () => {
    await client.injectFault({ kind: 'serverError', status: 503, match: { operationName: 'Other' }, count: 2 });
    assert.equal((await gql(sb, VIEWER)).status, 200);
    assert.equal((await gql(sb, 'query Other { viewer { id } }')).status, 503);
    assert.equal((await gql(sb, 'query Other { viewer { id } }')).status, 503);
    assert.equal((await gql(sb, 'query Other { viewer { id } }')).status, 200);
    assert.deepEqual(await client.faults(), []);
  });

  it('spends a settable points budget and answers RATE_LIMITED when it runs out', async () => {
    await client.setRateLimit({ login: 'mona', limit: 100, remaining: 1 });
    const r = await gql(sb, VIEWER);
    assert.equal(r.body.errors, undefined);
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    const r2 = await gql(sb, VIEWER);
    assert.equal(r2.status, 200);
    assert.equal(r2.body.errors?.[0]?.type, 'RATE_LIMITED');
    assert.equal(r2.headers.get('x-ratelimit-remaining'), '0');
    // Another user has their own budget.
    assert.equal((await gql(sb, VIEWER, {}, 'sandbox-token-sam')).body.errors, undefined);
  });

  it('records every request with operation, document, variables, cost, status, time and duration', async () => {
    await gql(sb, 'query Named($login: String!) { user(login: $login) { login } }', { login: 'sam' });
    const waited = await client.waitForRequest({ operationName: 'Named' });
    const [e] = await client.requests();
    assert.deepEqual(waited, e);
    assert.equal(e?.operationName, 'Named');
    assert.equal(e?.operation, 'query');
    assert.match(e?.document ?? '', /user\(login: \$login\)/);
    assert.deepEqual(e?.variables, { login: 'sam' });
    assert.equal(e?.cost, 1);
    assert.equal(e?.status, 200);
    assert.equal(e?.login, 'mona');
    assert.ok(Date.parse(e?.time ?? '') > 0);
    assert.ok((e?.durationMs ?? -1) >= 0);
  });
});
