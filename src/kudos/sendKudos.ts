import type { Logger } from '../core/logger';
import { isGitHubError } from '../github/errors';
import type { GitHubGateway, RepoRef } from '../github/gateway';
import { sendKudosRequestSchema, type SendKudosRequest } from '../protocol/kudosProtocol';
import addKudosCommentDocument from './addKudosComment.graphql';
import addKudosHeartDocument from './addKudosHeart.graphql';
import kudosPullRequestDocument from './kudosPullRequest.graphql';
import type { GuardedPost, OutgoingText } from '../outgoing/outgoingGuard';
import { sameLogin } from '../protocol/githubLogin';
import { kudosMarkerSchema, kudosVisibleText } from '../protocol/kudosMarker';
import { addKudosCommentResponseSchema, addKudosHeartResponseSchema, kudosPullRequestResponseSchema } from './responseSchema';

/**
 * Sends a kudos: a comment on the pull request where the review happened, mentioning the
 * reviewer and carrying the hidden marker, plus an optional heart on the review. No vscode.
 */

/** A kudos we refuse to send, with the reason the user should read. */
export class KudosRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KudosRefused';
  }
}

export interface SendKudosInput {
  readonly gateway: GitHubGateway;
  readonly repo: RepoRef;
  readonly request: SendKudosRequest;
  readonly signal?: AbortSignal;
  readonly log?: Logger;
  /** The outgoing guard (scans the message, asks about findings); undefined from it cancels the kudos. */
  readonly guard: (text: OutgoingText) => Promise<GuardedPost | undefined>;
}

export interface SentKudos {
  readonly commentId: string;
  readonly url: string | undefined;
  readonly hearted: boolean;
  /** Why the heart could not be added, when it was asked for and failed. */
  /** Why the heart failed (the kudos comment itself was posted); shown through the error presenter. */
  readonly heartError?: unknown;
}

/** Kudos are for teammates: nobody thanks themselves (checked before asking for a message, and again against GitHub's viewer). */
export function isOwnReview(viewer: string | undefined, reviewer: string): boolean {
  return sameLogin(viewer, reviewer);
}

/** Sends the kudos; undefined when the guard's question about secrets was cancelled. */
export async function sendKudos(input: SendKudosInput): Promise<SentKudos | undefined> {
  const parsed = sendKudosRequestSchema.safeParse(input.request);
  if (!parsed.success) throw new KudosRefused(parsed.error.issues[0]?.message ?? 'The kudos is not valid.');
  const request = parsed.data;
  const { gateway, repo, signal } = input;

  const lookup = () =>
    gateway.query({
      document: kudosPullRequestDocument,
      variables: { owner: repo.owner, name: repo.name, number: request.prNumber },
      schema: kudosPullRequestResponseSchema,
      signal,
    });
  const first = await lookup();
  const viewer = first.viewer.login;
  const pr = first.repository?.pullRequest;
  if (!pr) throw new KudosRefused(`Pull request #${request.prNumber} was not found in ${repo.owner}/${repo.name}.`);
  if (isOwnReview(viewer, request.reviewer)) throw new KudosRefused('Kudos are for teammates: you can’t send kudos to yourself.');
  const reviews = pr.reviews.filter((r) => sameLogin(r.author ?? undefined, request.reviewer) && r.state !== 'PENDING');
  if (reviews.length === 0) throw new KudosRefused(`@${request.reviewer} has not reviewed #${request.prNumber}.`);

  const marker = kudosMarkerSchema.safeParse({ to: reviews[reviews.length - 1]?.author ?? request.reviewer, from: viewer, pr: pr.number });
  if (!marker.success) throw new KudosRefused(`@${request.reviewer} is not a GitHub login.`);
  const guarded = await input.guard({ body: kudosVisibleText(marker.data.to, request.message), hidden: { kind: 'kudos', marker: marker.data } });
  if (!guarded) return undefined;
  const body = guarded.body.text;

  const result = await gateway.mutate({
    document: addKudosCommentDocument,
    variables: { subjectId: pr.id, body: guarded.body },
    schema: addKudosCommentResponseSchema,
    signal,
    // A retry after a dropped connection first looks for our exact comment: no duplicate kudos.
    findApplied: async (s) => {
      const again = await gateway.query({
        document: kudosPullRequestDocument,
        variables: { owner: repo.owner, name: repo.name, number: request.prNumber },
        schema: kudosPullRequestResponseSchema,
        signal: s,
      });
      const existing = again.repository?.pullRequest?.comments.find(
        (c) => sameLogin(c.author ?? undefined, viewer) && c.body.trim() === body.trim(),
      );
      return existing ? { addComment: { commentEdge: { node: { id: existing.id, url: existing.url } } } } : undefined;
    },
  });
  const comment = result.addComment?.commentEdge?.node;
  if (!comment) throw new KudosRefused('GitHub did not confirm the comment; refresh to check whether it was posted.');

  if (!request.heart) return { commentId: comment.id, url: comment.url, hearted: false };
  // The heart goes on the review the user clicked, else the reviewer's latest review on this PR.
  const reviewId = reviews.some((r) => r.id === request.reviewId) ? request.reviewId : reviews[reviews.length - 1]?.id;
  if (reviewId === undefined) return { commentId: comment.id, url: comment.url, hearted: false };
  try {
    // Reactions are idempotent on GitHub (the same reaction twice is one), so a retry is harmless.
    await gateway.mutate({
      document: addKudosHeartDocument,
      variables: { subjectId: reviewId },
      schema: addKudosHeartResponseSchema,
      signal,
      findApplied: () => Promise.resolve(undefined),
    });
    return { commentId: comment.id, url: comment.url, hearted: true };
  } catch (e) {
    // The kudos itself went through; the heart is a nicety.
    const why = isGitHubError(e) ? e.message : 'unknown error';
    input.log?.warn(`Kudos: the comment was posted but the heart on the review failed (${why}).`);
    return { commentId: comment.id, url: comment.url, hearted: false, heartError: e };
  }
}
