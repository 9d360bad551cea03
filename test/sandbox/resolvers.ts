import { connection } from './connection';
import { type ExecContext, GitHubResolverError, type TypeResolvers, num, obj, page, str, strList } from './context';
import { type BlobObject, type TreeObject, repositoryObject } from './gitObjects';
import { nodeId } from './ids';
import type {
  CategoryRecord,
  CommitRecord,
  DiscussionCommentRecord,
  DiscussionRecord,
  IssueCommentRecord,
  PullRequestRecord,
  ReactionRecord,
  RepositoryRecord,
  ReviewRecord,
  ReviewRequestRecord,
  UserRecord,
} from './model';
import type { DiscussionFilter } from './store';
import { organizationTeam, teamResolvers } from './teams';
import { avatarUrl, discussionUrl, pullRequestUrl, repoUrl, userUrl } from './urls';

// Field resolvers per GraphQL type over the store's records. Fields not listed here resolve to
// the record's property of the same name, or a neutral value (see execute.ts).

const byId = (x: { id: string }): string => x.id;
const plain = (md: string): string => md.replace(/<!--[\s\S]*?-->/g, '').replace(/[`*_#>]/g, '').trim();
const html = (md: string): string =>
  `<p>${md.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`;

export function actor(ctx: ExecContext, login: string): UserRecord | null {
  return ctx.store.account(login) ?? null;
}

export interface CommitObject extends CommitRecord {
  __typename: 'Commit';
  id: string;
  repositoryId: string;
  /** The login that authored it (PR commits: the PR's author). */
  authorLogin: string | null;
  /** The default branch's head: `history` walks the merged pull requests' commits. */
  isBranchHead: boolean;
}

export function commitObject(repo: RepositoryRecord, c: CommitRecord, authorLogin: string | null = null, isBranchHead = false): CommitObject {
  return { ...c, __typename: 'Commit', id: `C_kwDO${Buffer.from(c.oid.slice(0, 16), 'hex').toString('base64url')}`, repositoryId: repo.id, authorLogin, isBranchHead };
}

function reactableFor<S extends { id: string }>(): TypeResolvers<S> {
  return {
    reactions: (s, a, ctx) => {
      const content = str(a.content);
      const all = ctx.store.reactions(s.id).filter((r) => content === null || r.content === content);
      return { ...connection(all, page(a), byId), viewerHasReacted: all.some((r) => r.user === ctx.viewer.login) };
    },
    reactionGroups: (s, _a, ctx) => {
      const groups = new Map<string, ReactionRecord[]>();
      for (const r of ctx.store.reactions(s.id)) groups.set(r.content, [...(groups.get(r.content) ?? []), r]);
      return [...groups].map(([content, rs]) => ({
        content,
        createdAt: rs[0]?.createdAt ?? null,
        viewerHasReacted: rs.some((r) => r.user === ctx.viewer.login),
        users: { totalCount: rs.length, nodes: [], edges: [], pageInfo: emptyPageInfo },
        reactors: { totalCount: rs.length, nodes: [], edges: [], pageInfo: emptyPageInfo },
      }));
    },
  };
}

const emptyPageInfo = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

const userResolvers: TypeResolvers<UserRecord> = {
  avatarUrl: (u, _a, ctx) => avatarUrl(ctx.baseUrl, u.login),
  url: (u, _a, ctx) => userUrl(ctx.baseUrl, u.login),
  resourcePath: (u) => `/${u.login}`,
  isViewer: (u, _a, ctx) => u.id === ctx.viewer.id,
  email: () => '',
  updatedAt: (u) => u.createdAt,
};

const repositoryResolvers: TypeResolvers<RepositoryRecord> = {
  owner: (r, _a, ctx) => actor(ctx, r.owner),
  nameWithOwner: (r) => `${r.owner}/${r.name}`,
  url: (r, _a, ctx) => repoUrl(ctx.baseUrl, r),
  resourcePath: (r) => `/${r.owner}/${r.name}`,
  updatedAt: (r) => r.createdAt,
  pushedAt: (r) => r.createdAt,
  visibility: (r) => (r.isPrivate ? 'PRIVATE' : 'PUBLIC'),
  viewerPermission: (r, _a, ctx) => (r.collaborators.includes(ctx.viewer.login) ? 'WRITE' : 'READ'),
  hasIssuesEnabled: () => true,
  object: (r, a) => repositoryObject(r, str(a.expression)),
  defaultBranchRef: (r) => ({
    __typename: 'Ref',
    id: nodeId('Repository', r.databaseId, r.databaseId).replace(/^R_/, 'REF_'),
    name: r.defaultBranch,
    prefix: 'refs/heads/',
    target: commitObject(r, { oid: r.defaultBranchOid, message: 'Merge pull request', committedDate: r.createdAt }, r.collaborators[0] ?? null, true),
  }),
  discussionCategories: (r, a, ctx) => connection(r.hasDiscussionsEnabled ? ctx.store.categories(r.id) : [], page(a), byId),
  discussionCategory: (r, a, ctx) => {
    const c = ctx.store.categories(r.id).find((x) => x.slug === str(a.slug));
    if (!c) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a DiscussionCategory with the slug of '${str(a.slug) ?? ''}'.`);
    return c;
  },
  discussion: (r, a, ctx) => {
    const d = r.hasDiscussionsEnabled ? ctx.store.discussionByNum(r.id, num(a.number) ?? -1) : undefined;
    if (!d) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a Discussion with the number of ${num(a.number) ?? ''}.`);
    return d;
  },
  discussions: (r, a, ctx) => {
    const order = obj(a.orderBy);
    const filter: DiscussionFilter = {
      categoryId: str(a.categoryId),
      states: strList(a.states) as ('OPEN' | 'CLOSED')[],
      answered: typeof a.answered === 'boolean' ? a.answered : null,
      orderBy: a.orderBy ? { field: order.field === 'CREATED_AT' ? 'CREATED_AT' : 'UPDATED_AT', direction: order.direction === 'ASC' ? 'ASC' : 'DESC' } : null,
    };
    return connection(r.hasDiscussionsEnabled ? ctx.store.discussions(r.id, filter) : [], page(a), byId);
  },
  pullRequest: (r, a, ctx) => {
    const p = ctx.store.pullRequestByNum(r.id, num(a.number) ?? -1);
    if (!p) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a PullRequest with the number of ${num(a.number) ?? ''}.`);
    return p;
  },
  issueOrPullRequest: (r, a, ctx) => ctx.store.pullRequestByNum(r.id, num(a.number) ?? -1) ?? null,
  pullRequests: (r, a, ctx) => {
    const states = strList(a.states);
    const head = str(a.headRefName);
    let list = ctx.store.pullRequests(r.id).filter((p) => (states.length === 0 || states.includes(p.state)) && (head === null || p.headRefName === head));
    const order = obj(a.orderBy);
    if (a.orderBy) {
      const f = order.field === 'UPDATED_AT' ? 'updatedAt' : 'createdAt';
      const dir = order.direction === 'DESC' ? -1 : 1;
      list = [...list].sort((x, y) => (x[f] < y[f] ? -dir : x[f] > y[f] ? dir : 0));
    }
    return connection(list, page(a), byId);
  },
  collaborators: (r, a, ctx) => {
    const users = r.collaborators.flatMap((l) => ctx.store.user(l) ?? []);
    const c = connection(users, page(a), byId);
    return { ...c, edges: c.edges.map((e) => ({ ...e, permission: 'WRITE', permissionSources: [] })) };
  },
  mentionableUsers: (r, a, ctx) => connection(r.collaborators.flatMap((l) => ctx.store.user(l) ?? []), page(a), byId),
  assignableUsers: (r, a, ctx) => connection(r.collaborators.flatMap((l) => ctx.store.user(l) ?? []), page(a), byId),
};

