import { z } from 'zod';

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
export const kudosMessageSchema = z
  .string()
  .refine((s) => s.trim().length > 0, 'Write a message for the kudos.')
  .refine((s) => s.length <= KUDOS_MESSAGE_MAX, `Keep the message under ${KUDOS_MESSAGE_MAX} characters.`);

const text = z.string().max(10_000);
const login = z.string().min(1).max(100);
const time = z.number().finite();

/** One reviewer's reviews on one of my pull requests in the window (several rounds fold into one). */
export const reviewedPullSchema = z.object({
  prId: z.string(),
  prNumber: z.number().int().positive(),
  prTitle: text,
  /** Review states, oldest first (APPROVED, COMMENTED, CHANGES_REQUESTED, …). */
  states: z.array(z.string().max(40)),
  /** The latest review: the one a heart goes on. */
  reviewId: z.string(),
  submittedAt: time,
  /** Whether the viewer already sent kudos to this reviewer on this pull request. */
  kudosSent: z.boolean(),
});

export const reviewerGroupSchema = z.object({
  reviewer: login,
  reviewCount: z.number().int().nonnegative(),
  pullRequests: z.array(reviewedPullSchema),
});

export const kudosEntrySchema = z.object({
  commentId: z.string(),
  from: login,
  to: login,
  prNumber: z.number().int().positive(),
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
  reviewsGiven: z.number().int().nonnegative(),
  reviewsReceived: z.number().int().nonnegative(),
  repliesGiven: z.number().int().nonnegative(),
  repliesReceived: z.number().int().nonnegative(),
});

export const medianChangeSchema = z.object({
  /** Median in milliseconds for the window; null when nothing was measured. */
  current: z.number().nullable(),
  previous: z.number().nullable(),
  /** How many items the current median is taken over. */
  count: z.number().int().nonnegative(),
  previousCount: z.number().int().nonnegative(),
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
    totalReviews: z.number().int().nonnegative(),
    totalReplies: z.number().int().nonnegative(),
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
  z.object({ type: z.literal('model'), model: kudosViewModelSchema }),
  z.object({ type: z.literal('loading'), windowDays: windowDaysSchema }),
  z.object({
    type: z.literal('status'),
    kind: z.enum(['signedOut', 'noRepository', 'error']),
    message: text,
  }),
  z.object({
    type: z.literal('sendResult'),
    /** `${prNumber}:${reviewer}` of the form that sent it. */
    key: z.string().max(200),
    ok: z.boolean(),
    message: text,
  }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

// ---- webview → host -------------------------------------------------------------------------

export const renderedSummarySchema = z.object({
  windowDays: windowDaysSchema,
  reviewers: z.number().int().nonnegative(),
  reviewsReceived: z.number().int().nonnegative(),
  kudosReceived: z.number().int().nonnegative(),
  kudosGiven: z.number().int().nonnegative(),
  members: z.number().int().nonnegative(),
  totalReviews: z.number().int().nonnegative(),
});
export type RenderedSummary = z.infer<typeof renderedSummarySchema>;

export const sendKudosRequestSchema = z.object({
  prNumber: z.number().int().positive(),
  reviewer: login,
  reviewId: z.string().max(200).optional(),
  message: kudosMessageSchema,
  heart: z.boolean(),
});
export type SendKudosRequest = z.infer<typeof sendKudosRequestSchema>;

export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** `windowDays`: the window a restored webview showed before (absent for a fresh one: it adopts the host's). */
  z.object({ type: z.literal('ready'), windowDays: windowDaysSchema.optional() }),
  z.object({ type: z.literal('rendered'), summary: renderedSummarySchema }),
  z.object({ type: z.literal('setWindow'), windowDays: windowDaysSchema }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('sendKudos'), request: sendKudosRequestSchema }),
  z.object({ type: z.literal('openPullRequest'), prNumber: z.number().int().positive() }),
  z.object({ type: z.literal('command'), command: z.enum(['openPanel', 'draftStandup', 'signIn']) }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** What the webview keeps with `setState` (so a hidden or reloaded view comes back as it was). */
export const webviewStateSchema = z.object({
  windowDays: windowDaysSchema.default(7),
  scrollY: z.number().finite().nonnegative().default(0),
  /** Unsent kudos text by form key: never lose what someone typed. */
  drafts: z.record(z.string().max(200), z.string().max(KUDOS_MESSAGE_MAX * 2)).default({}),
});
export type WebviewState = z.infer<typeof webviewStateSchema>;

export function kudosFormKey(prNumber: number, reviewer: string): string {
  return `${prNumber}:${reviewer.toLowerCase()}`;
}
