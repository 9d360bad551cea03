import { isBlockedCategoryName } from '../team/blockedCategoryName';
import type {
  Concentration,
  KudosEntry,
  KudosViewModel,
  MedianChange,
  MemberBalance,
  ReviewedPull,
  ReviewerGroup,
  WindowDays,
} from '../protocol/kudosProtocol';
import type { CompactClock } from '../team/compactClock';
import { kudosMessageOf, trustMarker } from '../protocol/kudosMarker';
import type { DiscussionData, KudosData, PullRequestData } from './responseSchema';

/**
 * The Kudos panel's numbers, from one fetch of twice the window. Pure and linear in the data
 * (Maps keyed by lowercase login, one pass per collection) so 1,000 PRs × 10 reviews aggregate
 * in a few milliseconds.
 *
 * Windows: the current window is [now − days, now] (both ends inclusive); the previous window,
 * for the health trend, is [now − 2·days, now − days) (start inclusive, end exclusive) so no
 * event is in both. Events after `now` (clock skew, a fixed test clock) count in neither.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** One person doing more than this share of the team's reviews (or replies) is highlighted. */
export const SHARE_THRESHOLD = 0.4;
/** …once the team has at least this many in the window (2 of 3 reviews is not a pattern). */
export const SHARE_MIN_TOTAL = 5;
/** Giving more than this many times what one receives is highlighted… */
export const RATIO_THRESHOLD = 3;
/** …once one has given at least this many. */
export const RATIO_MIN_GIVEN = 6;

export interface AggregateInput {
  readonly data: KudosData;
  readonly me: string;
  /** The team, in config order; empty when there is no team config (then: everyone seen, A–Z). */
  readonly members: readonly string[];
  readonly now: number;
  readonly windowDays: WindowDays;
  readonly repo: string;
  /** Only discussions of this category count as #Blocked (when the data says its category). */
  readonly blockedCategory?: string;
  readonly notices?: readonly string[];
  /** Counts time to first reply and to resolve (the team compact's clock); default: the wall clock. */
  readonly clock?: Pick<CompactClock, 'elapsed'>;
}

export interface Window {
  readonly start: number;
  readonly end: number;
  readonly previousStart: number;
}

export function windowFor(now: number, days: number): Window {
  return { start: now - days * DAY_MS, end: now, previousStart: now - 2 * days * DAY_MS };
}

export function inCurrent(w: Window, t: number | undefined): t is number {
  return t !== undefined && t >= w.start && t <= w.end;
}

export function inPrevious(w: Window, t: number | undefined): t is number {
  return t !== undefined && t >= w.previousStart && t < w.start;
}

/** The median of `values` (sorted in place); null for none; the mean of the middle two for even counts. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  if (values.length % 2 === 1) return values[mid] ?? null;
  return ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
}

const lower = (s: string | undefined): string | undefined => s?.toLowerCase();

function isSubmitted(state: string): boolean {
  return state !== 'PENDING';
}

export function isBlockedDiscussion(d: DiscussionData, category: string | undefined): boolean {
  return category === undefined || d.category === undefined || isBlockedCategoryName(d.category, category);
}

/** When a discussion was resolved: its answer chosen, else closed — unless closed as outdated or duplicate. */
export function resolvedAt(d: DiscussionData): number | undefined {
  if (d.answerChosenAt !== undefined) return d.answerChosenAt;
  if (!d.closed || d.stateReason === 'OUTDATED' || d.stateReason === 'DUPLICATE') return undefined;
  return d.closedAt;
}

/** The first time someone other than the author responded, at or before `now`. */
export function firstResponseAt(d: DiscussionData, now: number): number | undefined {
  const author = lower(d.author);
  let first: number | undefined;
  for (const c of d.comments) {
    if (c.author === undefined || lower(c.author) === author || c.createdAt > now) continue;
    if (first === undefined || c.createdAt < first) first = c.createdAt;
  }
  return first;
}

/** The first submitted review by someone other than the author, at or before `now`. */
export function firstReviewAt(pr: PullRequestData, now: number): number | undefined {
  const author = lower(pr.author);
  let first: number | undefined;
  for (const r of pr.reviews) {
    const t = r.submittedAt;
    if (t === undefined || t > now || !isSubmitted(r.state) || r.author === undefined || lower(r.author) === author) continue;
    if (first === undefined || t < first) first = t;
  }
  return first;
}

