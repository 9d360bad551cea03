import type { PullRequestRecord } from './model';
import type { Store } from './store';

// `search(type: ISSUE, query:)` over pull requests, with the qualifiers the extension uses:
// repo:, org:, user: (several of them widen the search: GitHub ORs the scope qualifiers), is:pr/issue/open/closed/merged/draft, author:, review-requested:, reviewed-by:,
// involves:, mentions:, commenter:, created:/updated:/closed:/merged: (>=, >, <=, <, a..b, exact day),
// sort:created|updated-asc|desc, plus free text matched against title and body.

type DateField = 'createdAt' | 'updatedAt' | 'closedAt' | 'mergedAt';

interface Parsed {
  predicates: ((p: PullRequestRecord) => boolean)[];
  sort: { field: 'createdAt' | 'updatedAt'; dir: 1 | -1 };
  excludesPullRequests: boolean;
}

function dateRange(field: DateField, spec: string): (p: PullRequestRecord) => boolean {
  const value = (p: PullRequestRecord): number => {
    const v = p[field];
    return v ? Date.parse(v) : NaN;
  };
  const day = (s: string, end: boolean): number => {
    const t = Date.parse(s.length <= 10 ? `${s}T00:00:00Z` : s);
    return end && s.length <= 10 ? t + 86_400_000 - 1 : t;
  };
  const m = /^(>=|<=|>|<)(.+)$/.exec(spec);
  if (m) {
    const [, op, s = ''] = m;
    if (op === '>=') return (p) => value(p) >= day(s, false);
    if (op === '>') return (p) => value(p) > day(s, true);
    if (op === '<=') return (p) => value(p) <= day(s, true);
    return (p) => value(p) < day(s, false);
  }
  const range = /^(.+?)\.\.(.+)$/.exec(spec);
  if (range) {
    const [, a = '*', b = '*'] = range;
    return (p) => (a === '*' || value(p) >= day(a, false)) && (b === '*' || value(p) <= day(b, true));
  }
  return (p) => value(p) >= day(spec, false) && value(p) <= day(spec, true);
}

function tokens(q: string): string[] {
  return q.match(/-?[\w-]+:"[^"]*"|"[^"]*"|\S+/g) ?? [];
}

function parse(store: Store, query: string): Parsed {
  const out: Parsed = { predicates: [], sort: { field: 'createdAt', dir: -1 }, excludesPullRequests: false };
  // `repo:a/x repo:a/y org:b` means "in any of these": one predicate over the union of their repositories.
  let scope: Set<string> | undefined;
  const widen = (ids: readonly string[]): void => {
    scope ??= new Set();
    for (const id of ids) scope.add(id);
  };
  const mentions = (p: PullRequestRecord, login: string): boolean =>
    new RegExp(`@${login.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(p.body) ||
    store.issueComments(p.id).some((c) => c.body.toLowerCase().includes(`@${login.toLowerCase()}`));
  const commenter = (p: PullRequestRecord, login: string): boolean =>
    store.issueComments(p.id).some((c) => c.author.toLowerCase() === login) || store.reviews(p.id).some((r) => r.author.toLowerCase() === login);
  for (const raw of tokens(query)) {
    const negate = raw.startsWith('-') && raw.includes(':');
    const tok = negate ? raw.slice(1) : raw;
    const i = tok.indexOf(':');
    let pred: ((p: PullRequestRecord) => boolean) | undefined;
    if (i <= 0) {
      const text = tok.replace(/^"|"$/g, '').toLowerCase();
      pred = (p) => p.title.toLowerCase().includes(text) || p.body.toLowerCase().includes(text);
    } else {
      const key = tok.slice(0, i).toLowerCase();
      const value = tok.slice(i + 1).replace(/^"|"$/g, '');
      const login = value.replace(/^@/, '').toLowerCase();
      switch (key) {
        case 'repo': {
          const [owner = '', name = ''] = value.split('/');
          const repo = store.repository(owner, name);
          if (negate) pred = (p) => p.repositoryId === repo?.id;
          else widen(repo ? [repo.id] : []);
          break;
        }
        case 'org':
        case 'user': {
          const ids = store.repositoriesOf(value).map((r) => r.id);
          if (negate) pred = (p) => ids.includes(p.repositoryId);
          else widen(ids);
          break;
        }
        case 'is':
        case 'type':
          if (value === 'pr') pred = () => true;
          else if (value === 'issue') out.excludesPullRequests = !negate;
          else if (value === 'open') pred = (p) => p.state === 'OPEN';
          else if (value === 'closed') pred = (p) => p.state !== 'OPEN';
          else if (value === 'merged') pred = (p) => p.state === 'MERGED';
          else if (value === 'unmerged') pred = (p) => p.state === 'CLOSED';
          else if (value === 'draft') pred = (p) => p.isDraft;
          break;
        case 'state':
          pred = value === 'open' ? (p) => p.state === 'OPEN' : (p) => p.state !== 'OPEN';
          break;
        case 'draft':
          pred = (p) => p.isDraft === (value === 'true');
          break;
        case 'author':
          pred = (p) => p.author.toLowerCase() === login;
          break;
        case 'review-requested':
          pred = (p) => store.reviewRequests(p.id).some((r) => r.reviewer.toLowerCase() === login);
          break;
        case 'reviewed-by':
          pred = (p) => store.reviews(p.id).some((r) => r.author.toLowerCase() === login && r.state !== 'PENDING');
          break;
        case 'mentions':
          pred = (p) => mentions(p, login);
          break;
        case 'commenter':
          pred = (p) => commenter(p, login);
          break;
        case 'involves':
          pred = (p) =>
            p.author.toLowerCase() === login ||
            commenter(p, login) ||
            mentions(p, login) ||
            store.reviewRequests(p.id).some((r) => r.reviewer.toLowerCase() === login);
          break;
        case 'created':
          pred = dateRange('createdAt', value);
          break;
        case 'updated':
          pred = dateRange('updatedAt', value);
          break;
        case 'closed':
          pred = dateRange('closedAt', value);
          break;
        case 'merged':
          pred = dateRange('mergedAt', value);
          break;
        case 'sort': {
          const [field, dir] = value.split('-');
          out.sort = { field: field === 'updated' ? 'updatedAt' : 'createdAt', dir: dir === 'asc' ? 1 : -1 };
          break;
        }
        default:
          // Unknown qualifiers match nothing on GitHub only for some keys; ignoring is kinder here.
          break;
      }
    }
    if (pred) {
      const p = pred;
      out.predicates.push(negate ? (x) => !p(x) : p);
    }
  }
  if (scope) {
    const within = scope;
    out.predicates.push((p) => within.has(p.repositoryId));
  }
  return out;
}

/** Pull requests matching a GitHub issue-search query, in the query's sort order (default newest first). */
export function searchPullRequests(store: Store, query: string): PullRequestRecord[] {
  const q = parse(store, query);
  if (q.excludesPullRequests) return [];
  const all = store.data.pullRequests.filter((p) => q.predicates.every((f) => f(p)));
  const { field, dir } = q.sort;
  return all.sort((a, b) => (a[field] < b[field] ? -dir : a[field] > b[field] ? dir : (a.number - b.number) * dir));
}