const categoryResolvers: TypeResolvers<CategoryRecord> = {
  repository: (c, _a, ctx) => ctx.store.repositoryById(c.repositoryId) ?? null,
  emojiHTML: (c) => `<div>${c.emoji}</div>`,
  updatedAt: (c) => c.createdAt,
};

const discussionResolvers: TypeResolvers<DiscussionRecord> = {
  author: (d, _a, ctx) => actor(ctx, d.author),
  editor: () => null,
  category: (d, _a, ctx) => ctx.store.get(d.categoryId, 'DiscussionCategory') ?? null,
  repository: (d, _a, ctx) => ctx.store.repositoryById(d.repositoryId) ?? null,
  url: (d, _a, ctx) => discussionUrl(ctx.baseUrl, ctx.store, d),
  resourcePath: (d, _a, ctx) => new URL(discussionUrl(ctx.baseUrl, ctx.store, d)).pathname,
  bodyText: (d) => plain(d.body),
  bodyHTML: (d) => html(d.body),
  isAnswered: (d, _a, ctx) => (ctx.store.get(d.categoryId, 'DiscussionCategory')?.isAnswerable ? d.answerId !== null : null),
  answer: (d, _a, ctx) => (d.answerId ? (ctx.store.get(d.answerId, 'DiscussionComment') ?? null) : null),
  answerChosenBy: (d, _a, ctx) => (d.answerChosenBy ? actor(ctx, d.answerChosenBy) : null),
  comments: (d, a, ctx) => connection(ctx.store.topComments(d.id), page(a), byId),
  viewerDidAuthor: (d, _a, ctx) => d.author === ctx.viewer.login,
  viewerCanReact: () => true,
  viewerSubscription: () => 'SUBSCRIBED',
  lastEditedAt: () => null,
  publishedAt: (d) => d.createdAt,
  ...reactableFor<DiscussionRecord>(),
};

