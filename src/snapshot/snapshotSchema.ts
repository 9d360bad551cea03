import * as z from 'zod/mini';

// zod/mini schemas for `teamSnapshot.graphql`'s response; every type the views use comes from these.

const actor = z.nullable(z.object({ login: z.string(), avatarUrl: z.optional(z.string()) }));

export const blockerCommentSchema = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  url: z.string(),
  author: actor,
});

export const blockerSchema = z.object({
  id: z.string(),
  number: z.int(),
  title: z.string(),
  url: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: actor,
  comments: z.object({ totalCount: z.int(), nodes: z.array(z.nullable(blockerCommentSchema)) }),
});

const pullRequestSchema = z.object({
  id: z.string(),
  number: z.int(),
  title: z.string(),
  url: z.string(),
  isDraft: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  headRefOid: z.string(),
  author: actor,
  reviewRequests: z.object({
    nodes: z.array(z.nullable(z.object({ requestedReviewer: z.nullable(z.object({ login: z.optional(z.string()) })) }))),
  }),
  reviews: z.object({
    nodes: z.array(
      z.nullable(
        z.object({
          state: z.string(),
          submittedAt: z.nullable(z.string()),
          author: actor,
          commit: z.nullable(z.object({ oid: z.string() })),
        }),
      ),
    ),
  }),
});

// `search` returns a union: other node types arrive as `{}` and are dropped.
const pullRequestSearch = z.object({
  nodes: z.pipe(
    z.array(z.unknown()),
    z.transform((nodes) =>
      nodes.flatMap((n) => {
        const pr = z.safeParse(pullRequestSchema, n);
        return pr.success ? [pr.data] : [];
      }),
    ),
  ),
});

const person = z.nullable(z.object({ login: z.string(), name: z.nullable(z.string()), avatarUrl: z.string() }));

export const teamSnapshotSchema = z.object({
  viewer: z.object({ login: z.string(), avatarUrl: z.string() }),
  rateLimit: z.nullable(z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() })),
  repository: z.nullable(
    z.object({
      id: z.string(),
      nameWithOwner: z.string(),
      url: z.string(),
      hasDiscussionsEnabled: z.boolean(),
      blockers: z.object({ totalCount: z.int(), nodes: z.array(z.nullable(blockerSchema)) }),
    }),
  ),
  partner: z.optional(person),
  checker: z.optional(person),
  partnerPullRequests: z.optional(pullRequestSearch),
  myPullRequests: pullRequestSearch,
});

export type TeamSnapshot = z.infer<typeof teamSnapshotSchema>;
export type Blocker = z.infer<typeof blockerSchema>;
export type BlockerComment = z.infer<typeof blockerCommentSchema>;
export type SnapshotPullRequest = z.infer<typeof pullRequestSchema>;
