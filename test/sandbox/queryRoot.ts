import { connection } from './connection';
import { GitHubResolverError, type TypeResolvers, page, str, strList } from './context';
import { requireSamlAuthorization } from './gitObjects';
import { searchPullRequests } from './search';

// Root `Query` fields: viewer, user, repository, node(s), search, rateLimit.

export const queryResolvers: TypeResolvers<unknown> = {
  viewer: (_s, _a, ctx) => ctx.viewer,
  user: (_s, a, ctx) => {
    const login = str(a.login) ?? '';
    const u = ctx.store.user(login);
    if (!u) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a User with the login of '${login}'.`);
    return u;
  },
  organization: (_s, a, ctx) => {
    const login = str(a.login) ?? '';
    const o = ctx.store.account(login);
    if (o?.__typename !== 'Organization') throw new GitHubResolverError('NOT_FOUND', `Could not resolve to an Organization with the login of '${login}'.`);
    return o;
  },
  repositoryOwner: (_s, a, ctx) => ctx.store.account(str(a.login) ?? '') ?? null,
  repository: (_s, a, ctx) => {
    const owner = str(a.owner) ?? '';
    const name = str(a.name) ?? '';
    const r = ctx.store.repository(owner, name);
    if (!r) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
    requireSamlAuthorization(ctx, r.owner);
    return r;
  },
  node: (_s, a, ctx) => {
    const id = str(a.id) ?? '';
    const n = ctx.store.byId.get(id);
    if (!n) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    return n;
  },
  nodes: (_s, a, ctx) =>
    strList(a.ids).map((id) => {
      const n = ctx.store.byId.get(id);
      // GitHub nulls the missing entry and reports it; a thrown error per item does the same here.
      return n ?? new GitHubResolverError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    }),
  search: (_s, a, ctx) => {
    const type = str(a.type);
    const items = type === 'ISSUE' ? searchPullRequests(ctx.store, str(a.query) ?? '') : [];
    // GitHub search returns at most 1,000 results.
    const c = connection(items.slice(0, 1000), page(a), (p) => p.id);
    return {
      ...c,
      edges: c.edges.map((e) => ({ ...e, textMatches: [] })),
      issueCount: type === 'ISSUE' ? items.length : 0,
      discussionCount: 0,
      codeCount: 0,
      repositoryCount: 0,
      userCount: 0,
      wikiCount: 0,
    };
  },
  rateLimit: (_s, _a, ctx) => ctx.rateLimit,
};
