// zod/mini, not the classic `z`: the webview bundles this file, and mini's functions tree-shake to
// a fraction of classic zod's size. The checks are the same on both sides of the boundary.
import * as z from 'zod/mini';

/**
 * The ONE protocol between the Kudos host (extension) and its webview (sidebar view and editor
 * panel). Both sides validate every message they receive with these schemas and drop (and log)
 * anything that doesn't parse. Types come from the schemas; no hand-written copies.
 */

export const WINDOW_DAYS = [7, 30, 90] as const;
export const windowDaysSchema = z.union([z.literal(7), z.literal(30), z.literal(90)]);
export type WindowDays = z.infer<typeof windowDaysSchema>;

/** A kudos message the user types: required, at most 2,000 characters. */
export const KUDOS_MESSAGE_MAX = 2000;
export const kudosMessageSchema = z.string().check(
  z.refine((s) => s.trim().length > 0, 'Write a message for the kudos.'),
  z.refine((s) => s.length <= KUDOS_MESSAGE_MAX, `Keep the message under ${KUDOS_MESSAGE_MAX} characters.`),
);

const text = z.string().check(z.maxLength(10_000));
const login = z.string().check(z.minLength(1), z.maxLength(100));
// zod 4's number() already rejects Infinity and NaN.
const time = z.number();
const positiveInt = z.int().check(z.positive());
const count = z.int().check(z.nonnegative());

/** One reviewer's reviews on one of my pull requests in the window (several rounds fold into one). */
export const reviewedPullSchema = z.object({
  prId: z.string(),
  prNumber: positiveInt,
  prTitle: text,
  /** Review states, oldest first (APPROVED, COMMENTED, CHANGES_REQUESTED, …). */
  states: z.array(z.string().check(z.maxLength(40))),
  /** The latest review: the one a heart goes on. */
  reviewId: z.string(),
  submittedAt: time,
  /** Whether the viewer already sent kudos to this reviewer on this pull request. */
  kudosSent: z.boolean(),
});

export const reviewerGroupSchema = z.object({
  reviewer: login,
  reviewCount: count,
  pullRequests: z.array(reviewedPullSchema),
});

export const kudosEntrySchema = z.object({
  commentId: z.string(),
  from: login,
  to: login,
  prNumber: positiveInt,
  prTitle: text,
  message: text,
  at: time,
});

export const concentrationSchema = z.object({
  login,
  kind: z.enum(['reviewShare', 'reviewRatio', 'replyShare', 'replyRatio']),
  /** Share (0..1) or given/received ratio, depending on kind. */
  value: z.number(),
});

export const memberBalanceSchema = z.object({
  login,
  reviewsGiven: count,
  reviewsReceived: count,
  repliesGiven: count,
  repliesReceived: count,
});

export const medianChangeSchema = z.object({
  /** Median in milliseconds for the window; null when nothing was measured. */
  current: z.nullable(z.number()),
  previous: z.nullable(z.number()),
  /** How many items the current median is taken over. */
  count: count,
  previousCount: count,
});

export const kudosViewModelSchema = z.object({
  repo: z.string(),
  me: login,
  windowDays: windowDaysSchema,
  /** The window's start and end (ms since epoch, both inclusive). */
  windowStart: time,
  windowEnd: time,
  reviewsReceived: z.array(reviewerGroupSchema),
  kudosReceived: z.array(kudosEntrySchema),
  kudosGiven: z.array(kudosEntrySchema),
  balance: z.object({
    members: z.array(memberBalanceSchema),
    totalReviews: count,
    totalReplies: count,
    concentration: z.array(concentrationSchema),
  }),
  health: z.object({
    blockerFirstResponse: medianChangeSchema,
    blockerResolution: medianChangeSchema,
    prFirstReview: medianChangeSchema,
  }),
  /** Things the user should know (partial data, no team config). */
  notices: z.array(text),
});

export type KudosViewModel = z.infer<typeof kudosViewModelSchema>;
export type ReviewerGroup = z.infer<typeof reviewerGroupSchema>;
export type ReviewedPull = z.infer<typeof reviewedPullSchema>;
export type KudosEntry = z.infer<typeof kudosEntrySchema>;
export type MemberBalance = z.infer<typeof memberBalanceSchema>;
export type Concentration = z.infer<typeof concentrationSchema>;
export type MedianChange = z.infer<typeof medianChangeSchema>;

export const surfaceSchema = z.enum(['view', 'panel']);
export type Surface = z.infer<typeof surfaceSchema>;

// ---- host → webview -------------------------------------------------------------------------

export const hostMessageSchema = z.discriminatedUnion('type', [
  /** `acknowledge`: answer with `rendered` (only while VS Code runs the extension's tests). */
  z.object({ type: z.literal('model'), model: kudosViewModelSchema, acknowledge: z.optional(z.boolean()) }),
  z.object({ type: z.literal('loading'), windowDays: windowDaysSchema }),
  z.object({
    type: z.literal('status'),
    kind: z.enum(['signedOut', 'noRepository', 'error']),
    message: text,
  }),
  z.object({
    type: z.literal('sendResult'),
    /** `${prNumber}:${reviewer}` of the form that sent it. */
    key: z.string().check(z.maxLength(200)),
    ok: z.boolean(),
    message: text,
  }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

// ---- webview → host -------------------------------------------------------------------------

export const renderedSummarySchema = z.object({
  windowDays: windowDaysSchema,
  reviewers: count,
  reviewsReceived: count,
  kudosReceived: count,
  kudosGiven: count,
  members: count,
  totalReviews: count,
});
export type RenderedSummary = z.infer<typeof renderedSummarySchema>;

export const sendKudosRequestSchema = z.object({
  prNumber: positiveInt,
  reviewer: login,
  reviewId: z.optional(z.string().check(z.maxLength(200))),
  message: kudosMessageSchema,
  heart: z.boolean(),
});
export type SendKudosRequest = z.infer<typeof sendKudosRequestSchema>;

export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** `windowDays`: the window a restored webview showed before (absent for a fresh one: it adopts the host's). */
  z.object({ type: z.literal('ready'), windowDays: z.optional(windowDaysSchema) }),
  z.object({ type: z.literal('rendered'), summary: renderedSummarySchema }),
  z.object({ type: z.literal('setWindow'), windowDays: windowDaysSchema }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('sendKudos'), request: sendKudosRequestSchema }),
  z.object({ type: z.literal('openPullRequest'), prNumber: positiveInt }),
  z.object({ type: z.literal('command'), command: z.enum(['openPanel', 'draftStandup', 'signIn']) }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** What the webview keeps with `setState` (so a hidden or reloaded view comes back as it was). */
export const webviewStateSchema = z.object({
  windowDays: z._default(windowDaysSchema, 7),
  scrollY: z._default(z.number().check(z.nonnegative()), 0),
  /** Unsent kudos text by form key: never lose what someone typed. */
  drafts: z._default(z.record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(KUDOS_MESSAGE_MAX * 2))), {}),
});
export type WebviewState = z.infer<typeof webviewStateSchema>;

export function kudosFormKey(prNumber: number, reviewer: string): string {
  return `${prNumber}:${reviewer.toLowerCase()}`;
}
