import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import * as z from 'zod/mini';
import { aroundSchema } from './anchorContext';
import { anchorPlaceShape } from './anchorPlace';

/**
 * The custom messages between the extension (language client) and the Team Support language
 * server. Each is declared once here, as a typed NotificationType/RequestType beside the zod schema
 * of its parameters, and imported by both sides; every message is zod-parsed on receipt.
 * The message types come from vscode-languageserver-protocol, which dist/server.js and
 * dist/languageClient.js share (dist/languageServerProtocol.js, see esbuild.config.mjs): only those
 * two bundles import values from here, never the extension's startup bundle (lazyBundles.test.ts).
 */

/** Where a #Blocked request's code was when it was posted. Lines are 1-based and inclusive. */
export const anchorSchema = z.object({
  ...anchorPlaceShape,
  /** The text of lines startLine..endLine when the blocker was posted. */
  lines: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(500)),
  /** Hashes of the lines around the block when it was posted (newer markers; see anchorContext.ts). */
  around: z.optional(aroundSchema),
});
export type Anchor = z.infer<typeof anchorSchema>;

export const anchoredBlockerSchema = z.object({
  id: z.string().check(z.minLength(1)),
  number: z.int(),
  title: z.string().check(z.maxLength(1000)),
  url: z.string(),
  replyCount: z.int().check(z.gte(0)),
  /** First paragraph of the question, plain text, capped. */
  question: z.string().check(z.maxLength(2000)),
  anchor: anchorSchema,
});
export type AnchoredBlocker = z.infer<typeof anchoredBlockerSchema>;

/** client → server: the open blockers of the repository with an anchor; replaces the previous set. */
export const setBlockersParamsSchema = z.object({ blockers: z.array(anchoredBlockerSchema) });
export type SetBlockersParams = z.infer<typeof setBlockersParamsSchema>;
export const setBlockersNotification = new NotificationType<SetBlockersParams>('teamSupport/setBlockers');

/** client → server: the repository root the anchors' paths are relative to (a file URI), or null. */
export const setRepositoryRootParamsSchema = z.object({ rootUri: z.nullable(z.string()) });
export type SetRepositoryRootParams = z.infer<typeof setRepositoryRootParamsSchema>;
export const setRepositoryRootNotification = new NotificationType<SetRepositoryRootParams>('teamSupport/setRepositoryRoot');

/** client → server: logins offered when completing team members in the team config. */
export const setContributorsParamsSchema = z.object({ logins: z.array(z.string().check(z.minLength(1), z.maxLength(39))).check(z.maxLength(1000)) });
export type SetContributorsParams = z.infer<typeof setContributorsParamsSchema>;
export const setContributorsNotification = new NotificationType<SetContributorsParams>('teamSupport/setContributors');

/**
 * server → client: the full set of blockers whose code can no longer be found with confidence
 * (sent whenever that set changes). Their CodeLens and hover are not shown.
 */
export const lostReasonSchema = z.enum(['deleted', 'changed', 'fileMissing']);
export type LostReasonParam = z.infer<typeof lostReasonSchema>;
export const anchorsMovedParamsSchema = z.object({
  blockerIds: z.array(z.string()),
  /** Why each one is lost: git says its code was deleted; it changed beyond recognition; its file is not in the workspace. */
  reasons: z.optional(z.record(z.string(), lostReasonSchema)),
});
export type AnchorsMovedParams = z.infer<typeof anchorsMovedParamsSchema>;
export const anchorsMovedNotification = new NotificationType<AnchorsMovedParams>('teamSupport/anchorsMoved');

/**
 * client → server request: where a blocker's code is now ("Open Code Location"), placed exactly as
 * its CodeLens is. Lines 0-based, inclusive; `path` is where the file is now (after a rename).
 */
export const locateAnchorParamsSchema = z.object({ blockerId: z.string() });
export type LocateAnchorParams = z.infer<typeof locateAnchorParamsSchema>;
export const locateAnchorResultSchema = z.union([
  z.object({ kind: z.literal('found'), path: z.string(), startLine: z.int().check(z.gte(0)), endLine: z.int().check(z.gte(0)) }),
  z.object({ kind: z.literal('lost'), path: z.string(), reason: lostReasonSchema }),
  z.object({ kind: z.literal('unknown') }),
]);
export type LocateAnchorResult = z.infer<typeof locateAnchorResultSchema>;
export const locateAnchorRequest = new RequestType<LocateAnchorParams, LocateAnchorResult, void>('teamSupport/locateAnchor');
