import * as assert from 'node:assert/strict';
import { silentLogger } from '../../src/core/logger';
import * as githubClient from '../../src/github/githubClientModule';
import { OctokitGateway } from '../../src/github/octokitGateway';
import { fetchKudosData } from '../../src/kudos/kudosData';
import { GITHUB_TEAMS_CACHE_KEY, resolveTeams } from '../../src/team-config/githubTeams';
import { parseTeamConfig, parseTeamConfigFile, formatProblem } from '../../src/team/parseTeamConfig';
import { coversRepository, teamScopeOf, withTeamMembers } from '../../src/team/teamScope';
import { type SandboxClient } from '../sandbox/client';
import type { RunningSandbox } from '../sandbox/server';
import { useDemoSandbox } from './support/demoSandbox';
import { TOKEN_WITHOUT_READ_ORG } from '../sandbox/seeds/demoOrganization';
import { memoryStorage } from './support/memoryStorage';

// A team across repositories and GitHub teams: the config, the scope it searches, the teams' members.

function config(text: string) {
  const parsed = parseTeamConfig(text);
  assert.ok(parsed.ok, parsed.problems.map(formatProblem).join('\n'));
  return parsed.config;
}

describe('team across repositories: config', () => {
  it('keeps a plain list of logins valid and scoped to the config repository', () => {
    const c = config('members: [mona, sam]\n');
    assert.deepEqual(c.teams, []);
    const scope = teamScopeOf(c, { owner: 'acme', name: 'webshop' });
    assert.equal(scope.qualifiers, 'repo:acme/webshop');
    assert.deepEqual(scope.home, { owner: 'acme', name: 'webshop' });
  });

  it('reads GitHub teams beside logins, repositories, an organization and a #Blocked home', () => {
    const c = config('members: ["@globex/shop", lea, { login: priya, timeZone: Asia/Kolkata }]\nrepositories: [globex/storefront, globex/payments]\norganization: initech\nblocked: { repository: globex/storefront }\nabsences: [{ login: kenji, from: 2026-12-01, to: 2026-12-02 }]\n');
    assert.deepEqual(c.teams, [{ organization: 'globex', slug: 'shop' }]);
    assert.deepEqual(c.members, ['lea', 'priya']);
    const scope = teamScopeOf(c, { owner: 'globex', name: 'payments' });
    assert.equal(scope.qualifiers, 'repo:globex/storefront repo:globex/payments org:initech');
    assert.deepEqual(scope.home, { owner: 'globex', name: 'storefront' });
    assert.ok(coversRepository(scope, { owner: 'initech', name: 'anything' }));
    assert.ok(!coversRepository(scope, { owner: 'acme', name: 'webshop' }));
  });

  it('merges a team\'s members after the listed ones, sorted, keeping a listed member\'s own settings', () => {
    const c = config('members: ["@globex/shop", { login: priya, timeZone: Asia/Kolkata }]\ntimeZone: Europe/Berlin\n');
    const merged = withTeamMembers(c, new Map([['@globex/shop', ['sam', 'priya', 'Kenji', 'mona']]]));
    assert.deepEqual(merged.members, ['priya', 'Kenji', 'mona', 'sam']);
    assert.deepEqual(merged.people.map((p) => `${p.login} ${p.timeZone}`), ['priya Asia/Kolkata', 'Kenji Europe/Berlin', 'mona Europe/Berlin', 'sam Europe/Berlin']);
  });

  it('names a bad team or repository, and a team listed twice', () => {
    const problems = (text: string) => {
      const p = parseTeamConfig(text);
      return p.ok ? [] : p.problems.map(formatProblem);
    };
    assert.match(problems('members: ["@globex"]\n')[0] ?? '', /members › item 1: not a GitHub login or @organization\/team/);
    assert.match(problems('members: ["@globex/shop", "@Globex/shop"]\n')[0] ?? '', /members › item 2: @Globex\/shop is listed twice/);
    assert.match(problems('members: [mona]\nrepositories: [webshop]\n')[0] ?? '', /repositories › item 1: not a repository written owner\/name/);
  });

  it('reads a pointer at the home config, and refuses anything beside it', () => {
    const pointer = parseTeamConfigFile('home: globex/storefront\n');
    assert.ok(pointer.ok && pointer.pointer);
    assert.equal(pointer.pointer.home, 'globex/storefront');
    const both = parseTeamConfigFile('home: globex/storefront\nmembers: [mona]\n');
    assert.ok(!both.ok);
    assert.match(both.problems.map(formatProblem)[0] ?? '', /members: a config that points at its home \(`home:`\) holds nothing else/);
    assert.ok(!parseTeamConfig('home: globex/storefront\n').ok, 'the team config itself is in the home');
  });
});

describe('team across repositories: against the sandbox', function () {
  this.timeout(20_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  const gatewayFor = (token: string) => new OctokitGateway({ client: githubClient, apiUrl: sb.url, webUrl: sb.url, token, log: silentLogger, login: 'mona', retryBaseMs: 1, timeoutMs: 5000 });

  useDemoSandbox((running, c) => {
    sb = running;
    client = c;
  });

  it('resolves a GitHub team\'s members and keeps them for when it cannot be read', async () => {
    const storage = memoryStorage();
    const teams = [{ organization: 'globex', slug: 'shop' }];
    const ok = await resolveTeams({ gateway: gatewayFor('sandbox-token-mona'), teams, storage, webUrl: sb.url, now: () => 1 });
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.members.get('@globex/shop'), ['mona', 'sam', 'priya', 'kenji']);
    assert.ok(storage.data.has(GITHUB_TEAMS_CACHE_KEY));

    const noScope = await resolveTeams({ gateway: gatewayFor(TOKEN_WITHOUT_READ_ORG), teams, storage, webUrl: sb.url, now: () => 2 });
    assert.equal(noScope.problems[0]?.error.kind, 'missingScope');
    assert.deepEqual(noScope.problems[0]?.error.details.scopes, ['read:org', 'write:org', 'admin:org']);
    assert.equal(noScope.problems[0]?.usingLastKnown, true);
    assert.deepEqual(noScope.members.get('@globex/shop'), ['mona', 'sam', 'priya', 'kenji'], 'the last known members keep working');

    const renamed = await resolveTeams({ gateway: gatewayFor('sandbox-token-mona'), teams: [{ organization: 'globex', slug: 'old-name' }], storage: memoryStorage(), webUrl: sb.url, now: () => 3 });
    assert.equal(renamed.problems[0]?.error.kind, 'notFound');
    assert.equal(renamed.problems[0]?.error.details.team, '@globex/old-name');
    assert.equal(renamed.problems[0]?.usingLastKnown, false);
  });

  it('fetches the kudos window for two repositories in one request', async () => {
    await client.clearLog();
    const scope = teamScopeOf(config('members: [mona, sam, priya, kenji]\nrepositories: [globex/storefront, globex/payments]\n'), { owner: 'globex', name: 'storefront' });
    const data = await fetchKudosData({ gateway: gatewayFor('sandbox-token-mona'), repo: scope.home, qualifiers: scope.qualifiers, since: Date.now() - 14 * 86_400_000 });
    const log = await client.requests();
    assert.deepEqual(log.map((r) => r.operationName), ['KudosWindow']);
    // The demo organization's titles start with their repository's name.
    const repos = new Set(data.pullRequests.map((p) => p.title.split(':')[0]));
    assert.deepEqual([...repos].sort(), ['Payments', 'Storefront']);
    assert.equal(data.nameWithOwner, 'globex/storefront');
  });
});
