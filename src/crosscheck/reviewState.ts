import type { SnapshotPullRequest } from '../snapshot/snapshotSchema';
import { sameLogin } from '../protocol/githubLogin';

/**
 * Where a pull request stands for one reviewer, from the sidebar snapshot alone (pure: no vscode).
 * - `requested`: GitHub has an open review request for them (also after a re-request);
 * - `changed`: they reviewed, and the head commit moved since their latest review;
 * - `reviewed`: their latest review is of the current head commit;
 * - `notReviewed`: none of the above.
 */
export type ReviewState = 'requested' | 'changed' | 'reviewed' | 'notReviewed';

type Review = NonNullable<SnapshotPullRequest['reviews']['nodes'][number]>;

export function isReviewRequested(pr: SnapshotPullRequest, login: string): boolean {
  return pr.reviewRequests.nodes.some((n) => sameLogin(n?.requestedReviewer?.login, login));
}

/** The reviewer's latest submitted review (pending drafts are not reviews yet). */
export function latestReviewBy(pr: SnapshotPullRequest, login: string): Review | undefined {
  let latest: Review | undefined;
  for (const r of pr.reviews.nodes) {
    if (!r || r.state === 'PENDING' || !sameLogin(r.author?.login, login)) continue;
    // `reviews(last: n)` is oldest first; submittedAt breaks ties if GitHub ever reorders.
    if (!latest || (r.submittedAt ?? '') >= (latest.submittedAt ?? '')) latest = r;
  }
  return latest;
}

export function reviewStateFor(pr: SnapshotPullRequest, reviewer: string): ReviewState {
  if (isReviewRequested(pr, reviewer)) return 'requested';
  const latest = latestReviewBy(pr, reviewer);
  if (!latest) return 'notReviewed';
  // A review without a commit (force-pushed away) counts as outdated.
  return latest.commit?.oid === pr.headRefOid ? 'reviewed' : 'changed';
}
