import { z } from 'zod';
import { type TeamRecord, teamRecord } from './teams';

// The sandbox's data: plain JSON records (what seeds produce, what a state file holds). Every
// record carries `__typename` so GraphQL's abstract types (Node, Actor, search unions) resolve.

const iso = z.string();

export const userRecord = z.object({
  __typename: z.enum(['User', 'Organization']),
  id: z.string(),
  databaseId: z.number().int(),
  login: z.string(),
  name: z.string().nullable(),
  createdAt: iso,
});

export const repositoryRecord = z.object({
  __typename: z.literal('Repository'),
  id: z.string(),
  databaseId: z.number().int(),
  owner: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  isPrivate: z.boolean(),
  defaultBranch: z.string(),
  defaultBranchOid: z.string(),
  hasDiscussionsEnabled: z.boolean(),
  createdAt: iso,
  /** Logins with push access (collaborators, mentionable users). */
  collaborators: z.array(z.string()),
  /** Files on the default branch by path (`.github/team-support.yml` → its text), for `object(expression:)`. */
  files: z.record(z.string(), z.string()).default({}),
});

export const categoryRecord = z.object({
  __typename: z.literal('DiscussionCategory'),
  id: z.string(),
  repositoryId: z.string(),
  name: z.string(),
  slug: z.string(),
  emoji: z.string(),
  description: z.string().nullable(),
  isAnswerable: z.boolean(),
  createdAt: iso,
});

export const discussionRecord = z.object({
  __typename: z.literal('Discussion'),
  id: z.string(),
  databaseId: z.number().int(),
  repositoryId: z.string(),
  number: z.number().int(),
  categoryId: z.string(),
  title: z.string(),
  body: z.string(),
  author: z.string(),
  createdAt: iso,
  updatedAt: iso,
  closed: z.boolean(),
  closedAt: iso.nullable(),
  stateReason: z.enum(['RESOLVED', 'OUTDATED', 'DUPLICATE', 'REOPENED']).nullable(),
  answerId: z.string().nullable(),
  answerChosenAt: iso.nullable(),
  answerChosenBy: z.string().nullable(),
  locked: z.boolean(),
});

export const discussionCommentRecord = z.object({
  __typename: z.literal('DiscussionComment'),
  id: z.string(),
  databaseId: z.number().int(),
  discussionId: z.string(),
  replyToId: z.string().nullable(),
  body: z.string(),
  author: z.string(),
  createdAt: iso,
  updatedAt: iso,
});

export const commitRecord = z.object({ oid: z.string(), message: z.string(), committedDate: iso });

export const pullRequestRecord = z.object({
  __typename: z.literal('PullRequest'),
  id: z.string(),
  databaseId: z.number().int(),
  repositoryId: z.string(),
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  author: z.string(),
  createdAt: iso,
  updatedAt: iso,
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  isDraft: z.boolean(),
  closedAt: iso.nullable(),
  mergedAt: iso.nullable(),
  headRefName: z.string(),
  baseRefName: z.string(),
  additions: z.number().int(),
  deletions: z.number().int(),
  changedFiles: z.number().int(),
  /** Oldest first; the last one is the head. */
  commits: z.array(commitRecord).min(1),
});

export const reviewRecord = z.object({
  __typename: z.literal('PullRequestReview'),
  id: z.string(),
  databaseId: z.number().int(),
  pullRequestId: z.string(),
  author: z.string(),
  state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']),
  body: z.string(),
  submittedAt: iso.nullable(),
  createdAt: iso,
  commitOid: z.string().nullable(),
});

export const reviewRequestRecord = z.object({
  __typename: z.literal('ReviewRequest'),
  id: z.string(),
  pullRequestId: z.string(),
  reviewer: z.string(),
  createdAt: iso,
});

export const issueCommentRecord = z.object({
  __typename: z.literal('IssueComment'),
  id: z.string(),
  databaseId: z.number().int(),
  subjectId: z.string(),
  body: z.string(),
  author: z.string(),
  createdAt: iso,
  updatedAt: iso,
});

export const reactionContent = z.enum(['THUMBS_UP', 'THUMBS_DOWN', 'LAUGH', 'HOORAY', 'CONFUSED', 'HEART', 'ROCKET', 'EYES']);

export const reactionRecord = z.object({
  __typename: z.literal('Reaction'),
  id: z.string(),
  databaseId: z.number().int(),
  subjectId: z.string(),
  content: reactionContent,
  user: z.string(),
  createdAt: iso,
});

export const tokenRecord = z.object({ token: z.string(), login: z.string(), scopes: z.array(z.string()) });

/** A complete sandbox state: what seeds return, what `stateFile` holds, what `reset` accepts. */
export const seedDataSchema = z.object({
  /** Next sequence number for ids and database ids (keeps ids unique after reloads). */
  nextSeq: z.number().int().positive(),
  users: z.array(userRecord),
  repositories: z.array(repositoryRecord),
  categories: z.array(categoryRecord),
  discussions: z.array(discussionRecord),
  discussionComments: z.array(discussionCommentRecord),
  pullRequests: z.array(pullRequestRecord),
  reviews: z.array(reviewRecord),
  reviewRequests: z.array(reviewRequestRecord),
  issueComments: z.array(issueCommentRecord),
  reactions: z.array(reactionRecord),
  /** Extra tokens; `sandbox-token-<login>` always works for every user. */
  tokens: z.array(tokenRecord),
  /** Organizations' teams (older state files have none). */
  teams: z.array(teamRecord).default([]),
});

export type SeedData = z.infer<typeof seedDataSchema>;
export type UserRecord = z.infer<typeof userRecord>;
export type RepositoryRecord = z.infer<typeof repositoryRecord>;
export type CategoryRecord = z.infer<typeof categoryRecord>;
export type DiscussionRecord = z.infer<typeof discussionRecord>;
export type DiscussionCommentRecord = z.infer<typeof discussionCommentRecord>;
export type PullRequestRecord = z.infer<typeof pullRequestRecord>;
export type ReviewRecord = z.infer<typeof reviewRecord>;
export type ReviewRequestRecord = z.infer<typeof reviewRequestRecord>;
export type IssueCommentRecord = z.infer<typeof issueCommentRecord>;
export type ReactionRecord = z.infer<typeof reactionRecord>;
export type CommitRecord = z.infer<typeof commitRecord>;
export type AnyRecord =
  | UserRecord
  | RepositoryRecord
  | CategoryRecord
  | DiscussionRecord
  | DiscussionCommentRecord
  | PullRequestRecord
  | ReviewRecord
  | ReviewRequestRecord
  | IssueCommentRecord
  | ReactionRecord
  | TeamRecord;

/** Scopes a `sandbox-token-<login>` token has (a classic PAT suited to the extension). */
export const DEFAULT_SCOPES = ['repo', 'read:org', 'read:discussion', 'write:discussion'];
export const TOKEN_PREFIX = 'sandbox-token-';
