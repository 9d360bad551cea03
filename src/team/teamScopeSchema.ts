import * as z from 'zod/mini';
import { GITHUB_LOGIN, GITHUB_LOGIN_SOURCE } from '../protocol/githubLogin';

// The names a team config uses to reach beyond one repository: GitHub teams (`@acme/webshop`),
// repositories (`acme/webshop`) and organizations. zod/mini, like the rest of the config schema.

const LOGIN = GITHUB_LOGIN_SOURCE;
/** GitHub team slugs: lower-case letters, digits, hyphens and underscores (GitHub writes them so). */
const TEAM_SLUG = '[A-Za-z0-9][A-Za-z0-9_.-]{0,99}';
const REPOSITORY = '[A-Za-z0-9_.-]{1,100}';

export const LOGIN_PATTERN = GITHUB_LOGIN;
export const TEAM_REFERENCE_PATTERN = new RegExp(`^@(${LOGIN})/(${TEAM_SLUG})$`);
/** A login or `@organization/team`, as a `members` entry may be written. */
export const MEMBER_NAME_PATTERN = new RegExp(`^(?:${LOGIN}|@${LOGIN}/${TEAM_SLUG})$`);
const REPOSITORY_PATTERN = new RegExp(`^(${LOGIN})/(${REPOSITORY})$`);

/** `@organization/team` as written in `members`. */
export interface TeamReference {
  readonly organization: string;
  readonly slug: string;
}

/** `@acme/webshop` → { organization: 'acme', slug: 'webshop' }; undefined for a plain login. */
export function parseTeamReference(text: string): TeamReference | undefined {
  const m = TEAM_REFERENCE_PATTERN.exec(text);
  return m?.[1] && m[2] ? { organization: m[1], slug: m[2] } : undefined;
}

export const teamReferenceText = (team: TeamReference): string => `@${team.organization}/${team.slug}`;

export const organizationSchema = z
  .string()
  .check(z.regex(LOGIN_PATTERN, 'not a GitHub organization (letters, digits and single hyphens, at most 39)'), z.describe('A GitHub organization.'));

export const repositoryNameSchema = z
  .string()
  .check(z.regex(REPOSITORY_PATTERN, 'not a repository written owner/name (for example acme/webshop)'), z.describe('A GitHub repository, owner/name.'));

/** `acme/webshop` → { owner, name } (the text has passed `repositoryNameSchema`). */
export function splitRepositoryName(text: string): { owner: string; name: string } {
  const slash = text.indexOf('/');
  return { owner: text.slice(0, slash), name: text.slice(slash + 1) };
}

/**
 * A repository's config that holds only `home: owner/name`: the team's config is the one in that
 * repository, so the team's other repositories point at it instead of copying it.
 */
export const teamPointerSchema = z.strictObject({
  home: repositoryNameSchema.check(
    z.describe("The team's home repository: its .github/team-support.yml is this team's config. A config with `home:` holds nothing else."),
  ),
});

export type TeamPointer = z.infer<typeof teamPointerSchema>;
