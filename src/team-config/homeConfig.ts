import * as z from 'zod/mini';
import { asGitHubError, GitHubError } from '../github/errors';
import type { GitHubGateway, RepoRef } from '../github/gateway';
import { TEAM_CONFIG_PATH } from '../team/configPath';
import type { KeyValueStorage } from './githubTeams';
import homeConfigDocument from './homeConfig.graphql';

// The team's config read from its home repository on GitHub, for a repository whose own config is
// only `home: owner/name` while the home is not open in the workspace. Kept in storage: offline, or
// when GitHub refuses (no access, SSO), the last known text stands in. No vscode here.
// Read once per config load (activation, a change, the Refresh command), never per sidebar refresh:
// a refresh stays one request.

const blobSchema = z.object({
  __typename: z.literal('Blob'),
  /** null for a binary file. */
  text: z.nullable(z.string()),
  byteSize: z.number(),
  /** GitHub cuts `text` of a big file; a cut config would parse as another config. */
  isTruncated: z.boolean(),
});

export const homeConfigResponseSchema = z.object({
  repository: z.nullable(
    z.object({
      nameWithOwner: z.string(),
      // A folder (Tree) or a submodule's commit at that path is no config either.
      object: z.nullable(z.union([blobSchema, z.object({ __typename: z.enum(['Tree', 'Commit', 'Tag']) })])),
    }),
  ),
});

/** Last known home configs per GitHub instance and repository: `https://github.com|acme/webshop` → text. */
const cacheSchema = z.record(z.string(), z.object({ text: z.string(), readAt: z.number() }));
export const HOME_CONFIG_CACHE_KEY = 'teamSupport.team.homeConfigs';

/** Why the home's config is not (freshly) known. */
export type HomeConfigProblem =
  /** GitHub refused or could not be reached (not found or no access, SSO, scope, offline…). */
  | { readonly kind: 'github'; readonly error: GitHubError }
  /** Signed out: nothing can be read. */
  | { readonly kind: 'signedOut' }
  /** The home's default branch has no team config (or a folder at its path). */
  | { readonly kind: 'noFile' }
  /** Binary, or too big for GitHub to send whole. */
  | { readonly kind: 'notText'; readonly byteSize: number };

export type HomeConfigRead =
  | { readonly kind: 'read'; readonly text: string }
  | { readonly kind: 'lastKnown'; readonly text: string; readonly readAt: number; readonly problem: HomeConfigProblem }
  | { readonly kind: 'failed'; readonly problem: HomeConfigProblem };

export interface ReadHomeConfigInput {
  /** undefined while signed out: only the last known config. */
  readonly gateway: GitHubGateway | undefined;
  readonly home: RepoRef;
  readonly storage: KeyValueStorage;
  /** The GitHub instance (github.com's acme/webshop and an Enterprise server's are different repositories). */
  readonly webUrl: string;
  readonly now: () => number;
  readonly signal?: AbortSignal;
}

/** `HEAD:.github/team-support.yml`: the config on the home's default branch. */
export const HOME_CONFIG_EXPRESSION = `HEAD:${TEAM_CONFIG_PATH}`;

export async function readHomeConfig(input: ReadHomeConfigInput): Promise<HomeConfigRead> {
  const cacheKey = `${input.webUrl}|${input.home.owner}/${input.home.name}`.toLowerCase();
  const parsed = cacheSchema.safeParse(input.storage.get(HOME_CONFIG_CACHE_KEY));
  const cache: Record<string, { text: string; readAt: number }> = parsed.success ? { ...parsed.data } : {};
  const known = cache[cacheKey];
  const fallBack = (problem: HomeConfigProblem): HomeConfigRead => (known ? { kind: 'lastKnown', text: known.text, readAt: known.readAt, problem } : { kind: 'failed', problem });
  if (!input.gateway) return fallBack({ kind: 'signedOut' });

  let data: z.infer<typeof homeConfigResponseSchema>;
  try {
    data = await input.gateway.query({
      document: homeConfigDocument,
      variables: { owner: input.home.owner, name: input.home.name, expression: HOME_CONFIG_EXPRESSION },
      schema: homeConfigResponseSchema,
      ...(input.signal ? { signal: input.signal } : {}),
    });
  } catch (e) {
    const error = asGitHubError(e);
    if (error.kind === 'aborted') throw error;
    return fallBack({ kind: 'github', error });
  }
  const outcome = blobOutcome(data, input.home);
  if (outcome.kind === 'text') {
    cache[cacheKey] = { text: outcome.text, readAt: input.now() };
    await input.storage.update(HOME_CONFIG_CACHE_KEY, cache);
    return { kind: 'read', text: outcome.text };
  }
  if (outcome.problem.kind === 'github') return fallBack(outcome.problem);
  // GitHub answered: the home has no usable config now. An older copy would be a team that no longer is.
  if (known) {
    delete cache[cacheKey];
    await input.storage.update(HOME_CONFIG_CACHE_KEY, cache);
  }
  return { kind: 'failed', problem: outcome.problem };
}

/** What GitHub's answer holds: the config's text, or why not. */
export function blobOutcome(data: z.infer<typeof homeConfigResponseSchema>, home: RepoRef): { kind: 'text'; text: string } | { kind: 'problem'; problem: HomeConfigProblem } {
  const repository = data.repository;
  if (!repository) {
    const name = `${home.owner}/${home.name}`;
    return { kind: 'problem', problem: { kind: 'github', error: new GitHubError('notFound', `GitHub has no repository ${name} that this account can see.`, { githubMessage: name }) } };
  }
  const object = repository.object;
  if (!object || object.__typename !== 'Blob') return { kind: 'problem', problem: { kind: 'noFile' } };
  if (object.text === null || object.isTruncated) return { kind: 'problem', problem: { kind: 'notText', byteSize: object.byteSize } };
  return { kind: 'text', text: object.text };
}
