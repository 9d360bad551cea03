import type { TeamConfig } from './configSchema';
import { splitRepositoryName, type TeamReference, teamReferenceText } from './teamScopeSchema';

/** owner/name (the same shape as the gateway's RepoRef; team/ does not import github/). */
export interface RepositoryRef {
  readonly owner: string;
  readonly name: string;
}

/**
 * Where a team works, from its config: the home repository whose Discussions hold #Blocked, and the
 * search qualifiers that cover all of its repositories in ONE search (`repo:a/x repo:a/y org:b`:
 * GitHub ORs them), so a refresh stays one request however many repositories there are.
 */
export interface TeamScope {
  readonly home: RepositoryRef;
  /** The repositories named (the config's own when none are); an organization adds all of its. */
  readonly repositories: readonly RepositoryRef[];
  readonly organization: string | undefined;
  /** e.g. `repo:acme/webshop repo:acme/payments` or `org:acme`. */
  readonly qualifiers: string;
}

export function teamScopeOf(config: Pick<TeamConfig, 'repositories' | 'organization' | 'blocked'> | undefined, configRepository: RepositoryRef): TeamScope {
  const home = config?.blocked.repository ? splitRepositoryName(config.blocked.repository) : configRepository;
  const organization = config?.organization;
  const named = (config?.repositories ?? []).map(splitRepositoryName);
  // Only an organization named: its repositories are the team's; nothing named: the config's own.
  const repositories = named.length > 0 || organization ? named : [configRepository];
  const qualifiers = [...repositories.map((r) => `repo:${r.owner}/${r.name}`), ...(organization ? [`org:${organization}`] : [])].join(' ');
  return { home, repositories, organization, qualifiers };
}

export const sameRepository = (a: RepositoryRef, b: RepositoryRef): boolean =>
  a.owner.toLowerCase() === b.owner.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase();

/** Members of one GitHub team as last read (logins). */
export type TeamMembers = ReadonlyMap<string, readonly string[]>;

export const teamKey = (team: TeamReference): string => teamReferenceText(team).toLowerCase();

/**
 * The config with its GitHub teams' members added to `members` and `people`: the logins listed in
 * the file first (in file order), then each team's members not already listed, sorted, so every
 * teammate's machine computes the same rotation whatever order the API returned. A member listed
 * with their own time zone or hours keeps them; the others get the team's.
 */
export function withTeamMembers(config: TeamConfig, teams: TeamMembers): TeamConfig {
  const seen = new Set(config.members.map((m) => m.toLowerCase()));
  const added: string[] = [];
  for (const team of config.teams) {
    const logins = [...(teams.get(teamKey(team)) ?? [])].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    for (const login of logins) {
      if (seen.has(login.toLowerCase())) continue;
      seen.add(login.toLowerCase());
      added.push(login);
    }
  }
  if (added.length === 0) return config;
  const hours = config.workingHours;
  return {
    ...config,
    members: [...config.members, ...added],
    people: [...config.people, ...added.map((login) => ({ login, timeZone: config.timeZone, ...(hours ? { workingHours: hours } : {}) }))],
  };
}

/** Whether `repository` is one of the team's (named, in its organization, or its home). */
export function coversRepository(scope: TeamScope, repository: RepositoryRef): boolean {
  if (sameRepository(scope.home, repository)) return true;
  if (scope.organization && scope.organization.toLowerCase() === repository.owner.toLowerCase()) return true;
  return scope.repositories.some((r) => sameRepository(r, repository));
}
