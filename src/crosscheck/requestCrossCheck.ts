import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { CrossCheckContext } from '../ctx';
import { GitHubError } from '../github/errors';
import type { GitHubGateway } from '../github/gateway';
import type { SnapshotPullRequest } from '../snapshot/snapshotSchema';
import userDocument from './crossCheckUser.graphql';
import reviewRequestsDocument from './pullRequestReviewRequests.graphql';
import requestDocument from './requestReviews.graphql';
import { isReviewRequested } from './reviewState';
import { sameLogin } from '../protocol/githubLogin';

const requestsSchema = z.object({
  reviewRequests: z.object({
    nodes: z.array(z.nullable(z.object({ requestedReviewer: z.nullable(z.object({ login: z.optional(z.string()) })) }))),
  }),
});
const userSchema = z.object({ user: z.nullable(z.object({ id: z.string(), login: z.string() })) });
const pullRequestSchema = z.extend(requestsSchema, { id: z.string(), number: z.int() });
const mutationSchema = z.object({
  requestReviews: z.nullable(z.object({ pullRequest: z.nullable(pullRequestSchema) })),
});
const nodeSchema = z.object({ node: z.nullable(z.partial(pullRequestSchema)) });

type Mutation = z.infer<typeof mutationSchema>;

const hasRequest = (nodes: z.infer<typeof requestsSchema>['reviewRequests']['nodes'], login: string): boolean =>
  nodes.some((n) => sameLogin(n?.requestedReviewer?.login ?? undefined, login));

/** Whether GitHub has an open review request for `checker` on `pr` now (another window may have asked). */
async function isRequestedNow(gateway: GitHubGateway, pr: Pick<SnapshotPullRequest, 'id'>, checker: string, signal?: AbortSignal): Promise<boolean> {
  const now = await gateway.query({ document: reviewRequestsDocument, variables: { id: pr.id }, schema: nodeSchema, ...(signal ? { signal } : {}) });
  const requests = now.node?.reviewRequests;
  return requests !== undefined && hasRequest(requests.nodes, checker);
}

/**
 * Asks GitHub for `checker`'s review on `pr`; resolves once GitHub has the request. A request that
 * is already open is not sent again (GitHub would notify the checker a second time): `already`.
 */
export async function requestReview(gateway: GitHubGateway, pr: Pick<SnapshotPullRequest, 'id' | 'number'>, checker: string): Promise<'requested' | 'already'> {
  if (await isRequestedNow(gateway, pr, checker)) return 'already';
  const user = await gateway.query({ document: userDocument, variables: { login: checker }, schema: userSchema });
  if (!user.user) throw new GitHubError('notFound', `GitHub has no user @${checker}.`, { user: checker });
  const userId = user.user.id;
  await gateway.mutate({
    document: requestDocument,
    variables: { pullRequestId: pr.id, userIds: [userId] },
    schema: mutationSchema,
    // The request may have landed before the connection dropped: then it is in reviewRequests.
    findApplied: async (signal): Promise<Mutation | undefined> =>
      (await isRequestedNow(gateway, pr, checker, signal)) ? { requestReviews: { pullRequest: { id: pr.id, number: pr.number, reviewRequests: { nodes: [] } } } } : undefined,
  });
  return 'requested';
}

/** `teamSupport.crossCheck.requestMine`: on a tree item, a pull request, or (palette) a QuickPick of mine. */
export async function requestMyCrossCheck(ctx: CrossCheckContext, checker: string | undefined, given: SnapshotPullRequest | undefined): Promise<boolean> {
  if (!checker) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nobody cross-checks you this cycle, so there is no one to ask.'));
    return false;
  }
  const gateway = await ctx.session.ensureSignedIn();
  if (!gateway) return false;
  let pr = given;
  if (!pr) {
    const mine = ctx.teamSnapshot.snapshot?.myPullRequests.nodes ?? [];
    if (mine.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('You have no open pull requests in this repository.'));
      return false;
    }
    const picked = await vscode.window.showQuickPick(
      mine.map((p) => ({
        label: `#${p.number} ${p.title}`,
        description: isReviewRequested(p, checker) ? vscode.l10n.t('@{0} already requested', checker) : p.isDraft ? vscode.l10n.t('draft') : '',
        pr: p,
      })),
      { title: vscode.l10n.t('Request a cross-check from @{0}', checker), placeHolder: vscode.l10n.t('Pick one of your open pull requests') },
    );
    if (!picked) return false;
    pr = picked.pr;
  }
  // The latest snapshot's copy of the pull request: a tree item may have been rendered before the request.
  const target = ctx.teamSnapshot.snapshot?.myPullRequests.nodes.find((p) => p.id === pr.id) ?? pr;
  const already = (): boolean => {
    void vscode.window.showInformationMessage(vscode.l10n.t('@{0} is already asked to cross-check #{1}; GitHub has the request.', checker, target.number));
    return false;
  };
  if (isReviewRequested(target, checker)) return already();
  let outcome: 'requested' | 'already';
  try {
    outcome = await vscode.window.withProgress(
      { location: { viewId: 'teamSupport.today' }, title: vscode.l10n.t('Requesting a cross-check…') },
      () => requestReview(gateway, target, checker),
    );
  } catch (e) {
    ctx.log.warn(`Requesting @${checker}'s review on #${target.number} failed: ${e instanceof Error ? e.message : String(e)}`);
    void ctx.errors.show(e, {
      context: vscode.l10n.t('Could not request the cross-check.'),
      retry: () => requestMyCrossCheck(ctx, checker, target),
    });
    return false;
  }
  // Show GitHub's state, not a local flag: the next snapshot has the request.
  await ctx.teamSnapshot.refresh();
  if (outcome === 'already') return already();
  void vscode.window.showInformationMessage(vscode.l10n.t('Asked @{0} to cross-check #{1}.', checker, target.number));
  return true;
}
