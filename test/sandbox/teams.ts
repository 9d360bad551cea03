import * as z from 'zod/mini';
import { connection } from './connection';
import { type ExecContext, GitHubResolverError, type TypeResolvers, page, str } from './context';
import { requireSamlAuthorization } from './gitObjects';
import type { UserRecord } from './model';

// Organizations' teams, as GitHub's schema has them: `organization(login).team(slug)` (null when
// there is no such team) with `members`, `viewerCanAdminister`, `combinedSlug`. Reading a team
// needs the `read:org` scope; without it GitHub answers INSUFFICIENT_SCOPES on the `team` field.

export const teamRecord = z.object({
  __typename: z.literal('Team'),
  id: z.string(),
  databaseId: z.number().check(z.int()),
  organization: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.nullable(z.string()),
  privacy: z.enum(['VISIBLE', 'SECRET']),
  /** Member logins; `maintainers` may administer the team (as may the organization's owners). */
  members: z.array(z.string()),
  maintainers: z.array(z.string()),
  createdAt: z.string(),
});

export type TeamRecord = z.infer<typeof teamRecord>;

const TEAM_SCOPES = ['read:org', 'write:org', 'admin:org'];

function requireReadOrg(ctx: ExecContext): void {
  if (TEAM_SCOPES.some((s) => ctx.scopes.includes(s))) return;
  throw new GitHubResolverError(
    'INSUFFICIENT_SCOPES',
    `Your token has not been granted the required scopes to execute this query. The 'team' field requires one of the following scopes: [${TEAM_SCOPES.map((s) => `'${s}'`).join(', ')}], but your token has only been granted the: [${ctx.scopes.map((s) => `'${s}'`).join(', ')}] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.`,
  );
}

/** `Organization.team(slug)`: the team, or null (GitHub's answer for an unknown or secret team). */
export function organizationTeam(org: UserRecord, slug: string, ctx: ExecContext): TeamRecord | null {
  requireReadOrg(ctx);
  requireSamlAuthorization(ctx, org.login);
  const team = ctx.store.team(org.login, slug);
  if (!team) return null;
  const viewer = ctx.viewer.login.toLowerCase();
  // A secret team is visible only to its members (and owners, which the sandbox does not model).
  if (team.privacy === 'SECRET' && !team.members.some((m) => m.toLowerCase() === viewer)) return null;
  return team;
}

export const teamResolvers: TypeResolvers<TeamRecord> = {
  organization: (t, _a, ctx) => ctx.store.account(t.organization) ?? null,
  combinedSlug: (t) => `${t.organization}/${t.slug}`,
  members: (t, a, ctx) => {
    const users = t.members.flatMap((login) => {
      const u = ctx.store.user(login);
      return u ? [u] : [];
    });
    const query = (str(a.query) ?? '').toLowerCase();
    const matching = query ? users.filter((u) => u.login.toLowerCase().includes(query) || (u.name ?? '').toLowerCase().includes(query)) : users;
    const c = connection(matching, page(a), (u) => u.id);
    return { ...c, edges: c.edges.map((e) => ({ ...e, role: t.maintainers.includes(e.node.login) ? 'MAINTAINER' : 'MEMBER' })) };
  },
  viewerCanAdminister: (t, _a, ctx) => t.maintainers.some((m) => m.toLowerCase() === ctx.viewer.login.toLowerCase()),
  url: (t, _a, ctx) => `${ctx.baseUrl}/orgs/${t.organization}/teams/${t.slug}`,
  updatedAt: (t) => t.createdAt,
};