interface Counts {
  reviewsGiven: number;
  reviewsReceived: number;
  repliesGiven: number;
  repliesReceived: number;
}

export function aggregateKudos(input: AggregateInput): KudosViewModel {
  const { data, now } = input;
  const w = windowFor(now, input.windowDays);
  const me = input.me.toLowerCase();
  const notices = [...(input.notices ?? [])];

  // Team members by lowercase login → display login (config spelling), in config order.
  const memberOrder: string[] = [];
  const counts = new Map<string, Counts>();
  const display = new Map<string, string>();
  const explicitTeam = input.members.length > 0;
  const addMember = (login: string): Counts => {
    const key = login.toLowerCase();
    let c = counts.get(key);
    if (!c) {
      c = { reviewsGiven: 0, reviewsReceived: 0, repliesGiven: 0, repliesReceived: 0 };
      counts.set(key, c);
      display.set(key, login);
      memberOrder.push(key);
    }
    return c;
  };
  for (const m of input.members) addMember(m);
  // Without a team config everyone seen counts (listed A–Z below); with one, only the team.
  const member = (login: string | undefined): Counts | undefined => {
    if (login === undefined) return undefined;
    return explicitTeam ? counts.get(login.toLowerCase()) : addMember(login);
  };

  // reviewer → PR number → the folded reviews of that reviewer on that PR.
  const groups = new Map<string, Map<string, ReviewedPull>>();
  const reviewCounts = new Map<string, number>();
  const groupDisplay = new Map<string, string>();
  const kudosReceived: KudosEntry[] = [];
  const kudosGiven: KudosEntry[] = [];
  const sentKeys = new Set<string>();
  const firstReviewCurrent: number[] = [];
  const firstReviewPrevious: number[] = [];

  for (const pr of data.pullRequests) {
    const prAuthor = lower(pr.author);
    const mine = prAuthor === me;
    const authorCounts = member(pr.author);

    for (const r of pr.reviews) {
      if (r.author === undefined || !isSubmitted(r.state)) continue;
      const reviewer = r.author.toLowerCase();
      if (reviewer === prAuthor || !inCurrent(w, r.submittedAt)) continue;
      const reviewerCounts = member(r.author);
      if (reviewerCounts && authorCounts) {
        reviewerCounts.reviewsGiven++;
        authorCounts.reviewsReceived++;
      }
      if (mine) {
        let byPr = groups.get(reviewer);
        if (!byPr) {
          byPr = new Map();
          groups.set(reviewer, byPr);
          groupDisplay.set(reviewer, r.author);
        }
        reviewCounts.set(reviewer, (reviewCounts.get(reviewer) ?? 0) + 1);
        // By id, not number: a team's repositories each have their own #12.
        const folded = byPr.get(pr.id);
        if (!folded) {
          byPr.set(pr.id, {
            prId: pr.id,
            prNumber: pr.number,
            prTitle: pr.title,
            states: [r.state],
            reviewId: r.id,
            submittedAt: r.submittedAt,
            kudosSent: false,
          });
        } else {
          folded.states.push(r.state);
          if (r.submittedAt >= folded.submittedAt) {
            folded.reviewId = r.id;
            folded.submittedAt = r.submittedAt;
          }
        }
      }
    }

    for (const c of pr.comments) {
      const marker = trustMarker(c.kudos, c.author, pr.number);
      if (!marker) continue;
      const from = marker.from.toLowerCase();
      const to = marker.to.toLowerCase();
      if (from === to) continue;
      if (from === me) sentKeys.add(`${pr.id}:${to}`);
      if (!inCurrent(w, c.createdAt)) continue;
      const entry: KudosEntry = {
        commentId: c.id,
        from: marker.from,
        to: marker.to,
        prNumber: pr.number,
        prTitle: pr.title,
        message: kudosMessageOf(c.body, marker.to),
        at: c.createdAt,
      };
      if (to === me) kudosReceived.push(entry);
      if (from === me) kudosGiven.push(entry);
    }

    const reviewedAt = firstReviewAt(pr, now);
    if (reviewedAt !== undefined) {
      if (inCurrent(w, pr.createdAt)) firstReviewCurrent.push(reviewedAt - pr.createdAt);
      else if (inPrevious(w, pr.createdAt)) firstReviewPrevious.push(reviewedAt - pr.createdAt);
    }
  }

  const responseCurrent: number[] = [];
  const responsePrevious: number[] = [];
  const resolutionCurrent: number[] = [];
  const resolutionPrevious: number[] = [];
  for (const d of data.discussions) {
    if (!isBlockedDiscussion(d, input.blockedCategory)) continue;
    const author = lower(d.author);
    const authorCounts = member(d.author);
    for (const c of d.comments) {
      if (c.author === undefined || lower(c.author) === author || !inCurrent(w, c.createdAt)) continue;
      const replier = member(c.author);
      if (replier && authorCounts) {
        replier.repliesGiven++;
        authorCounts.repliesReceived++;
      }
    }
    const current = inCurrent(w, d.createdAt);
    const previous = !current && inPrevious(w, d.createdAt);
    if (!current && !previous) continue;
    const responded = firstResponseAt(d, now);
    const elapsed = (to: number): number => (input.clock ? input.clock.elapsed(d.createdAt, to, d.author) : to - d.createdAt);
    if (responded !== undefined) (current ? responseCurrent : responsePrevious).push(elapsed(responded));
    const resolved = resolvedAt(d);
    if (resolved !== undefined && resolved <= now && resolved >= d.createdAt) {
      (current ? resolutionCurrent : resolutionPrevious).push(elapsed(resolved));
    }
  }

  const reviewsReceived: ReviewerGroup[] = [...groups.entries()]
    // Alphabetical: never a ranking.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, byPr]) => ({
      reviewer: groupDisplay.get(key) ?? key,
      reviewCount: reviewCounts.get(key) ?? 0,
      pullRequests: [...byPr.values()]
        .map((p) => ({ ...p, kudosSent: sentKeys.has(`${p.prId}:${key}`) }))
        .sort((a, b) => b.submittedAt - a.submittedAt),
    }));

  if (!explicitTeam) memberOrder.sort();
  const members: MemberBalance[] = memberOrder.map((key) => {
    const c = counts.get(key) ?? { reviewsGiven: 0, reviewsReceived: 0, repliesGiven: 0, repliesReceived: 0 };
    return { login: display.get(key) ?? key, ...c };
  });
  const totalReviews = members.reduce((s, m) => s + m.reviewsGiven, 0);
  const totalReplies = members.reduce((s, m) => s + m.repliesGiven, 0);

  return {
    repo: input.repo,
    me: input.me,
    windowDays: input.windowDays,
    windowStart: w.start,
    windowEnd: w.end,
    reviewsReceived,
    kudosReceived: kudosReceived.sort((a, b) => b.at - a.at),
    kudosGiven: kudosGiven.sort((a, b) => b.at - a.at),
    balance: { members, totalReviews, totalReplies, concentration: concentrationOf(members, totalReviews, totalReplies) },
    health: {
      blockerFirstResponse: change(responseCurrent, responsePrevious),
      blockerResolution: change(resolutionCurrent, resolutionPrevious),
      prFirstReview: change(firstReviewCurrent, firstReviewPrevious),
    },
    notices,
  };
}

