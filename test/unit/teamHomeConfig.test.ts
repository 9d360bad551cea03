import * as assert from 'node:assert/strict';
import { silentLogger } from '../../src/core/logger';
import * as githubClient from '../../src/github/githubClientModule';
import { OctokitGateway } from '../../src/github/octokitGateway';
import { blobOutcome, HOME_CONFIG_CACHE_KEY, homeConfigResponseSchema, readHomeConfig } from '../../src/team-config/homeConfig';
import { parseTeamConfigFile } from '../../src/team/parseTeamConfig';
import { type SandboxClient } from '../sandbox/client';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { useDemoSandbox } from './support/demoSandbox';
import { DEMO_HOME_CONFIG } from '../sandbox/seeds/demoOrganization';
import { gql } from '../sandbox/testing';
import { memoryStorage } from './support/memoryStorage';

// A pointer's home config read from GitHub (`repository.object(expression: "HEAD:…") { ... on Blob }`):
// the response schema, what counts as a config, and the last known copy when GitHub can't be read.

const storefront = { owner: 'globex', name: 'storefront' };

describe('team home config: the blob GitHub answers', () => {
  const parse = (data: unknown) => homeConfigResponseSchema.parse(data);

  it('takes a Blob\'s text as the config', () => {
    const data = parse({ repository: { nameWithOwner: 'globex/storefront', object: { __typename: 'Blob', text: 'members: [mona]\n', byteSize: 16, isTruncated: false } } });
    assert.deepEqual(blobOutcome(data, storefront), { kind: 'text', text: 'members: [mona]\n' });
  });

  it('a missing path, or a folder there, is no config file', () => {
    assert.deepEqual(blobOutcome(parse({ repository: { nameWithOwner: 'globex/storefront', object: null } }), storefront), { kind: 'problem', problem: { kind: 'noFile' } });
    assert.deepEqual(blobOutcome(parse({ repository: { nameWithOwner: 'globex/storefront', object: { __typename: 'Tree' } } }), storefront), { kind: 'problem', problem: { kind: 'noFile' } });
  });

  it('a binary or cut-off blob is not read as a config', () => {
    const binary = parse({ repository: { nameWithOwner: 'globex/storefront', object: { __typename: 'Blob', text: null, byteSize: 12, isTruncated: false } } });
    assert.deepEqual(blobOutcome(binary, storefront), { kind: 'problem', problem: { kind: 'notText', byteSize: 12 } });
    const cut = parse({ repository: { nameWithOwner: 'globex/storefront', object: { __typename: 'Blob', text: 'members: [mo', byteSize: 600_000, isTruncated: true } } });
    assert.deepEqual(blobOutcome(cut, storefront), { kind: 'problem', problem: { kind: 'notText', byteSize: 600_000 } });
  });

  it('no repository (null) is GitHub\'s not found, naming the home', () => {
    const outcome = blobOutcome(parse({ repository: null }), storefront);
    assert.ok(outcome.kind === 'problem' && outcome.problem.kind === 'github');
    assert.equal(outcome.problem.error.kind, 'notFound');
    assert.equal(outcome.problem.error.details.githubMessage, 'globex/storefront');
  });

  it('refuses shapes GitHub does not send', () => {
    assert.throws(() => parse({ repository: { nameWithOwner: 'x/y', object: { __typename: 'Blob', text: 'a' } } }));
    assert.throws(() => parse({ repository: { nameWithOwner: 'x/y', object: { __typename: 'Blob', text: 7, byteSize: 1, isTruncated: false } } }));
    assert.throws(() => parse({ repository: { nameWithOwner: 'x/y', object: { __typename: 'Other' } } }));
  });
});

