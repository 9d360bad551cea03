import { commitOid, isoTime, nodeId } from '../ids';
import type {
  CategoryRecord,
  DiscussionCommentRecord,
  DiscussionRecord,
  IssueCommentRecord,
  PullRequestRecord,
  RepositoryRecord,
  ReviewRecord,
  SeedData,
  UserRecord,
} from '../model';
import type { TeamRecord } from '../teams';

// Builds SeedData with GitHub-shaped ids; used by the seeds and (through `SeedBuilder.from`) by
// the store's mutations, so ids stay unique across seeds, mutations and reloads.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export class SeedBuilder {
  readonly data: SeedData;

  constructor(data?: SeedData) {
    this.data = data ?? {
      nextSeq: 1,
      users: [],
      repositories: [],
      categories: [],
      discussions: [],
      discussionComments: [],
      pullRequests: [],
      reviews: [],
      reviewRequests: [],
      issueComments: [],
      reactions: [],
      tokens: [],
      teams: [],
    };
  }

  seq(): number {
    return this.data.nextSeq++;
  }

  user(login: string, name: string | null, createdAt: string, type: 'User' | 'Organization' = 'User'): UserRecord {
    const seq = this.seq();
    const u: UserRecord = { __typename: type, id: nodeId(type, seq), databaseId: 1000 + seq, login, name, createdAt };
    this.data.users.push(u);
    return u;
  }

  team(org: string, slug: string, name: string, members: string[], maintainers: string[], createdAt: string): TeamRecord {
    const seq = this.seq();
    const t: TeamRecord = { __typename: 'Team', id: nodeId('Team', seq), databaseId: 9_000_000 + seq, organization: org, slug, name, description: null, privacy: 'VISIBLE', members, maintainers, createdAt };
    this.data.teams.push(t);
    return t;
  }

  repository(owner: string, name: string, collaborators: string[], createdAt: string): RepositoryRecord {
    const seq = this.seq();
    const r: RepositoryRecord = {
      __typename: 'Repository',
      id: nodeId('Repository', seq),
      databaseId: 700_000 + seq,
      owner,
      name,
      description: null,
      isPrivate: true,
      defaultBranch: 'main',
      defaultBranchOid: commitOid(`${owner}/${name}:main`),
      hasDiscussionsEnabled: true,
      createdAt,
      collaborators,
      files: {},
    };
    this.data.repositories.push(r);
    return r;
  }

  category(repo: RepositoryRecord, name: string, emoji: string, isAnswerable: boolean, description: string | null): CategoryRecord {
    const c: CategoryRecord = {
      __typename: 'DiscussionCategory',
      id: nodeId('DiscussionCategory', this.seq(), repo.databaseId),
      repositoryId: repo.id,
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      emoji,
      description,
      isAnswerable,
      createdAt: repo.createdAt,
    };
    this.data.categories.push(c);
    return c;
  }

  /** Discussions and pull requests share a repository's number space, as on GitHub. */
  nextNumber(repo: RepositoryRecord): number {
    let max = 0;
    for (const d of this.data.discussions) if (d.repositoryId === repo.id && d.number > max) max = d.number;
    for (const p of this.data.pullRequests) if (p.repositoryId === repo.id && p.number > max) max = p.number;
    return max + 1;
  }

  discussion(
    repo: RepositoryRecord,
    category: CategoryRecord,
    fields: { title: string; body: string; author: string; createdAt: string; number?: number },
  ): DiscussionRecord {
    const seq = this.seq();
    const d: DiscussionRecord = {
      __typename: 'Discussion',
      id: nodeId('Discussion', seq, repo.databaseId),
      databaseId: 5_000_000 + seq,
      repositoryId: repo.id,
      number: fields.number ?? this.nextNumber(repo),
      categoryId: category.id,
      title: fields.title,
      body: fields.body,
      author: fields.author,
      createdAt: fields.createdAt,
      updatedAt: fields.createdAt,
      closed: false,
      closedAt: null,
      stateReason: null,
      answerId: null,
      answerChosenAt: null,
      answerChosenBy: null,
      locked: false,
    };
    this.data.discussions.push(d);
    return d;
  }

  comment(
    repo: RepositoryRecord,
    discussion: DiscussionRecord,
    fields: { body: string; author: string; createdAt: string; replyTo?: DiscussionCommentRecord },
  ): DiscussionCommentRecord {
    const seq = this.seq();
    const c: DiscussionCommentRecord = {
      __typename: 'DiscussionComment',
      id: nodeId('DiscussionComment', seq, repo.databaseId),
      databaseId: 9_000_000 + seq,
      discussionId: discussion.id,
      replyToId: fields.replyTo?.id ?? null,
      body: fields.body,
      author: fields.author,
      createdAt: fields.createdAt,
      updatedAt: fields.createdAt,
    };
    this.data.discussionComments.push(c);
    if (fields.createdAt > discussion.updatedAt) discussion.updatedAt = fields.createdAt;
    return c;
  }

  answer(discussion: DiscussionRecord, comment: DiscussionCommentRecord, by: string, at: string): void {
    discussion.answerId = comment.id;
    discussion.answerChosenAt = at;
    discussion.answerChosenBy = by;
  }

  close(discussion: DiscussionRecord, reason: 'RESOLVED' | 'OUTDATED' | 'DUPLICATE', at: string): void {
    discussion.closed = true;
    discussion.closedAt = at;
    discussion.stateReason = reason;
    if (at > discussion.updatedAt) discussion.updatedAt = at;
  }

  pullRequest(
    repo: RepositoryRecord,
    fields: {
      title: string;
      body: string;
      author: string;
      createdAt: string;
      headRefName: string;
      state?: 'OPEN' | 'CLOSED' | 'MERGED';
      isDraft?: boolean;
      closedAt?: string;
      commits?: number;
      number?: number;
    },
  ): PullRequestRecord {
    const seq = this.seq();
    const number = fields.number ?? this.nextNumber(repo);
    const created = Date.parse(fields.createdAt);
    const commits = Array.from({ length: fields.commits ?? 2 }, (_, i) => ({
      oid: commitOid(`${repo.owner}/${repo.name}#${number}:${i}`),
      message: i === 0 ? fields.title : `Address review feedback (${i})`,
      committedDate: isoTime(created - HOUR + i * 2 * HOUR),
    }));
    const state = fields.state ?? 'OPEN';
    const p: PullRequestRecord = {
      __typename: 'PullRequest',
      id: nodeId('PullRequest', seq, repo.databaseId),
      databaseId: 3_000_000 + seq,
      repositoryId: repo.id,
      number,
      title: fields.title,
      body: fields.body,
      author: fields.author,
      createdAt: fields.createdAt,
      updatedAt: fields.closedAt ?? fields.createdAt,
      state,
      isDraft: fields.isDraft ?? false,
      closedAt: state === 'OPEN' ? null : (fields.closedAt ?? fields.createdAt),
      mergedAt: state === 'MERGED' ? (fields.closedAt ?? fields.createdAt) : null,
      headRefName: fields.headRefName,
      baseRefName: repo.defaultBranch,
      additions: 40 + ((seq * 37) % 300),
      deletions: 5 + ((seq * 13) % 80),
      changedFiles: 1 + (seq % 9),
      commits,
    };
    this.data.pullRequests.push(p);
    return p;
  }

  review(
    repo: RepositoryRecord,
    pr: PullRequestRecord,
    fields: { author: string; state: ReviewRecord['state']; body: string; submittedAt: string; commitOid?: string },
  ): ReviewRecord {
    const seq = this.seq();
    const r: ReviewRecord = {
      __typename: 'PullRequestReview',
      id: nodeId('PullRequestReview', seq, repo.databaseId),
      databaseId: 2_000_000 + seq,
      pullRequestId: pr.id,
      author: fields.author,
      state: fields.state,
      body: fields.body,
      submittedAt: fields.state === 'PENDING' ? null : fields.submittedAt,
      createdAt: fields.submittedAt,
      commitOid: fields.commitOid ?? pr.commits[pr.commits.length - 1]?.oid ?? null,
    };
    this.data.reviews.push(r);
    // Submitting a review fulfils a pending request from that reviewer, as on GitHub.
    this.data.reviewRequests = this.data.reviewRequests.filter((q) => !(q.pullRequestId === pr.id && q.reviewer === fields.author));
    if (fields.submittedAt > pr.updatedAt) pr.updatedAt = fields.submittedAt;
    return r;
  }

  requestReview(repo: RepositoryRecord, pr: PullRequestRecord, reviewer: string, createdAt: string): void {
    if (this.data.reviewRequests.some((q) => q.pullRequestId === pr.id && q.reviewer === reviewer)) return;
    this.data.reviewRequests.push({
      __typename: 'ReviewRequest',
      id: nodeId('ReviewRequest', this.seq(), repo.databaseId),
      pullRequestId: pr.id,
      reviewer,
      createdAt,
    });
    if (createdAt > pr.updatedAt) pr.updatedAt = createdAt;
  }

  issueComment(
    repo: RepositoryRecord,
    subject: PullRequestRecord,
    fields: { body: string; author: string; createdAt: string },
  ): IssueCommentRecord {
    const seq = this.seq();
    const c: IssueCommentRecord = {
      __typename: 'IssueComment',
      id: nodeId('IssueComment', seq, repo.databaseId),
      databaseId: 8_000_000 + seq,
      subjectId: subject.id,
      body: fields.body,
      author: fields.author,
      createdAt: fields.createdAt,
      updatedAt: fields.createdAt,
    };
    this.data.issueComments.push(c);
    if (fields.createdAt > subject.updatedAt) subject.updatedAt = fields.createdAt;
    return c;
  }
}