const discussionCommentResolvers: TypeResolvers<DiscussionCommentRecord> = {
  author: (c, _a, ctx) => actor(ctx, c.author),
  editor: () => null,
  discussion: (c, _a, ctx) => ctx.store.get(c.discussionId, 'Discussion') ?? null,
  url: (c, _a, ctx) => {
    const d = ctx.store.get(c.discussionId, 'Discussion');
    return d ? `${discussionUrl(ctx.baseUrl, ctx.store, d)}#discussioncomment-${c.databaseId}` : ctx.baseUrl;
  },
  resourcePath: (c, _a, ctx) => {
    const d = ctx.store.get(c.discussionId, 'Discussion');
    return d ? `${new URL(discussionUrl(ctx.baseUrl, ctx.store, d)).pathname}#discussioncomment-${c.databaseId}` : '/';
  },
  bodyText: (c) => plain(c.body),
  bodyHTML: (c) => html(c.body),
  isAnswer: (c, _a, ctx) => ctx.store.get(c.discussionId, 'Discussion')?.answerId === c.id,
  replyTo: (c, _a, ctx) => (c.replyToId ? (ctx.store.get(c.replyToId, 'DiscussionComment') ?? null) : null),
  replies: (c, a, ctx) => connection(ctx.store.replies(c.id), page(a), byId),
  viewerDidAuthor: (c, _a, ctx) => c.author === ctx.viewer.login,
  viewerCanMarkAsAnswer: (c, _a, ctx) => c.replyToId === null && ctx.store.get(c.discussionId, 'Discussion')?.author === ctx.viewer.login,
  publishedAt: (c) => c.createdAt,
  ...reactableFor<DiscussionCommentRecord>(),
};

const lastCommit = (p: PullRequestRecord): CommitRecord => p.commits[p.commits.length - 1] as CommitRecord;

