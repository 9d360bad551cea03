import * as z from 'zod/mini';
import type { BlockedCategory } from './teamSnapshotStore';
import { GitHubError } from '../github/errors';
import type { GitHubGateway, RepoRef } from '../github/gateway';
import { isBlockedCategoryName } from '../team/blockedCategoryName';
import document from './blockedCategory.graphql';

const categoriesSchema = z.object({
  repository: z.nullable(
    z.object({
      url: z.string(),
      hasDiscussionsEnabled: z.boolean(),
      discussionCategories: z.object({
        nodes: z.array(z.nullable(z.object({ id: z.string(), name: z.string(), slug: z.string(), isAnswerable: z.boolean() }))),
      }),
    }),
  ),
});

/**
 * Finds the Discussions category that holds #Blocked requests (by name or slug, case-insensitive).
 * Fails with `discussionsDisabled` / `categoryMissing` carrying the page that fixes it.
 */
export async function findBlockedCategory(
  gateway: GitHubGateway,
  repo: RepoRef,
  categoryName: string,
  signal?: AbortSignal,
): Promise<BlockedCategory> {
  const { repository } = await gateway.query({
    document,
    variables: { owner: repo.owner, name: repo.name },
    schema: categoriesSchema,
    ...(signal ? { signal } : {}),
  });
  const full = `${repo.owner}/${repo.name}`;
  if (!repository) {
    throw new GitHubError('notFound', `GitHub has no repository ${full} that your account can see. Check the git remote or the teamSupport.repository setting.`, { repo: full });
  }
  if (!repository.hasDiscussionsEnabled) {
    throw new GitHubError('discussionsDisabled', `Discussions are turned off for ${full}. A maintainer can turn them on in the repository settings (Features → Discussions).`, {
      url: `${repository.url}/settings`,
      repo: full,
    });
  }
  const found = repository.discussionCategories.nodes.find((c) => c !== null && (isBlockedCategoryName(c.name, categoryName) || isBlockedCategoryName(c.slug, categoryName)));
  if (!found) {
    throw new GitHubError(
      'categoryMissing',
      `${full} has no Discussions category named "${categoryName}". Create it (format: Question/Answer), or set blocked.category in the team config.`,
      { url: `${repository.url}/discussions/categories/new`, repo: full, category: categoryName },
    );
  }
  return { id: found.id, name: found.name, isAnswerable: found.isAnswerable };
}
