import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { silentLogger } from '../../src/core/logger';
import { GitHubError, isGitHubError } from '../../src/github/errors';
import * as githubClient from '../../src/github/githubClientModule';
import { OctokitGateway, type OctokitGatewayOptions } from '../../src/github/octokitGateway';
import { type SandboxClient } from '../sandbox/client';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { useDemoSandbox } from './support/demoSandbox';
import { plainGuarded } from './support/guarded';

// The gateway against the sandbox in-process: real HTTP, real octokit plugins, injected faults.

const viewerDoc = 'query Viewer { viewer { login } }';
const viewerSchema = z.object({ viewer: z.object({ login: z.string() }) });
const idsDoc = `query Ids($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { id discussionCategories(first: 10) { nodes { id name } } }
}`;
const idsSchema = z.object({
  repository: z.object({ id: z.string(), discussionCategories: z.object({ nodes: z.array(z.object({ id: z.string(), name: z.string() })) }) }),
});
const createDoc = `mutation CreateDiscussion($repositoryId: ID!, $categoryId: ID!, $title: String!, $body: String!) {
  createDiscussion(input: { repositoryId: $repositoryId, categoryId: $categoryId, title: $title, body: $body }) { discussion { id number title } }
}`;
const createSchema = z.object({ createDiscussion: z.object({ discussion: z.object({ id: z.string(), number: z.number(), title: z.string() }) }) });
const findDoc = `query FindDiscussion($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { discussions(first: 20, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id number title } } }
}`;
const findSchema = z.object({
  repository: z.object({ discussions: z.object({ nodes: z.array(z.object({ id: z.string(), number: z.number(), title: z.string() })) }) }),
});
const pagedDoc = `query Paged($owner: String!, $name: String!, $cursor: String) {
  repository(owner: $owner, name: $name) { discussions(first: 2, after: $cursor) { nodes { number } pageInfo { hasNextPage endCursor } } }
}`;
const pagedSchema = z.object({ repository: z.object({ discussions: z.object({ nodes: z.array(z.object({ number: z.number() })) }) }) });

