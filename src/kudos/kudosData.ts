import { GitHubError } from '../github/errors';
import type { GitHubGateway, RepoRef } from '../github/gateway';
import type { Logger } from '../core/logger';
import { withFragments } from '../github/graphqlFragments';
import kudosDiscussions from './kudosDiscussions.graphql';
import kudosFragments from './kudosFragments.graphql';
import kudosPulls from './kudosPulls.graphql';
import kudosWindow from './kudosWindow.graphql';

import {
  kudosDiscussionsResponseSchema,
  kudosPullsResponseSchema,
  kudosWindowResponseSchema,
  type DiscussionData,
  type KudosData,
  type PullRequestData,
} from './responseSchema';

const kudosWindowDocument = withFragments(kudosWindow, kudosFragments);
const kudosPullsDocument = withFragments(kudosPulls, kudosFragments);
const kudosDiscussionsDocument = withFragments(kudosDiscussions, kudosFragments);

/**
 * Fetches what the Kudos panel needs since `since` in as few requests as the data allows: one
 * `kudosWindow` query (pull requests with reviews and comments, plus the first 100 recently
 * updated #Blocked discussions). Only a large window needs more: `gateway.paginate` walks the rest
 * of the pull request search from the first page's cursor, and `kudosDiscussions` more discussion
 * pages until they reach back past `since`. No vscode: the benchmark reuses it.
 */

export interface FetchKudosInput {
  readonly gateway: GitHubGateway;
  /** The team's home repository: its #Blocked discussions. */
  readonly repo: RepoRef;
  /** Search qualifiers for all of the team's repositories (`repo:a/x repo:a/y`, `org:a`); default `repo:` the home. */
  readonly qualifiers?: string;
  readonly since: number;
  /** The #Blocked category's id when known (else every category, filtered by name later). */
  readonly categoryId?: string;
  readonly signal?: AbortSignal;
  readonly log?: Logger;
}

export interface FetchedKudos extends KudosData {
  readonly viewer: string;
  readonly nameWithOwner: string;
}

/** The search query for pull requests updated since the day of `since` (UTC, inclusive), in all of the team's repositories. */
export function pullsSearchQuery(repo: RepoRef, since: number, qualifiers = `repo:${repo.owner}/${repo.name}`): string {
  return `${qualifiers} is:pr updated:>=${new Date(since).toISOString().slice(0, 10)}`;
}

/** Discussion pages beyond the first (100 each): a bound so a huge category can't run away. */
const MAX_DISCUSSION_PAGES = 20;
/** GitHub's search returns at most 1,000 results. */
const SEARCH_LIMIT = 1000;

export async function fetchKudosData(input: FetchKudosInput): Promise<FetchedKudos> {
  const { gateway, repo, since, signal } = input;
  const pulls = pullsSearchQuery(repo, since, input.qualifiers);
  const categoryId = input.categoryId ?? null;
  const first = await gateway.query({
    document: kudosWindowDocument,
    variables: { owner: repo.owner, name: repo.name, pulls, categoryId },
    schema: kudosWindowResponseSchema,
    signal,
  });
  if (!first.repository) {
    const full = `${repo.owner}/${repo.name}`;
    throw new GitHubError('notFound', `Repository ${full} was not found or is not visible to this account.`, { repo: full });
  }

  const pullRequests: PullRequestData[] = [...first.pulls.nodes];
  if (first.pulls.pageInfo.hasNextPage && first.pulls.pageInfo.endCursor) {
    // The paginate plugin starts from the `cursor` we pass and merges every page's nodes.
    const rest = await gateway.paginate({
      document: kudosPullsDocument,
      variables: { pulls, cursor: first.pulls.pageInfo.endCursor },
      schema: kudosPullsResponseSchema,
      signal,
    });
    // A PR updated between two pages can show up twice: keep the first.
    const seen = new Set(pullRequests.map((p) => p.id));
    for (const p of rest.pulls.nodes) if (!seen.has(p.id) && seen.add(p.id)) pullRequests.push(p);
  }

  const discussions: DiscussionData[] = [...first.repository.blockers.nodes];
  let page = first.repository.blockers.pageInfo;
  let pages = 0;
  // Discussions come newest-updated first: stop once a page reaches back past `since`.
  const reachesBack = (): boolean => (discussions[discussions.length - 1]?.updatedAt ?? Number.NEGATIVE_INFINITY) < since;
  while (page.hasNextPage && page.endCursor && !reachesBack() && pages < MAX_DISCUSSION_PAGES) {
    const more = await gateway.query({
      document: kudosDiscussionsDocument,
      variables: { owner: repo.owner, name: repo.name, categoryId, cursor: page.endCursor },
      schema: kudosDiscussionsResponseSchema,
      signal,
    });
    if (!more.repository) break;
    discussions.push(...more.repository.blockers.nodes);
    page = more.repository.blockers.pageInfo;
    pages++;
  }
  const truncated = first.pulls.issueCount > SEARCH_LIMIT || (page.hasNextPage && !reachesBack());
  if (truncated) input.log?.warn(`Kudos: the data for ${repo.owner}/${repo.name} was cut at GitHub's page limits.`);
  return { viewer: first.viewer.login, nameWithOwner: first.repository.nameWithOwner, pullRequests, discussions, truncated };
}

