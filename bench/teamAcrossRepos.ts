// A team of 50 across 10 repositories: the sidebar's refresh request as the extension builds it
// (config → team scope → `teamSnapshotVariables`), sent through the gateway to the sandbox, which counts
// the requests and prices them with GitHub's formula. `requests_per_refresh` (in the host) proves
// a refresh is one `TeamSnapshot`; this proves that request stays one, and cheap, for 10 repositories.
import { silentLogger } from '../src/core/logger';
import * as githubClient from '../src/github/githubClientModule';
import { OctokitGateway } from '../src/github/octokitGateway';
import teamSnapshotDocument from '../src/snapshot/teamSnapshot.graphql';
import { teamSnapshotVariables } from '../src/snapshot/snapshotVariables';
import { teamSnapshotSchema } from '../src/snapshot/snapshotSchema';
import { parseTeamConfig } from '../src/team/parseTeamConfig';
import { teamScopeOf } from '../src/team/teamScope';
import { SandboxClient } from '../test/sandbox/client';
import { isoTime } from '../test/sandbox/ids';
import { startSandbox } from '../test/sandbox/server';
import { DAY, SeedBuilder } from '../test/sandbox/seeds/builder';

export interface TeamAcrossReposFigure {
  readonly requests: number;
  readonly cost: number;
}

const REPOSITORIES = 10;
const MEMBERS = 50;

export async function teamAcrossReposFigure(): Promise<TeamAcrossReposFigure> {
  const now = Date.now();
  const b = new SeedBuilder();
  const created = isoTime(now - 100 * DAY);
  const members = Array.from({ length: MEMBERS }, (_, i) => `member-${i + 1}`);
  b.user('bigco', 'BigCo', created, 'Organization');
  for (const m of members) b.user(m, null, created);
  const repos = Array.from({ length: REPOSITORIES }, (_, i) => b.repository('bigco', `service-${i + 1}`, members, created));
  const home = repos[0];
  if (!home) throw new Error('team-across-repositories benchmark: no repository');
  const blocked = b.category(home, 'Blocked', ':construction:', true, null);
  repos.forEach((repo, r) => {
    for (let i = 0; i < 20; i++) b.pullRequest(repo, { title: `Change ${r}-${i}`, body: '', author: members[(r + i) % MEMBERS] ?? 'member-1', createdAt: isoTime(now - (i + 1) * DAY), headRefName: `change-${r}-${i}` });
  });
  const sb = await startSandbox({ seed: b.data });
  try {
    const client = new SandboxClient(sb.url);
    const text = [`members: [${members.join(', ')}]`, `repositories: [${repos.map((r) => `bigco/${r.name}`).join(', ')}]`, ''].join('\n');
    const parsed = parseTeamConfig(text);
    if (!parsed.ok) throw new Error('team-across-repositories benchmark: the generated config is not valid');
    const scope = teamScopeOf(parsed.config, { owner: 'bigco', name: home.name });
    const gateway = new OctokitGateway({ client: githubClient, apiUrl: sb.url, webUrl: sb.url, token: 'sandbox-token-member-1', log: silentLogger, login: 'member-1', retryBaseMs: 1, timeoutMs: 10_000 });
    await client.clearLog();
    const data = await gateway.query({ document: teamSnapshotDocument, variables: teamSnapshotVariables(scope, blocked.id, 'member-1', { partner: 'member-2', checker: 'member-50' }), schema: teamSnapshotSchema });
    const found = (data.myPullRequests.nodes.length ?? 0) + (data.partnerPullRequests?.nodes.length ?? 0);
    if (found === 0) throw new Error('team-across-repositories benchmark: the searches found no pull requests');
    const log = await client.requests();
    return { requests: log.length, cost: Math.max(...log.map((r) => r.cost)) };
  } finally {
    await sb.close();
  }
}

// `node dist-test/bench/teamAcrossRepos.js` prints the two figures alone (the full bench also records them).
if (require.main === module) {
  void teamAcrossReposFigure().then((f) => console.log(JSON.stringify({ requests_per_refresh_10_repos: f.requests, graphql_cost_per_refresh_10_repos: f.cost })));
}