describe('GitHub gateway (against the sandbox)', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  const logs: string[] = [];
  const log = { ...silentLogger, debug: (m: string) => logs.push(m), info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), trace: (m: string) => logs.push(m), error: (m: string | Error) => logs.push(String(m)) };

  const gateway = (over: Partial<OctokitGatewayOptions> = {}) =>
    new OctokitGateway({ client: githubClient, apiUrl: sb.url, webUrl: 'https://github.com', token: 'sandbox-token-mona', log, retryBaseMs: 5, ...over });

  useDemoSandbox((running, c) => {
    sb = running;
    client = c;
  });
  beforeEach(() => {
    logs.length = 0;
  });

  it('queries and parses with the schema', async () => {
    const data = await gateway().query({ document: viewerDoc, schema: viewerSchema });
    assert.equal(data.viewer.login, 'mona');
    assert.ok(logs.some((l) => /query Viewer: \d+ ms/.test(l)), logs.join('\n'));
    assert.ok(!logs.some((l) => l.includes('sandbox-token')), 'the token is never logged');
  });

  it('walks every page with paginate', async () => {
    const data = await gateway().paginate({ document: pagedDoc, variables: { owner: 'acme', name: 'webshop' }, schema: pagedSchema });
    const state = await client.state();
    const webshop = state.repositories.find((r) => r.owner === 'acme' && r.name === 'webshop');
    assert.equal(data.repository.discussions.nodes.length, state.discussions.filter((d) => d.repositoryId === webshop?.id).length);
    assert.ok((await client.requests()).length > 1);
  });

  it('waits out a short primary rate limit and succeeds', async () => {
    await client.injectFault({ kind: 'primaryRateLimit', resetInSeconds: 1, count: 1, match: { operationName: 'Viewer' } });
    const started = Date.now();
    const data = await gateway().query({ document: viewerDoc, schema: viewerSchema });
    assert.equal(data.viewer.login, 'mona');
    assert.ok(Date.now() - started >= 900, 'waited for the reset');
    const requests = (await client.requests()).filter((r) => r.operationName === 'Viewer');
    assert.equal(requests.length, 2);
    assert.ok(logs.some((l) => /rate limit: waiting/.test(l)));
  });

  it('waits out a short secondary rate limit and succeeds', async () => {
    await client.injectFault({ kind: 'secondaryRateLimit', retryAfterSeconds: 1, count: 1 });
    const data = await gateway().query({ document: viewerDoc, schema: viewerSchema });
    assert.equal(data.viewer.login, 'mona');
    assert.equal((await client.requests()).length, 2);
  });

  it('fails with rateLimited and the reset time when the wait is too long', async () => {
    await client.injectFault({ kind: 'primaryRateLimit', resetInSeconds: 3600, count: 1 });
    const error = await gateway().query({ document: viewerDoc, schema: viewerSchema }).then(() => undefined, (e: unknown) => e);
    assert.ok(isGitHubError(error, 'rateLimited'), String(error));
    const resetAt = error.details.resetAt ?? 0;
    assert.ok(Math.abs(resetAt - (Date.now() + 3600_000)) < 10_000, `resetAt ${new Date(resetAt).toISOString()}`);
    assert.match(error.message, /rate limit/);
  });

  it('retries a 5xx on a read', async () => {
    await client.injectFault({ kind: 'serverError', status: 502, count: 1 });
    const data = await gateway().query({ document: viewerDoc, schema: viewerSchema });
    assert.equal(data.viewer.login, 'mona');
    const statuses = (await client.requests()).map((r) => r.status);
    assert.deepEqual(statuses, [502, 200]);
  });

  it('gives up on a persistent 5xx with serverError', async () => {
    await client.injectFault({ kind: 'serverError', status: 503 });
    await assert.rejects(gateway().query({ document: viewerDoc, schema: viewerSchema }), (e) => isGitHubError(e, 'serverError'));
    assert.equal((await client.requests()).length, 3, 'one try and two retries');
  });

  describe('mutate', () => {
    async function ids() {
      const { repository } = await gateway().query({ document: idsDoc, variables: { owner: 'acme', name: 'webshop' }, schema: idsSchema });
      const blocked = repository.discussionCategories.nodes.find((c) => c.name === 'Blocked');
      assert.ok(blocked);
      return { repositoryId: repository.id, categoryId: blocked.id };
    }
    async function countTitled(title: string): Promise<number> {
      return (await client.state()).discussions.filter((d) => d.title === title).length;
    }
    const findApplied = (title: string) => async (signal: AbortSignal | undefined) => {
      const { repository } = await gateway().query({ document: findDoc, variables: { owner: 'acme', name: 'webshop' }, schema: findSchema, ...(signal ? { signal } : {}) });
      const found = repository.discussions.nodes.find((d) => d.title === title);
      return found ? { createDiscussion: { discussion: found } } : undefined;
    };

    it('after a dropped connection that stored the discussion, finds it instead of posting twice', async () => {
      const title = 'Dropped after create';
      const variables = { ...(await ids()), ...(await plainGuarded(title, 'Help')) };
      await client.injectFault({ kind: 'dropAfterMutation', count: 1, match: { field: 'createDiscussion' } });
      const result = await gateway().mutate({ document: createDoc, variables, schema: createSchema, findApplied: findApplied(title) });
      assert.equal(result.createDiscussion.discussion.title, title);
      assert.equal(await countTitled(title), 1, 'exactly one discussion');
      assert.equal((await client.requests()).filter((r) => r.operation === 'mutation').length, 1, 'not sent again');
    });

    it('retries once when the connection dropped before anything was stored', async () => {
      const title = 'Dropped before create';
      const variables = { ...(await ids()), ...(await plainGuarded(title, 'Help')) };
      await client.injectFault({ kind: 'dropConnection', count: 1, match: { field: 'createDiscussion' } });
      const result = await gateway().mutate({ document: createDoc, variables, schema: createSchema, findApplied: findApplied(title) });
      assert.equal(result.createDiscussion.discussion.title, title);
      assert.equal(await countTitled(title), 1);
    });

    it('never retries a mutation blindly: without findApplied the error says it may have applied', async () => {
      const title = 'No way to check';
      const variables = { ...(await ids()), ...(await plainGuarded(title, 'Help')) };
      await client.injectFault({ kind: 'dropAfterMutation', count: 1, match: { field: 'createDiscussion' } });
      const error = await gateway().mutate({ document: createDoc, variables, schema: createSchema }).then(() => undefined, (e: unknown) => e);
      assert.ok(isGitHubError(error, 'offline'), String(error));
      assert.equal(error.details.mayHaveApplied, true);
      assert.equal(await countTitled(title), 1);
    });

    it('does not retry a mutation on a 5xx through the retry plugin', async () => {
      const title = 'Server error';
      const variables = { ...(await ids()), ...(await plainGuarded(title, 'Help')) };
      await client.injectFault({ kind: 'serverError', status: 502, count: 1, match: { field: 'createDiscussion' } });
      const result = await gateway().mutate({ document: createDoc, variables, schema: createSchema, findApplied: findApplied(title) });
      assert.equal(result.createDiscussion.discussion.title, title);
      const mutations = (await client.requests()).filter((r) => r.operation === 'mutation');
      assert.deepEqual(mutations.map((r) => r.status), [502, 200], 'one failure, then exactly one retry after findApplied found nothing');
      assert.equal(await countTitled(title), 1);
    });
  });

  describe('maps failures to clear errors', () => {
    const expectKind = async (promise: Promise<unknown>, kind: GitHubError['kind']): Promise<GitHubError> => {
      const error = await promise.then(() => undefined, (e: unknown) => e);
      assert.ok(isGitHubError(error, kind), `expected ${kind}, got ${String(error)}`);
      assert.ok(!/\n\s+at /.test(error.message), 'no stack trace in the message');
      return error;
    };

    it('bad credentials', async () => {
      await expectKind(gateway({ token: 'nope' }).query({ document: viewerDoc, schema: viewerSchema }), 'badCredentials');
    });
    it('not signed in', async () => {
      await expectKind(gateway({ token: undefined }).query({ document: viewerDoc, schema: viewerSchema }), 'notSignedIn');
    });
    it('missing scope (GraphQL INSUFFICIENT_SCOPES)', async () => {
      await client.injectFault({ kind: 'missingScope', scope: 'read:org' });
      const e = await expectKind(gateway().query({ document: viewerDoc, schema: viewerSchema }), 'missingScope');
      assert.deepEqual(e.details.scopes, ['read:org']);
    });
    it('missing scope (REST x-accepted-oauth-scopes)', async () => {
      await client.injectFault({ kind: 'missingScope', scope: 'repo', match: { api: 'rest' } });
      const e = await expectKind(gateway().rest('GET /user'), 'missingScope');
      assert.deepEqual(e.details.scopes, ['repo']);
    });
    it('SAML SSO required, with the authorization link', async () => {
      await client.injectFault({ kind: 'ssoRequired', org: 'acme' });
      const repositoryDoc = 'query Repo { repository(owner: "acme", name: "webshop") { name } }';
      const e = await expectKind(gateway().query({ document: repositoryDoc, schema: z.object({ repository: z.nullable(z.object({ name: z.string() })) }) }), 'ssoRequired');
      assert.match(e.details.url ?? '', /^https?:\/\/.*sso/);
    });
    it('offline (nothing listening)', async () => {
      const closed = await startSandbox({ seed: 'empty' });
      const url = closed.url;
      await closed.close();
      await expectKind(gateway({ apiUrl: url }).query({ document: viewerDoc, schema: viewerSchema }), 'offline');
    });
    it('a response that does not match the schema', async () => {
      await expectKind(gateway().query({ document: viewerDoc, schema: z.object({ viewer: z.object({ login: z.number() }) }) }), 'invalidResponse');
      assert.ok(logs.some((l) => l.includes('viewer.login')), 'the log names the field');
    });
    it('a repository that does not exist', async () => {
      await expectKind(gateway().query({ document: idsDoc, variables: { owner: 'acme', name: 'nope' }, schema: idsSchema }), 'notFound');
    });
    it('aborted by the caller, even while waiting out a rate limit', async () => {
      await client.injectFault({ kind: 'primaryRateLimit', resetInSeconds: 5, count: 1 });
      const controller = new AbortController();
      const pending = gateway().query({ document: viewerDoc, schema: viewerSchema, signal: controller.signal });
      await client.waitForRequest({ operationName: 'Viewer' });
      const started = Date.now();
      controller.abort();
      await expectKind(pending, 'aborted');
      assert.ok(Date.now() - started < 4000, 'did not wait out the 5 s reset');
    });
    it('a timeout', async () => {
      await client.injectFault({ kind: 'latency', ms: 500, count: 3 });
      await expectKind(gateway({ timeoutMs: 100 }).query({ document: viewerDoc, schema: viewerSchema }), 'offline');
    });
    it('a timeout, also when the caller passes its own signal (per-call options keep the timing fetch)', async () => {
      await client.injectFault({ kind: 'latency', ms: 500, count: 3 });
      const controller = new AbortController();
      await expectKind(gateway({ timeoutMs: 100 }).query({ document: viewerDoc, schema: viewerSchema, signal: controller.signal }), 'offline');
    });
    it('keeps GitHubError instances as they are', () => {
      const e = new GitHubError('categoryMissing', 'x');
      assert.ok(isGitHubError(e, 'categoryMissing'));
    });
  });
});