function change(current: number[], previous: number[]): MedianChange {
  return { current: median(current), previous: median(previous), count: current.length, previousCount: previous.length };
}

/** Who carries too much: a big share of the team's reviews/replies, or giving far more than receiving. */
export function concentrationOf(members: readonly MemberBalance[], totalReviews: number, totalReplies: number): Concentration[] {
  const out: Concentration[] = [];
  for (const m of members) {
    if (totalReviews >= SHARE_MIN_TOTAL && m.reviewsGiven / totalReviews > SHARE_THRESHOLD) {
      out.push({ login: m.login, kind: 'reviewShare', value: m.reviewsGiven / totalReviews });
    }
    const reviewRatio = m.reviewsGiven / Math.max(m.reviewsReceived, 1);
    if (m.reviewsGiven >= RATIO_MIN_GIVEN && reviewRatio > RATIO_THRESHOLD) {
      out.push({ login: m.login, kind: 'reviewRatio', value: reviewRatio });
    }
    if (totalReplies >= SHARE_MIN_TOTAL && m.repliesGiven / totalReplies > SHARE_THRESHOLD) {
      out.push({ login: m.login, kind: 'replyShare', value: m.repliesGiven / totalReplies });
    }
    const replyRatio = m.repliesGiven / Math.max(m.repliesReceived, 1);
    if (m.repliesGiven >= RATIO_MIN_GIVEN && replyRatio > RATIO_THRESHOLD) {
      out.push({ login: m.login, kind: 'replyRatio', value: replyRatio });
    }
  }
  return out;
}
