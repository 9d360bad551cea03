import { z } from 'zod';

// zod schemas for `sidebar.graphql`'s response; every type the views use comes from these.

const actor = z.object({ login: z.string(), avatarUrl: z.string().optional() }).nullable();

export const blockerCommentSchema = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  url: z.string(),
  author: actor,
});

export const blockerSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: actor,
  comments: z.object({ totalCount: z.number().int(), nodes: z.array(blockerCommentSchema.nullable()) }),
});

const pullRequestSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  isDraft: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  headRefOid: z.string(),
  author: actor,
  reviewRequests: z.object({
    nodes: z.array(z.object({ requestedReviewer: z.object({ login: z.string().optional() }).nullable() }).nullable()),
  }),
  reviews: z.object({
    nodes: z.array(
      z
        .object({
          state: z.string(),
          submittedAt: z.string().nullable(),
          author: actor,
          commit: z.object({ oid: z.string() }).nullable(),
        })
        .nullable(),
    ),
  }),
});

// `search` returns a union: other node types arrive as `{}` and are dropped.
const pullRequestSearch = z.object({
  nodes: z.array(z.unknown()).transform((nodes) =>
    nodes.flatMap((n) => {
      const pr = pullRequestSchema.safeParse(n);
      return pr.success ? [pr.data] : [];
    }),
  ),
});

const person = z.object({ login: z.string(), name: z.string().nullable(), avatarUrl: z.string() }).nullable();

export const sidebarSnapshotSchema = z.object({
  viewer: z.object({ login: z.string(), avatarUrl: z.string() }),
  rateLimit: z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() }).nullable(),
  repository: z
    .object({
      id: z.string(),
      nameWithOwner: z.string(),
      url: z.string(),
      hasDiscussionsEnabled: z.boolean(),
      blockers: z.object({ totalCount: z.number().int(), nodes: z.array(blockerSchema.nullable()) }),
    })
    .nullable(),
  partner: person.optional(),
  checker: person.optional(),
  partnerPullRequests: pullRequestSearch.optional(),
  myPullRequests: pullRequestSearch,
});

export type SidebarSnapshot = z.infer<typeof sidebarSnapshotSchema>;
export type Blocker = z.infer<typeof blockerSchema>;
export type BlockerComment = z.infer<typeof blockerCommentSchema>;
export type SidebarPullRequest = z.infer<typeof pullRequestSchema>;
