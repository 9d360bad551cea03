import * as z from 'zod/mini';
import { isPickUp } from '../protocol/replyMarker';
import { parseMarker } from '../protocol/kudosMarker';

/**
 * zod schemas for the Kudos GraphQL responses. They normalise as they parse (times to ms since
 * epoch, missing authors to undefined, unparseable nodes dropped) so the aggregation works on
 * plain, small records and never parses a date twice.
 */

const actor = z.pipe(
  z.optional(z.nullable(z.object({ login: z.string() }))),
  z.transform((a) => a?.login),
);

/** An ISO time to ms since epoch; unparseable times become undefined (never NaN). */
const isoTime = z.pipe(
  z.string(),
  z.transform((s: string, ctx) => {
    const t = Date.parse(s);
    if (Number.isNaN(t)) {
      ctx.issues.push({ code: 'custom', message: `not a time: ${s.slice(0, 40)}`, input: s });
      return z.NEVER;
    }
    return t;
  }),
);
const optionalTime = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((s) => {
    if (s == null) return undefined;
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  }),
);

/** A list of nodes where a node that doesn't parse is dropped rather than failing the page. */
function lenientNodes<T extends z.ZodMiniType>(node: T) {
  return z.pipe(
    z.optional(z.nullable(z.object({ nodes: z.optional(z.nullable(z.array(z.unknown()))) }))),
    z.transform((c) =>
      (c?.nodes ?? []).flatMap((n) => {
        const parsed = node.safeParse(n);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  );
}

export const reviewDataSchema = z.object({
  id: z.string(),
  state: z.string(),
  submittedAt: optionalTime,
  author: actor,
});

export const prCommentDataSchema = z.pipe(
  z.object({
    id: z.string(),
    body: z.string(),
    createdAt: isoTime,
    author: actor,
  }),
  // The kudos marker is parsed once, here at the boundary, so re-aggregating (another window) is cheap.
  z.transform((c) => ({ ...c, kudos: parseMarker(c.body) })),
);

export const pullRequestDataSchema = z.object({
  id: z.string(),
  number: z.int().check(z.positive()),
  title: z.string(),
  createdAt: isoTime,
  author: actor,
  reviews: lenientNodes(reviewDataSchema),
  comments: lenientNodes(prCommentDataSchema),
});

/** A #Blocked comment: who and when, and whether it was a pick-up ("I'm On It"); the body is not kept. */
export interface DiscussionCommentData {
  readonly createdAt: z.output<typeof isoTime>;
  readonly author: z.output<typeof actor>;
  readonly pickUp?: boolean;
}

const discussionCommentSchema = z.pipe(
  z.object({ createdAt: isoTime, author: actor, body: z.optional(z.string()) }),
  z.transform(({ body, ...c }): DiscussionCommentData => (body !== undefined && isPickUp(body) ? { ...c, pickUp: true } : c)),
);

export const discussionDataSchema = z.object({
  id: z.string(),
  number: z.int().check(z.positive()),
  title: z.string(),
  createdAt: isoTime,
  updatedAt: optionalTime,
  closed: z.pipe(z.optional(z.nullable(z.boolean())), z.transform((c) => c === true)),
  closedAt: optionalTime,
  /** RESOLVED, OUTDATED, DUPLICATE, REOPENED (null when open or unknown). */
  stateReason: z.pipe(z.optional(z.nullable(z.string())), z.transform((r) => r ?? undefined)),
  answerChosenAt: optionalTime,
  category: z.pipe(z.optional(z.nullable(z.object({ name: z.string() }))), z.transform((c) => c?.name)),
  author: actor,
  comments: lenientNodes(discussionCommentSchema),
});

export type ReviewData = z.infer<typeof reviewDataSchema>;
export type PrCommentData = z.infer<typeof prCommentDataSchema>;
export type PullRequestData = z.infer<typeof pullRequestDataSchema>;
export type DiscussionData = z.infer<typeof discussionDataSchema>;

/** Everything the aggregation needs, fetched once for twice the window. */
export interface KudosData {
  readonly pullRequests: readonly PullRequestData[];
  readonly discussions: readonly DiscussionData[];
  /** Set when the data is known to be incomplete (a connection was cut at its page size). */
  readonly truncated?: boolean;
}

const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.nullable(z.string()) });

const discussionNodes = z.pipe(
  z.array(z.unknown()),
  z.transform((nodes) =>
    nodes.flatMap((n) => {
      const d = discussionDataSchema.safeParse(n);
      return d.success ? [d.data] : [];
    }),
  ),
);

const pullsConnection = z.object({
  issueCount: z.int(),
  pageInfo,
  // `search` returns a union: other node types arrive as `{}` and are dropped.
  nodes: z.pipe(
    z.array(z.unknown()),
    z.transform((nodes) =>
      nodes.flatMap((n) => {
        const pr = pullRequestDataSchema.safeParse(n);
        return pr.success ? [pr.data] : [];
      }),
    ),
  ),
});

export const kudosWindowResponseSchema = z.object({
  viewer: z.object({ login: z.string() }),
  repository: z.nullable(
    z.object({
      nameWithOwner: z.string(),
      blockers: z.object({ pageInfo, nodes: discussionNodes }),
    }),
  ),
  pulls: pullsConnection,
});
export type KudosWindowResponse = z.infer<typeof kudosWindowResponseSchema>;

export const kudosPullsResponseSchema = z.object({ pulls: pullsConnection });

export const kudosDiscussionsResponseSchema = z.object({
  repository: z.nullable(z.object({ blockers: z.object({ pageInfo, nodes: discussionNodes }) })),
});

export const kudosPullRequestResponseSchema = z.object({
  viewer: z.object({ login: z.string() }),
  repository: z.nullable(
    z.object({
      pullRequest: z.nullable(
        z.object({
          id: z.string(),
          number: z.int(),
          title: z.string(),
          author: actor,
          reviews: lenientNodes(reviewDataSchema),
          comments: lenientNodes(z.object({ id: z.string(), url: z.optional(z.string()), body: z.string(), author: actor })),
        }),
      ),
    }),
  ),
});
export type KudosPullRequestResponse = z.infer<typeof kudosPullRequestResponseSchema>;

export const addKudosCommentResponseSchema = z.object({
  addComment: z.nullable(
    z.object({
      commentEdge: z.optional(z.nullable(z.object({ node: z.object({ id: z.string(), url: z.optional(z.string()) }) }))),
    }),
  ),
});

export const addKudosHeartResponseSchema = z.object({
  addReaction: z.nullable(z.object({ reaction: z.optional(z.nullable(z.object({ content: z.string() }))) })),
});