describe('team home config: against the sandbox', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  const gatewayFor = (token = 'sandbox-token-mona', apiUrl = sb.url) => new OctokitGateway({ client: githubClient, apiUrl, webUrl: sb.url, token, log: silentLogger, login: 'mona', retryBaseMs: 1, timeoutMs: 5000 });

  useDemoSandbox((running, c) => {
    sb = running;
    client = c;
  });

  it('the sandbox serves seeded files as Blobs, folders as Trees, nothing else', async () => {
    const r = await gql(sb, 'query { repository(owner: "globex", name: "payments") { file: object(expression: "HEAD:.github/team-support.yml") { __typename ... on Blob { text byteSize isTruncated isBinary oid } } folder: object(expression: "main:.github") { __typename } missing: object(expression: "HEAD:README.md") { __typename } branch: object(expression: "other:.github/team-support.yml") { __typename } } }');
    assert.equal(r.body.errors, undefined);
    const repo = (r.body.data as { repository: Record<string, unknown> }).repository;
    // `git hash-object` of the same text
    assert.deepEqual(repo['file'], { __typename: 'Blob', text: 'home: globex/storefront\n', byteSize: 24, isTruncated: false, isBinary: false, oid: '7228c01b1869753aa65dbf708cc12afbc1b7252e' });
    assert.deepEqual(repo['folder'], { __typename: 'Tree' });
    assert.equal(repo['missing'], null);
    assert.equal(repo['branch'], null);
  });

  it('reads the home\'s config in one request and keeps it', async () => {
    await client.clearLog();
    const storage = memoryStorage();
    const read = await readHomeConfig({ gateway: gatewayFor(), home: storefront, storage, webUrl: sb.url, now: () => 7 });
    assert.deepEqual(read, { kind: 'read', text: DEMO_HOME_CONFIG });
    const parsed = parseTeamConfigFile(read.kind === 'read' ? read.text : '');
    assert.ok(parsed.ok && !parsed.pointer && parsed.config.teams.length === 1, 'the same parser takes it');
    const log = await client.requests();
    assert.deepEqual(log.map((l) => [l.operationName, l.variables?.['expression']]), [['HomeTeamConfig', 'HEAD:.github/team-support.yml']]);
    assert.ok((log[0]?.cost ?? 0) <= 1);
    assert.deepEqual(storage.data.get(HOME_CONFIG_CACHE_KEY), { [`${sb.url}|globex/storefront`]: { text: DEMO_HOME_CONFIG, readAt: 7 } });
  });

  it('offline, signed out or refused (SSO): the last known config stands in, with the reason', async () => {
    const storage = memoryStorage();
    await readHomeConfig({ gateway: gatewayFor(), home: storefront, storage, webUrl: sb.url, now: () => 7 });

    const closed = await startSandbox({ seed: 'empty' });
    await closed.close();
    const offline = await readHomeConfig({ gateway: gatewayFor('sandbox-token-mona', closed.url), home: storefront, storage, webUrl: sb.url, now: () => 8 });
    assert.ok(offline.kind === 'lastKnown' && offline.problem.kind === 'github');
    assert.equal(offline.text, DEMO_HOME_CONFIG);
    assert.equal(offline.readAt, 7);
    assert.equal(offline.problem.error.kind, 'offline');

    const signedOut = await readHomeConfig({ gateway: undefined, home: storefront, storage, webUrl: sb.url, now: () => 9 });
    assert.deepEqual(signedOut, { kind: 'lastKnown', text: DEMO_HOME_CONFIG, readAt: 7, problem: { kind: 'signedOut' } });

    await client.injectFault({ kind: 'ssoRequired', org: 'globex' });
    const sso = await readHomeConfig({ gateway: gatewayFor(), home: storefront, storage, webUrl: sb.url, now: () => 10 });
    assert.ok(sso.kind === 'lastKnown' && sso.problem.kind === 'github');
    assert.equal(sso.problem.error.kind, 'ssoRequired');
    assert.match(sso.problem.error.details.url ?? '', /\/orgs\/globex\/sso\?authorization_request=/);

    const elsewhere = await readHomeConfig({ gateway: gatewayFor(), home: storefront, storage: memoryStorage(), webUrl: 'https://ghe.example.com', now: () => 11 });
    assert.equal(elsewhere.kind, 'failed', 'another GitHub instance has its own last known configs');
  });

  it('a repository the account can\'t see fails as not found; a home without the file forgets the last known copy', async () => {
    const hidden = await readHomeConfig({ gateway: gatewayFor(), home: { owner: 'globex', name: 'secret' }, storage: memoryStorage(), webUrl: sb.url, now: () => 1 });
    assert.ok(hidden.kind === 'failed' && hidden.problem.kind === 'github');
    assert.equal(hidden.problem.error.kind, 'notFound');

    const storage = memoryStorage();
    storage.data.set(HOME_CONFIG_CACHE_KEY, { [`${sb.url}|acme/webshop`]: { text: 'members: [mona]\n', readAt: 1 } });
    const noFile = await readHomeConfig({ gateway: gatewayFor(), home: { owner: 'acme', name: 'webshop' }, storage, webUrl: sb.url, now: () => 2 });
    assert.deepEqual(noFile, { kind: 'failed', problem: { kind: 'noFile' } });
    assert.deepEqual(storage.data.get(HOME_CONFIG_CACHE_KEY), {});
  });
});