const pullRequestResolvers: TypeResolvers<PullRequestRecord> = {
  author: (p, _a, ctx) => actor(ctx, p.author),
  repository: (p, _a, ctx) => ctx.store.repositoryById(p.repositoryId) ?? null,
  baseRepository: (p, _a, ctx) => ctx.store.repositoryById(p.repositoryId) ?? null,
  headRepository: (p, _a, ctx) => ctx.store.repositoryById(p.repositoryId) ?? null,
  url: (p, _a, ctx) => pullRequestUrl(ctx.baseUrl, ctx.store, p),
  resourcePath: (p, _a, ctx) => new URL(pullRequestUrl(ctx.baseUrl, ctx.store, p)).pathname,
  permalink: (p, _a, ctx) => pullRequestUrl(ctx.baseUrl, ctx.store, p),
  bodyText: (p) => plain(p.body),
  bodyHTML: (p) => html(p.body),
  headRefOid: (p) => lastCommit(p).oid,
  baseRefOid: (p, _a, ctx) => ctx.store.repositoryById(p.repositoryId)?.defaultBranchOid ?? '0'.repeat(40),
  closed: (p) => p.state !== 'OPEN',
  merged: (p) => p.state === 'MERGED',
  mergeable: (p) => (p.state === 'OPEN' ? 'MERGEABLE' : 'UNKNOWN'),
  commits: (p, a, ctx) => {
    const repo = ctx.store.repositoryById(p.repositoryId);
    const items = p.commits.map((c) => ({
      __typename: 'PullRequestCommit',
      id: `PURC_${Buffer.from(`${p.id}:${c.oid}`).toString('base64url').slice(0, 24)}`,
      commit: repo ? commitObject(repo, c, p.author) : null,
      pullRequest: p,
      url: `${pullRequestUrl(ctx.baseUrl, ctx.store, p)}/commits/${c.oid}`,
      resourcePath: `/pull/${p.number}/commits/${c.oid}`,
    }));
    return connection(items, page(a), (x) => x.id);
  },
  reviews: (p, a, ctx) => {
    const states = strList(a.states);
    const author = str(a.author);
    const list = ctx.store.reviews(p.id).filter((r) => (states.length === 0 || states.includes(r.state)) && (author === null || r.author === author));
    return connection(list, page(a), byId);
  },
  latestReviews: (p, a, ctx) => {
    const latest = new Map<string, ReviewRecord>();
    for (const r of ctx.store.reviews(p.id)) if (r.state !== 'PENDING') latest.set(r.author, r);
    return connection([...latest.values()], page(a), byId);
  },
  latestOpinionatedReviews: (p, a, ctx) => {
    const latest = new Map<string, ReviewRecord>();
    for (const r of ctx.store.reviews(p.id)) if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED') latest.set(r.author, r);
    return connection([...latest.values()], page(a), byId);
  },
  reviewDecision: (p, _a, ctx) => {
    const latest = new Map<string, string>();
    for (const r of ctx.store.reviews(p.id)) if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED') latest.set(r.author, r.state);
    const states = [...latest.values()];
    return states.includes('CHANGES_REQUESTED') ? 'CHANGES_REQUESTED' : states.includes('APPROVED') ? 'APPROVED' : 'REVIEW_REQUIRED';
  },
  reviewRequests: (p, a, ctx) => connection(ctx.store.reviewRequests(p.id), page(a), byId),
  comments: (p, a, ctx) => connection(ctx.store.issueComments(p.id), page(a), byId),
  totalCommentsCount: (p, _a, ctx) => ctx.store.issueComments(p.id).length,
  participants: (p, a, ctx) => {
    const logins = new Set([p.author, ...ctx.store.issueComments(p.id).map((c) => c.author), ...ctx.store.reviews(p.id).map((r) => r.author)]);
    return connection([...logins].flatMap((l) => ctx.store.user(l) ?? []), page(a), byId);
  },
  viewerDidAuthor: (p, _a, ctx) => p.author === ctx.viewer.login,
  ...reactableFor<PullRequestRecord>(),
};

const reviewResolvers: TypeResolvers<ReviewRecord> = {
  author: (r, _a, ctx) => actor(ctx, r.author),
  pullRequest: (r, _a, ctx) => ctx.store.get(r.pullRequestId, 'PullRequest') ?? null,
  repository: (r, _a, ctx) => {
    const p = ctx.store.get(r.pullRequestId, 'PullRequest');
    return p ? (ctx.store.repositoryById(p.repositoryId) ?? null) : null;
  },
  commit: (r, _a, ctx) => {
    const p = ctx.store.get(r.pullRequestId, 'PullRequest');
    const repo = p && ctx.store.repositoryById(p.repositoryId);
    const c = p?.commits.find((x) => x.oid === r.commitOid);
    return repo && c ? commitObject(repo, c, p.author) : null;
  },
  url: (r, _a, ctx) => {
    const p = ctx.store.get(r.pullRequestId, 'PullRequest');
    return p ? `${pullRequestUrl(ctx.baseUrl, ctx.store, p)}#pullrequestreview-${r.databaseId}` : ctx.baseUrl;
  },
  bodyText: (r) => plain(r.body),
  publishedAt: (r) => r.submittedAt,
  ...reactableFor<ReviewRecord>(),
};

const reviewRequestResolvers: TypeResolvers<ReviewRequestRecord> = {
  requestedReviewer: (q, _a, ctx) => ctx.store.user(q.reviewer) ?? null,
  pullRequest: (q, _a, ctx) => ctx.store.get(q.pullRequestId, 'PullRequest') ?? null,
  asCodeOwner: () => false,
};

