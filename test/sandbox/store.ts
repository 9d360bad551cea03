import type {
  AnyRecord,
  CategoryRecord,
  DiscussionCommentRecord,
  DiscussionRecord,
  IssueCommentRecord,
  PullRequestRecord,
  ReactionRecord,
  RepositoryRecord,
  ReviewRecord,
  ReviewRequestRecord,
  SeedData,
  UserRecord,
} from './model';
import { DEFAULT_SCOPES, TOKEN_PREFIX } from './model';
import type { TeamRecord } from './teams';

// In-memory state with the indexes queries need. Buckets by category × open/closed keep the
// sidebar's "open blockers of one category" cheap with 10,000 discussions; indexes are rebuilt
// after each change (changes are rare, queries are many).

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const byCreated = (a: { createdAt: string }, b: { createdAt: string }): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

export interface DiscussionFilter {
  categoryId?: string | null;
  states?: readonly ('OPEN' | 'CLOSED')[] | null;
  answered?: boolean | null;
  orderBy?: { field: 'CREATED_AT' | 'UPDATED_AT'; direction: 'ASC' | 'DESC' } | null;
}

export type IndexGroup = 'core' | 'discussions' | 'comments' | 'pullRequests' | 'reviews' | 'reviewRequests' | 'issueComments' | 'reactions';
const ALL_GROUPS: readonly IndexGroup[] = ['core', 'discussions', 'comments', 'pullRequests', 'reviews', 'reviewRequests', 'issueComments', 'reactions'];

export class Store {
  readonly byId = new Map<string, AnyRecord>();
  private usersByLogin = new Map<string, UserRecord>();
  private reposByName = new Map<string, RepositoryRecord>();
  private discussionBuckets = new Map<string, DiscussionRecord[]>();
  private discussionByNumber = new Map<string, DiscussionRecord>();
  private prByNumber = new Map<string, PullRequestRecord>();
  private prsByRepo = new Map<string, PullRequestRecord[]>();
  private categoriesByRepo = new Map<string, CategoryRecord[]>();
  private commentsByDiscussion = new Map<string, DiscussionCommentRecord[]>();
  private allCommentsByDiscussion = new Map<string, DiscussionCommentRecord[]>();
  private repliesByComment = new Map<string, DiscussionCommentRecord[]>();
  private reviewsByPr = new Map<string, ReviewRecord[]>();
  private requestsByPr = new Map<string, ReviewRequestRecord[]>();
  private issueCommentsBySubject = new Map<string, IssueCommentRecord[]>();
  private reactionsBySubject = new Map<string, ReactionRecord[]>();
  /** Called after every change (persistence hooks in here). */
  onChange: (() => void) | undefined;

  constructor(public data: SeedData) {
    this.reindex();
  }

  replace(data: SeedData): void {
    this.data = data;
    this.reindex();
    this.onChange?.();
  }

  /**
   * Re-index after mutating `data` and notify. Naming the groups that changed keeps mutations
   * cheap on big data (the default rebuilds everything).
   */
  changed(groups: readonly IndexGroup[] = ALL_GROUPS): void {
    for (const g of groups) this.reindexGroup(g);
    this.onChange?.();
  }

  private reindex(): void {
    this.byId.clear();
    for (const g of ALL_GROUPS) this.reindexGroup(g);
  }

  private reindexGroup(group: IndexGroup): void {
    const d = this.data;
    const ids = (records: readonly AnyRecord[]): void => {
      for (const r of records) this.byId.set(r.id, r);
    };
    switch (group) {
      case 'core':
        this.usersByLogin.clear();
        this.reposByName.clear();
        this.categoriesByRepo.clear();
        ids(d.users);
        ids(d.repositories);
        ids(d.categories);
        ids(d.teams);
        for (const u of d.users) this.usersByLogin.set(u.login.toLowerCase(), u);
        for (const r of d.repositories) this.reposByName.set(`${r.owner}/${r.name}`.toLowerCase(), r);
        for (const c of d.categories) push(this.categoriesByRepo, c.repositoryId, c);
        return;
      case 'discussions':
        this.discussionBuckets.clear();
        this.discussionByNumber.clear();
        ids(d.discussions);
        for (const x of [...d.discussions].sort(byCreated)) {
          const state = x.closed ? 'CLOSED' : 'OPEN';
          push(this.discussionBuckets, `${x.repositoryId}|*|${state}`, x);
          push(this.discussionBuckets, `${x.repositoryId}|${x.categoryId}|${state}`, x);
          this.discussionByNumber.set(`${x.repositoryId}#${x.number}`, x);
        }
        return;
      case 'comments':
        this.commentsByDiscussion.clear();
        this.allCommentsByDiscussion.clear();
        this.repliesByComment.clear();
        ids(d.discussionComments);
        for (const c of [...d.discussionComments].sort(byCreated)) {
          push(this.allCommentsByDiscussion, c.discussionId, c);
          if (c.replyToId === null) push(this.commentsByDiscussion, c.discussionId, c);
          else push(this.repliesByComment, c.replyToId, c);
        }
        return;
      case 'pullRequests':
        this.prsByRepo.clear();
        this.prByNumber.clear();
        ids(d.pullRequests);
        for (const p of [...d.pullRequests].sort(byCreated)) {
          push(this.prsByRepo, p.repositoryId, p);
          this.prByNumber.set(`${p.repositoryId}#${p.number}`, p);
        }
        return;
      case 'reviews':
        this.reviewsByPr.clear();
        ids(d.reviews);
        for (const r of [...d.reviews].sort(byCreated)) push(this.reviewsByPr, r.pullRequestId, r);
        return;
      case 'reviewRequests': {
        // Requests are the one record kind mutations remove: drop stale ids.
        const live = new Set(d.reviewRequests.map((r) => r.id));
        for (const list of this.requestsByPr.values()) for (const r of list) if (!live.has(r.id)) this.byId.delete(r.id);
        this.requestsByPr.clear();
        ids(d.reviewRequests);
        for (const r of [...d.reviewRequests].sort(byCreated)) push(this.requestsByPr, r.pullRequestId, r);
        return;
      }
      case 'issueComments':
        this.issueCommentsBySubject.clear();
        ids(d.issueComments);
        for (const c of [...d.issueComments].sort(byCreated)) push(this.issueCommentsBySubject, c.subjectId, c);
        return;
      case 'reactions':
        this.reactionsBySubject.clear();
        ids(d.reactions);
        for (const r of [...d.reactions].sort(byCreated)) push(this.reactionsBySubject, r.subjectId, r);
        return;
    }
  }

