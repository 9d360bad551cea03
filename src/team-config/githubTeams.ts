import * as z from 'zod/mini';
import { asGitHubError, GitHubError, isGitHubError } from '../github/errors';
import type { GitHubGateway } from '../github/gateway';
import { type TeamMembers, teamKey } from '../team/teamScope';
import { type TeamReference, teamReferenceText } from '../team/teamScopeSchema';
import teamMembersDocument from './teamMembers.graphql';

// The members of the GitHub teams a config names (`members: ['@acme/webshop']`), read through the
// gateway and kept in storage: a team that can't be read now (no read:org, SSO, renamed, offline)
// keeps its last known members, and the error is reported with its fix. No vscode here.
// Read once per config load (not per sidebar refresh): a refresh stays one request.

const teamMembersResponseSchema = z.object({
  organization: z.nullable(
    z.object({
      team: z.nullable(
        z.object({
          combinedSlug: z.string(),
          members: z.object({
            pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.nullable(z.string()) }),
            nodes: z.array(z.nullable(z.object({ login: z.string() }))),
          }),
        }),
      ),
    }),
  ),
});

/** Last known members per GitHub instance and team: `https://github.com|@acme/webshop` → logins. */
const cacheSchema = z.record(z.string(), z.object({ logins: z.array(z.string()), readAt: z.number() }));
export const GITHUB_TEAMS_CACHE_KEY = 'teamSupport.team.githubTeamMembers';

/** Where the last known members are kept (VS Code's globalState has this shape). */
export interface KeyValueStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface TeamReadProblem {
  readonly team: TeamReference;
  readonly error: GitHubError;
  /** Whether last known members stand in for the team. */
  readonly usingLastKnown: boolean;
}

export interface ResolvedTeams {
  readonly members: TeamMembers;
  readonly problems: readonly TeamReadProblem[];
}

export interface ResolveTeamsInput {
  /** undefined while signed out: only the last known members. */
  readonly gateway: GitHubGateway | undefined;
  readonly teams: readonly TeamReference[];
  readonly storage: KeyValueStorage;
  /** The GitHub instance (teams of github.com and of an Enterprise server are different teams). */
  readonly webUrl: string;
  readonly now: () => number;
  readonly signal?: AbortSignal;
}

export async function resolveTeams(input: ResolveTeamsInput): Promise<ResolvedTeams> {
  const parsed = cacheSchema.safeParse(input.storage.get(GITHUB_TEAMS_CACHE_KEY));
  const cache: Record<string, { logins: string[]; readAt: number }> = parsed.success ? { ...parsed.data } : {};
  const members = new Map<string, readonly string[]>();
  const problems: TeamReadProblem[] = [];
  let changed = false;
  for (const team of input.teams) {
    const cacheKey = `${input.webUrl}|${teamKey(team)}`;
    const known = cache[cacheKey]?.logins;
    if (!input.gateway) {
      if (known) members.set(teamKey(team), known);
      continue;
    }
    try {
      const logins = await readTeam(input.gateway, team, input.signal);
      members.set(teamKey(team), logins);
      cache[cacheKey] = { logins, readAt: input.now() };
      changed = true;
    } catch (e) {
      const error = asGitHubError(e);
      if (error.kind === 'aborted') throw error;
      if (known) members.set(teamKey(team), known);
      problems.push({ team, error, usingLastKnown: known !== undefined });
    }
  }
  if (changed) await input.storage.update(GITHUB_TEAMS_CACHE_KEY, cache);
  return { members, problems };
}

async function readTeam(gateway: GitHubGateway, team: TeamReference, signal: AbortSignal | undefined): Promise<string[]> {
  const text = teamReferenceText(team);
  const call = (cursor: string | null) => ({
    document: teamMembersDocument,
    variables: { organization: team.organization, slug: team.slug, cursor },
    schema: teamMembersResponseSchema,
    ...(signal ? { signal } : {}),
  });
  let data: z.infer<typeof teamMembersResponseSchema>;
  try {
    // One request for a team of up to 100; only a bigger one walks further pages (a missing team has none).
    data = await gateway.query(call(null));
    const first = data.organization?.team?.members;
    if (first?.pageInfo.hasNextPage && first.pageInfo.endCursor) {
      const rest = await gateway.paginate(call(first.pageInfo.endCursor));
      first.nodes.push(...(rest.organization?.team?.members.nodes ?? []));
    }
  } catch (e) {
    // An unknown organization is a NOT_FOUND error on GitHub: say which team it was about.
    if (isGitHubError(e, 'notFound')) throw new GitHubError('notFound', `GitHub has no organization ${team.organization} (for ${text}).`, { ...e.details, team: text });
    throw e;
  }
  const found = data.organization?.team;
  if (!found) throw new GitHubError('notFound', `GitHub has no team ${text} that this account can see (renamed, deleted or secret?).`, { team: text });
  return found.members.nodes.flatMap((n) => (n ? [n.login] : []));
}
