import type { IndexGroup } from './store';
import { type ExecContext, GitHubResolverError, type Resolver, obj, str, strList } from './context';
import { isoTime, nodeId } from './ids';
import { reactionContent, type DiscussionRecord, type RepositoryRecord } from './model';
import { SeedBuilder } from './seeds/builder';

// The mutations the extension uses, with GitHub's validations and error types. Each one records
// its field name in `ctx.applied` once state changed (the "drop after stored" fault keys on it).

const nf = (id: string): GitHubResolverError => new GitHubResolverError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);

function input(a: { readonly [k: string]: unknown }): { readonly [k: string]: unknown } {
  return obj(a.input);
}

function requireScope(ctx: ExecContext, field: string, anyOf: string[]): void {
  if (!anyOf.some((s) => ctx.scopes.includes(s))) {
    throw new GitHubResolverError(
      'INSUFFICIENT_SCOPES',
      `Your token has not been granted the required scopes to execute this query. The '${field}' field requires one of the following scopes: [${anyOf.map((s) => `'${s}'`).join(', ')}], but your token has only been granted the: [${ctx.scopes.map((s) => `'${s}'`).join(', ')}] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.`,
    );
  }
}

function nonBlank(v: unknown, what: string): string {
  const s = str(v) ?? '';
  if (s.trim() === '') throw new GitHubResolverError('UNPROCESSABLE', `${what} can't be blank`);
  return s;
}

function done<T extends object>(
  ctx: ExecContext,
  field: string,
  clientMutationId: unknown,
  payload: T,
  groups: readonly IndexGroup[],
): T & { clientMutationId: string | null } {
  ctx.store.changed(groups);
  ctx.applied.push(field);
  return { clientMutationId: str(clientMutationId), ...payload };
}

function repoOf(ctx: ExecContext, d: DiscussionRecord): RepositoryRecord {
  const r = ctx.store.repositoryById(d.repositoryId);
  if (!r) throw nf(d.repositoryId);
  return r;
}

const DISCUSSION_SCOPES = ['repo', 'public_repo', 'write:discussion'];