  user(login: string): UserRecord | undefined {
    const u = this.usersByLogin.get(login.toLowerCase());
    return u?.__typename === 'User' ? u : undefined;
  }

  /** A user or organization (repository owners). */
  account(login: string): UserRecord | undefined {
    return this.usersByLogin.get(login.toLowerCase());
  }

  /** An organization's team by slug (case-insensitive, like GitHub). */
  team(org: string, slug: string): TeamRecord | undefined {
    return this.data.teams.find((t) => t.organization.toLowerCase() === org.toLowerCase() && t.slug.toLowerCase() === slug.toLowerCase());
  }

  /** Repositories owned by `owner` (an organization or user), for `org:`/`user:` search qualifiers. */
  repositoriesOf(owner: string): RepositoryRecord[] {
    return this.data.repositories.filter((r) => r.owner.toLowerCase() === owner.toLowerCase());
  }

  repository(owner: string, name: string): RepositoryRecord | undefined {
    return this.reposByName.get(`${owner}/${name}`.toLowerCase());
  }

  repositoryById(id: string): RepositoryRecord | undefined {
    const r = this.byId.get(id);
    return r?.__typename === 'Repository' ? r : undefined;
  }

  get<T extends AnyRecord['__typename']>(id: string, type: T): Extract<AnyRecord, { __typename: T }> | undefined {
    const r = this.byId.get(id);
    return r?.__typename === type ? (r as Extract<AnyRecord, { __typename: T }>) : undefined;
  }

  categories(repoId: string): CategoryRecord[] {
    return this.categoriesByRepo.get(repoId) ?? [];
  }

  discussionByNum(repoId: string, n: number): DiscussionRecord | undefined {
    return this.discussionByNumber.get(`${repoId}#${n}`);
  }

  pullRequestByNum(repoId: string, n: number): PullRequestRecord | undefined {
    return this.prByNumber.get(`${repoId}#${n}`);
  }

  /** Discussions of a repository, filtered and ordered; default order UPDATED_AT DESC as on GitHub. */
  discussions(repoId: string, f: DiscussionFilter): DiscussionRecord[] {
    const states = f.states && f.states.length > 0 ? f.states : (['OPEN', 'CLOSED'] as const);
    const cat = f.categoryId ?? '*';
    let list: DiscussionRecord[] = [];
    for (const s of states) list = list.concat(this.discussionBuckets.get(`${repoId}|${cat}|${s}`) ?? []);
    if (typeof f.answered === 'boolean') list = list.filter((x) => (x.answerId !== null) === f.answered);
    const field = f.orderBy?.field === 'CREATED_AT' ? 'createdAt' : 'updatedAt';
    const dir = f.orderBy?.direction === 'ASC' ? 1 : -1;
    // Stable tie-break on number keeps pagination deterministic.
    return list.sort((a, b) => (a[field] < b[field] ? -dir : a[field] > b[field] ? dir : (a.number - b.number) * dir));
  }

  pullRequests(repoId: string): PullRequestRecord[] {
    return this.prsByRepo.get(repoId) ?? [];
  }

  topComments(discussionId: string): DiscussionCommentRecord[] {
    return this.commentsByDiscussion.get(discussionId) ?? [];
  }

  allComments(discussionId: string): DiscussionCommentRecord[] {
    return this.allCommentsByDiscussion.get(discussionId) ?? [];
  }

  replies(commentId: string): DiscussionCommentRecord[] {
    return this.repliesByComment.get(commentId) ?? [];
  }

  reviews(prId: string): ReviewRecord[] {
    return this.reviewsByPr.get(prId) ?? [];
  }

  reviewRequests(prId: string): ReviewRequestRecord[] {
    return this.requestsByPr.get(prId) ?? [];
  }

  issueComments(subjectId: string): IssueCommentRecord[] {
    return this.issueCommentsBySubject.get(subjectId) ?? [];
  }

  reactions(subjectId: string): ReactionRecord[] {
    return this.reactionsBySubject.get(subjectId) ?? [];
  }

  /** The login and scopes a token stands for, or undefined for a bad token. */
  authenticate(token: string): { login: string; scopes: string[] } | undefined {
    const extra = this.data.tokens.find((t) => t.token === token);
    if (extra) return this.user(extra.login) ? { login: extra.login, scopes: extra.scopes } : undefined;
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const u = this.user(token.slice(TOKEN_PREFIX.length));
    return u ? { login: u.login, scopes: [...DEFAULT_SCOPES] } : undefined;
  }
}