/** The fixed five-person team and repository every seed shares (the brief's demo fixture). */
export const TEAM = [
  { login: 'mona', name: 'Mona Lisa Octocat' },
  { login: 'sam', name: 'Sam Okafor' },
  { login: 'priya', name: 'Priya Raman' },
  { login: 'kenji', name: 'Kenji Watanabe' },
  { login: 'lea', name: 'Léa Dubois' },
] as const;

export interface TeamRepo {
  b: SeedBuilder;
  repo: RepositoryRecord;
  blocked: CategoryRecord;
  general: CategoryRecord;
  kudos: CategoryRecord;
  ideas: CategoryRecord;
}

/** Users, `acme/webshop` with Discussions enabled and the four categories. */
export function teamRepo(now: number): TeamRepo {
  const b = new SeedBuilder();
  const created = isoTime(now - 400 * DAY);
  b.user('acme', 'ACME Corp', created, 'Organization');
  for (const m of TEAM) b.user(m.login, m.name, created);
  const repo = b.repository('acme', 'webshop', TEAM.map((m) => m.login), created);
  repo.description = 'The ACME web shop: storefront, cart and checkout.';
  const blocked = b.category(repo, 'Blocked', ':construction:', true, 'Stuck? Ask the team. Mark the answer that unblocked you.');
  const general = b.category(repo, 'General', ':speech_balloon:', false, 'Chat about anything and everything here');
  const kudos = b.category(repo, 'Kudos', ':tada:', false, 'Thank a teammate');
  const ideas = b.category(repo, 'Ideas', ':bulb:', false, 'Share ideas for new features');
  return { b, repo, blocked, general, kudos, ideas };
}