export const mutationResolvers: Readonly<Record<string, Resolver<unknown>>> = {
  createDiscussion: (_s, a, ctx) => {
    requireScope(ctx, 'createDiscussion', DISCUSSION_SCOPES);
    const i = input(a);
    const repoId = str(i.repositoryId) ?? '';
    const repo = ctx.store.repositoryById(repoId);
    if (!repo) throw nf(repoId);
    if (!repo.hasDiscussionsEnabled) throw new GitHubResolverError('UNPROCESSABLE', 'Discussions are disabled for this repository.');
    const catId = str(i.categoryId) ?? '';
    const cat = ctx.store.get(catId, 'DiscussionCategory');
    if (!cat || cat.repositoryId !== repo.id) throw nf(catId);
    const title = nonBlank(i.title, 'Title');
    const body = nonBlank(i.body, 'Body');
    const b = new SeedBuilder(ctx.store.data);
    const discussion = b.discussion(repo, cat, { title, body, author: ctx.viewer.login, createdAt: isoTime(ctx.now()) });
    return done(ctx, 'createDiscussion', i.clientMutationId, { discussion }, ['discussions']);
  },

  addDiscussionComment: (_s, a, ctx) => {
    requireScope(ctx, 'addDiscussionComment', DISCUSSION_SCOPES);
    const i = input(a);
    const id = str(i.discussionId) ?? '';
    const d = ctx.store.get(id, 'Discussion');
    if (!d) throw nf(id);
    if (d.locked) throw new GitHubResolverError('FORBIDDEN', 'This discussion is locked.');
    const body = nonBlank(i.body, 'Body');
    const replyToId = str(i.replyToId);
    const parent = replyToId ? ctx.store.get(replyToId, 'DiscussionComment') : undefined;
    if (replyToId && !parent) throw nf(replyToId);
    if (parent && parent.discussionId !== d.id) throw new GitHubResolverError('UNPROCESSABLE', 'Reply to must belong to the same discussion.');
    if (parent?.replyToId) throw new GitHubResolverError('UNPROCESSABLE', 'Replies to replies are not supported; reply to the top-level comment.');
    const b = new SeedBuilder(ctx.store.data);
    const comment = b.comment(repoOf(ctx, d), d, { body, author: ctx.viewer.login, createdAt: isoTime(ctx.now()), ...(parent ? { replyTo: parent } : {}) });
    return done(ctx, 'addDiscussionComment', i.clientMutationId, { comment }, ['comments']);
  },

  updateDiscussion: (_s, a, ctx) => {
    requireScope(ctx, 'updateDiscussion', DISCUSSION_SCOPES);
    const i = input(a);
    const id = str(i.discussionId) ?? '';
    const d = ctx.store.get(id, 'Discussion');
    if (!d) throw nf(id);
    if (d.author !== ctx.viewer.login && !repoOf(ctx, d).collaborators.includes(ctx.viewer.login)) throw new GitHubResolverError('FORBIDDEN', 'Viewer cannot update this discussion.');
    if (i.title !== undefined && i.title !== null) d.title = nonBlank(i.title, 'Title');
    if (i.body !== undefined && i.body !== null) d.body = nonBlank(i.body, 'Body');
    const cat = str(i.categoryId);
    if (cat) {
      if (ctx.store.get(cat, 'DiscussionCategory')?.repositoryId !== d.repositoryId) throw nf(cat);
      d.categoryId = cat;
    }
    d.updatedAt = isoTime(ctx.now());
    return done(ctx, 'updateDiscussion', i.clientMutationId, { discussion: d }, ['discussions']);
  },

  markDiscussionCommentAsAnswer: (_s, a, ctx) => {
    requireScope(ctx, 'markDiscussionCommentAsAnswer', DISCUSSION_SCOPES);
    const i = input(a);
    const id = str(i.id) ?? '';
    const c = ctx.store.get(id, 'DiscussionComment');
    if (!c) throw nf(id);
    const d = ctx.store.get(c.discussionId, 'Discussion');
    if (!d) throw nf(c.discussionId);
    if (!ctx.store.get(d.categoryId, 'DiscussionCategory')?.isAnswerable) throw new GitHubResolverError('UNPROCESSABLE', 'Discussion category does not support answers.');
    if (c.replyToId) throw new GitHubResolverError('UNPROCESSABLE', 'Only top-level comments can be marked as the answer.');
    if (d.author !== ctx.viewer.login && !repoOf(ctx, d).collaborators.includes(ctx.viewer.login)) throw new GitHubResolverError('FORBIDDEN', 'Viewer cannot mark this comment as the answer.');
    new SeedBuilder(ctx.store.data).answer(d, c, ctx.viewer.login, isoTime(ctx.now()));
    return done(ctx, 'markDiscussionCommentAsAnswer', i.clientMutationId, { discussion: d }, ['discussions']);
  },

  unmarkDiscussionCommentAsAnswer: (_s, a, ctx) => {
    const i = input(a);
    const id = str(i.id) ?? '';
    const c = ctx.store.get(id, 'DiscussionComment');
    const d = c && ctx.store.get(c.discussionId, 'Discussion');
    if (!c || !d) throw nf(id);
    if (d.answerId === c.id) Object.assign(d, { answerId: null, answerChosenAt: null, answerChosenBy: null });
    return done(ctx, 'unmarkDiscussionCommentAsAnswer', i.clientMutationId, { discussion: d }, ['discussions']);
  },

  closeDiscussion: (_s, a, ctx) => {
    requireScope(ctx, 'closeDiscussion', DISCUSSION_SCOPES);
    const i = input(a);
    const id = str(i.discussionId) ?? '';
    const d = ctx.store.get(id, 'Discussion');
    if (!d) throw nf(id);
    if (d.author !== ctx.viewer.login && !repoOf(ctx, d).collaborators.includes(ctx.viewer.login)) throw new GitHubResolverError('FORBIDDEN', 'Viewer cannot close this discussion.');
    const reason = str(i.reason);
    new SeedBuilder(ctx.store.data).close(d, reason === 'OUTDATED' || reason === 'DUPLICATE' ? reason : 'RESOLVED', isoTime(ctx.now()));
    return done(ctx, 'closeDiscussion', i.clientMutationId, { discussion: d }, ['discussions']);
  },

  reopenDiscussion: (_s, a, ctx) => {
    const i = input(a);
    const id = str(i.discussionId) ?? '';
    const d = ctx.store.get(id, 'Discussion');
    if (!d) throw nf(id);
    Object.assign(d, { closed: false, closedAt: null, stateReason: 'REOPENED', updatedAt: isoTime(ctx.now()) });
    return done(ctx, 'reopenDiscussion', i.clientMutationId, { discussion: d }, ['discussions']);
  },

  requestReviews: (_s, a, ctx) => {
    requireScope(ctx, 'requestReviews', ['repo', 'public_repo']);
    const i = input(a);
    const id = str(i.pullRequestId) ?? '';
    const pr = ctx.store.get(id, 'PullRequest');
    if (!pr) throw nf(id);
    const repo = ctx.store.repositoryById(pr.repositoryId);
    if (!repo) throw nf(pr.repositoryId);
    const logins = strList(i.userIds).map((uid) => {
      const u = ctx.store.byId.get(uid);
      if (u?.__typename !== 'User') throw nf(uid);
      return u.login;
    });
    if (logins.includes(pr.author)) throw new GitHubResolverError('UNPROCESSABLE', 'Review cannot be requested from pull request author.');
    const notCollaborator = logins.find((l) => !repo.collaborators.includes(l));
    if (notCollaborator) throw new GitHubResolverError('UNPROCESSABLE', `Could not request a review from ${notCollaborator}: reviewers must be collaborators.`);
    const b = new SeedBuilder(ctx.store.data);
    // `union: false` (GitHub's default) replaces the pending requests with the given set.
    if (i.union !== true) b.data.reviewRequests = b.data.reviewRequests.filter((q) => q.pullRequestId !== pr.id || logins.includes(q.reviewer));
    const at = isoTime(ctx.now());
    for (const l of logins) b.requestReview(repo, pr, l, at);
    pr.updatedAt = at;
    return done(ctx, 'requestReviews', i.clientMutationId, { pullRequest: pr, actor: ctx.viewer, requestedReviewersEdge: null }, ['reviewRequests']);
  },

  addComment: (_s, a, ctx) => {
    requireScope(ctx, 'addComment', ['repo', 'public_repo']);
    const i = input(a);
    const id = str(i.subjectId) ?? '';
    const pr = ctx.store.get(id, 'PullRequest');
    if (!pr) throw nf(id);
    const repo = ctx.store.repositoryById(pr.repositoryId);
    if (!repo) throw nf(pr.repositoryId);
    const body = nonBlank(i.body, 'Body');
    const c = new SeedBuilder(ctx.store.data).issueComment(repo, pr, { body, author: ctx.viewer.login, createdAt: isoTime(ctx.now()) });
    const edge = { cursor: Buffer.from(`cursor:v2:${c.id}`).toString('base64'), node: c };
    return done(ctx, 'addComment', i.clientMutationId, { commentEdge: edge, timelineEdge: edge, subject: pr }, ['issueComments']);
  },

  addReaction: (_s, a, ctx) => {
    const i = input(a);
    const id = str(i.subjectId) ?? '';
    const subject = ctx.store.byId.get(id);
    const reactableTypes = ['Discussion', 'DiscussionComment', 'PullRequest', 'IssueComment', 'PullRequestReview'];
    if (!subject || !reactableTypes.includes(subject.__typename)) throw nf(id);
    const content = reactionContent.safeParse(i.content);
    if (!content.success) throw new GitHubResolverError('UNPROCESSABLE', 'Content is not a valid reaction.');
    const existing = ctx.store.reactions(id).find((r) => r.user === ctx.viewer.login && r.content === content.data);
    if (existing) return done(ctx, 'addReaction', i.clientMutationId, { reaction: existing, subject }, ['reactions']);
    const b = new SeedBuilder(ctx.store.data);
    const seq = b.seq();
    const reaction = {
      __typename: 'Reaction' as const,
      id: nodeId('Reaction', seq, 1),
      databaseId: 6_000_000 + seq,
      subjectId: id,
      content: content.data,
      user: ctx.viewer.login,
      createdAt: isoTime(ctx.now()),
    };
    b.data.reactions.push(reaction);
    return done(ctx, 'addReaction', i.clientMutationId, { reaction, subject }, ['reactions']);
  },
};