const issueCommentResolvers: TypeResolvers<IssueCommentRecord> = {
  author: (c, _a, ctx) => actor(ctx, c.author),
  pullRequest: (c, _a, ctx) => ctx.store.get(c.subjectId, 'PullRequest') ?? null,
  issue: () => null,
  repository: (c, _a, ctx) => {
    const p = ctx.store.get(c.subjectId, 'PullRequest');
    return p ? (ctx.store.repositoryById(p.repositoryId) ?? null) : null;
  },
  url: (c, _a, ctx) => {
    const p = ctx.store.get(c.subjectId, 'PullRequest');
    return p ? `${pullRequestUrl(ctx.baseUrl, ctx.store, p)}#issuecomment-${c.databaseId}` : ctx.baseUrl;
  },
  bodyText: (c) => plain(c.body),
  bodyHTML: (c) => html(c.body),
  viewerDidAuthor: (c, _a, ctx) => c.author === ctx.viewer.login,
  ...reactableFor<IssueCommentRecord>(),
};

const reactionResolvers: TypeResolvers<ReactionRecord> = {
  user: (r, _a, ctx) => ctx.store.user(r.user) ?? null,
  reactable: (r, _a, ctx) => ctx.store.byId.get(r.subjectId) ?? null,
};

const commitResolvers: TypeResolvers<CommitObject> = {
  abbreviatedOid: (c) => c.oid.slice(0, 7),
  messageHeadline: (c) => c.message.split('\n')[0] ?? '',
  authoredDate: (c) => c.committedDate,
  pushedDate: (c) => c.committedDate,
  url: (c, _a, ctx) => {
    const repo = ctx.store.repositoryById(c.repositoryId);
    return repo ? `${repoUrl(ctx.baseUrl, repo)}/commit/${c.oid}` : ctx.baseUrl;
  },
  repository: (c, _a, ctx) => ctx.store.repositoryById(c.repositoryId) ?? null,
  author: (c, _a, ctx) => gitActor(ctx, c),
  committer: (c, _a, ctx) => gitActor(ctx, c),
  authors: (c, a, ctx) => connection([gitActor(ctx, c)], page(a), (x) => x.email),
  // Recent contributors: the default branch's history is the merged pull requests' commits.
  history: (c, a, ctx) => {
    const repo = ctx.store.repositoryById(c.repositoryId);
    if (!repo) return connection([], page(a), byId);
    const commits = c.isBranchHead
      ? ctx.store
          .pullRequests(repo.id)
          .filter((p) => p.state === 'MERGED')
          .flatMap((p) => p.commits.map((x) => commitObject(repo, x, p.author)))
          .sort((x, y) => (x.committedDate < y.committedDate ? 1 : x.committedDate > y.committedDate ? -1 : 0))
      : [c];
    return connection(commits, page(a), byId);
  },
};

function gitActor(ctx: ExecContext, c: CommitObject): { name: string; email: string; date: string; user: UserRecord | null } {
  const user = c.authorLogin ? (ctx.store.user(c.authorLogin) ?? null) : null;
  return { name: user?.name ?? c.authorLogin ?? 'unknown', email: `${c.authorLogin ?? 'unknown'}@users.noreply.github.com`, date: c.committedDate, user };
}

const gitObjectResolvers: TypeResolvers<BlobObject | TreeObject> = {
  repository: (o, _a, ctx) => ctx.store.repositoryById(o.repositoryId) ?? null,
  commitUrl: (o, _a, ctx) => {
    const repo = ctx.store.repositoryById(o.repositoryId);
    return repo ? `${repoUrl(ctx.baseUrl, repo)}/commit/${repo.defaultBranchOid}` : ctx.baseUrl;
  },
};

export const typeResolvers: Readonly<Record<string, TypeResolvers<never>>> = {
  User: userResolvers,
  Organization: { ...userResolvers, team: (o: UserRecord, a, ctx) => organizationTeam(o, str(a.slug) ?? '', ctx) },
  Team: teamResolvers,
  Repository: repositoryResolvers,
  DiscussionCategory: categoryResolvers,
  Discussion: discussionResolvers,
  DiscussionComment: discussionCommentResolvers,
  PullRequest: pullRequestResolvers,
  PullRequestReview: reviewResolvers,
  ReviewRequest: reviewRequestResolvers,
  IssueComment: issueCommentResolvers,
  Reaction: reactionResolvers,
  Commit: commitResolvers,
  Blob: gitObjectResolvers,
  Tree: gitObjectResolvers,
};
