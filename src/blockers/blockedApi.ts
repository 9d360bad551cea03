import * as z from 'zod/mini';
import type { GitHubGateway, RepoRef } from '../github/gateway';
import type { GuardedText } from '../outgoing/outgoingGuard';
import addCommentDocument from './addComment.graphql';
import closeDiscussionDocument from './closeDiscussion.graphql';
import createDiscussionDocument from './createDiscussion.graphql';
import discussionCommentsDocument from './discussionComments.graphql';
import markAnswerDocument from './markAnswer.graphql';
import { hasMarker } from '../protocol/blockerMarker';
import recentBlockersDocument from './recentBlockers.graphql';
import { hasReplyKey } from '../protocol/replyMarker';

/**
 * The #Blocked calls, through the gateway. Posting passes `findApplied`: when a post may have
 * reached GitHub before the connection dropped, the gateway looks for the draft's marker first,
 * so a retry never posts twice. No editor here.
 */

const createdSchema = z.object({
  createDiscussion: z.object({ discussion: z.object({ id: z.string(), number: z.int(), url: z.string() }) }),
});
const recentSchema = z.object({
  repository: z.nullable(
    z.object({
      discussions: z.object({
        nodes: z.array(z.nullable(z.object({ id: z.string(), number: z.int(), url: z.string(), body: z.string() }))),
      }),
    }),
  ),
});
const commentAddedSchema = z.object({ addDiscussionComment: z.object({ comment: z.object({ id: z.string(), url: z.string() }) }) });
const commentNode = z.object({
  id: z.string(),
  url: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: z.nullable(z.object({ login: z.string() })),
});
const commentsSchema = z.object({
  node: z.nullable(
    z.object({
      id: z.optional(z.string()),
      closed: z.optional(z.boolean()),
      isAnswered: z.optional(z.nullable(z.boolean())),
      comments: z.optional(z.object({ nodes: z.array(z.nullable(commentNode)) })),
    }),
  ),
});
const answeredSchema = z.object({ markDiscussionCommentAsAnswer: z.object({ discussion: z.object({ id: z.string() }) }) });
const closedSchema = z.object({ closeDiscussion: z.object({ discussion: z.object({ id: z.string(), closed: z.boolean() }) }) });

export type PostedDiscussion = z.infer<typeof createdSchema>['createDiscussion']['discussion'];
export type DiscussionComment = z.infer<typeof commentNode>;

export interface CreateBlockerArgs {
  readonly repo: RepoRef;
  readonly repositoryId: string;
  readonly categoryId: string;
  readonly title: GuardedText;
  readonly body: GuardedText;
  readonly draftId: string;
  readonly signal?: AbortSignal;
}

export async function createBlocker(gateway: GitHubGateway, args: CreateBlockerArgs): Promise<PostedDiscussion> {
  const result = await gateway.mutate({
    document: createDiscussionDocument,
    variables: { repositoryId: args.repositoryId, categoryId: args.categoryId, title: args.title, body: args.body },
    schema: createdSchema,
    ...(args.signal ? { signal: args.signal } : {}),
    findApplied: async (signal) => {
      const found = await findPostedBlocker(gateway, args.repo, args.categoryId, args.draftId, signal);
      return found ? { createDiscussion: { discussion: found } } : undefined;
    },
  });
  return result.createDiscussion.discussion;
}

export async function findPostedBlocker(
  gateway: GitHubGateway,
  repo: RepoRef,
  categoryId: string,
  draftId: string,
  signal: AbortSignal | undefined,
): Promise<PostedDiscussion | undefined> {
  const data = await gateway.query({
    document: recentBlockersDocument,
    variables: { owner: repo.owner, name: repo.name, categoryId },
    schema: recentSchema,
    ...(signal ? { signal } : {}),
  });
  const hit = data.repository?.discussions.nodes.find((n) => n !== null && hasMarker(n.body, draftId));
  return hit ? { id: hit.id, number: hit.number, url: hit.url } : undefined;
}

/** Posts a reply whose body carries the reply marker with `key` (see replyMarker.ts), found again on retry. */
export async function addReply(
  gateway: GitHubGateway,
  args: { discussionId: string; body: GuardedText; key: string; signal?: AbortSignal },
): Promise<{ id: string; url: string }> {
  const result = await gateway.mutate({
    document: addCommentDocument,
    variables: { discussionId: args.discussionId, body: args.body },
    schema: commentAddedSchema,
    ...(args.signal ? { signal: args.signal } : {}),
    findApplied: async (signal) => {
      const comments = await listComments(gateway, args.discussionId, signal);
      const hit = comments.find((c) => hasReplyKey(c.body, args.key));
      return hit ? { addDiscussionComment: { comment: { id: hit.id, url: hit.url } } } : undefined;
    },
  });
  return result.addDiscussionComment.comment;
}

/** A discussion's last 50 comments, oldest first. */
export async function listComments(gateway: GitHubGateway, discussionId: string, signal?: AbortSignal): Promise<DiscussionComment[]> {
  const data = await gateway.query({ document: discussionCommentsDocument, variables: { id: discussionId }, schema: commentsSchema, ...(signal ? { signal } : {}) });
  return (data.node?.comments?.nodes ?? []).filter((c): c is DiscussionComment => c !== null);
}

/** Marking an answer twice is harmless, so a retry needs no lookup. */
export async function markAnswer(gateway: GitHubGateway, commentId: string, signal?: AbortSignal): Promise<void> {
  await gateway.mutate({ document: markAnswerDocument, variables: { id: commentId }, schema: answeredSchema, ...(signal ? { signal } : {}) });
}

export async function closeResolved(gateway: GitHubGateway, discussionId: string, signal?: AbortSignal): Promise<void> {
  await gateway.mutate({ document: closeDiscussionDocument, variables: { discussionId }, schema: closedSchema, ...(signal ? { signal } : {}) });
}
