import type { TeamScope } from '../team/teamScope';

/**
 * The variables of `teamSnapshot.graphql` for a team: blockers from the home repository, and the
 * partner's and the viewer's open pull requests across all of the team's repositories, each in ONE
 * search (`repo:a/x repo:a/y is:pr is:open author:…`), so a refresh is one request of the same cost
 * however many repositories the team has. No vscode: the benchmark builds the same request.
 */
export function teamSnapshotVariables(team: TeamScope, categoryId: string, viewer: string | undefined, pair: { partner?: string | undefined; checker?: string | undefined }) {
  const scope = `${team.qualifiers} is:pr is:open`;
  return {
    owner: team.home.owner,
    name: team.home.name,
    categoryId,
    partnerPulls: pair.partner ? `${scope} author:${pair.partner}` : scope,
    myPulls: `${scope} author:${viewer ?? '@me'}`,
    hasPartner: pair.partner !== undefined,
    partner: pair.partner ?? '',
    hasChecker: pair.checker !== undefined,
    checker: pair.checker ?? '',
  };
}
