import * as z from 'zod/mini';
import type { GitHubGateway, RepoRef } from '../github/gateway';
import type { TeamConfigState } from '../team-config/teamConfigState';
import type { TeamSnapshot } from '../snapshot/snapshotSchema';
import contributorsQuery from './contributors.graphql';

export const contributorsSchema = z.object({
  repository: z.nullable(
    z.object({
      mentionableUsers: z.object({ nodes: z.array(z.nullable(z.object({ login: z.string() }))) }),
    }),
  ),
});

export async function fetchContributors(gateway: GitHubGateway, repo: RepoRef, signal?: AbortSignal): Promise<string[]> {
  const data = await gateway.query({
    document: contributorsQuery,
    variables: { owner: repo.owner, name: repo.name },
    schema: contributorsSchema,
    ...(signal ? { signal } : {}),
  });
  return (data.repository?.mentionableUsers.nodes ?? []).flatMap((n) => (n ? [n.login] : []));
}

/** Logins the editor already knows without another request: the team, the viewer, blocker and PR authors. */
export function knownLogins(snapshot: TeamSnapshot | undefined, team: TeamConfigState): string[] {
  const logins: string[] = [];
  if (team.kind === 'ok') logins.push(...team.config.members);
  if (snapshot) {
    logins.push(snapshot.viewer.login);
    if (snapshot.partner) logins.push(snapshot.partner.login);
    if (snapshot.checker) logins.push(snapshot.checker.login);
    for (const b of snapshot.repository?.blockers.nodes ?? []) {
      if (b?.author) logins.push(b.author.login);
      for (const c of b?.comments.nodes ?? []) if (c?.author) logins.push(c.author.login);
    }
    for (const pr of [...(snapshot.partnerPullRequests?.nodes ?? []), ...snapshot.myPullRequests.nodes]) {
      if (pr.author) logins.push(pr.author.login);
    }
  }
  return logins;
}
