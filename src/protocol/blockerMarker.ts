import * as z from 'zod/mini';
import { aroundSchema, type Around } from './anchorContext';
import { anchorPlaceShape, linesInOrder } from './anchorPlace';
import { decodeField, encodeField, hiddenComment, hiddenCommentPattern, stripHiddenComments } from './hiddenComment';

/**
 * The hidden marker every #Blocked request and reply carries in its body:
 *
 *   <!-- team-support:draft <id> <payload> -->
 *
 * `id` is the draft's random id (so a retried post can find what already reached GitHub);
 * `payload` (optional) is the JSON anchor below as a field (hiddenComment.ts): where the code was
 * when it was asked about, for the Blocked view and the language server.
 * Bodies come from GitHub and are hostile: everything parsed here is validated and size-capped.
 */

/** The anchored text is capped so the marker stays small next to GitHub's body limit. */
export const MAX_ANCHOR_TEXT = 4000;

const draftId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

/** The posted form of an anchor: its place and the lines' text (the language server's form is lspProtocol.ts'). */
export const anchorSchema = z.strictObject({
  ...anchorPlaceShape,
  /** The anchored lines' text (at most MAX_ANCHOR_TEXT characters; `truncated` says when cut). */
  text: z.string().check(z.maxLength(MAX_ANCHOR_TEXT)),
  truncated: z.optional(z.boolean()),
}).check(linesInOrder);

export type PostedAnchor = z.infer<typeof anchorSchema>;

export interface Marker {
  readonly id: string;
  readonly anchor?: PostedAnchor;
  /**
   * Hashes of the lines around the anchor (see anchorContext.ts), in a second comment of their own
   * right after the marker: `<!-- team-support:around <id> <payload> -->`. Apart, so that an older
   * Team Support, whose anchor schema is strict, still reads the anchor of a newer post.
   */
  readonly around?: Around;
}

export function isDraftId(id: string): boolean {
  return draftId.safeParse(id).success;
}

export function formatMarker(marker: Marker): string {
  if (!isDraftId(marker.id)) throw new Error('invalid draft id');
  if (!marker.anchor) return hiddenComment('draft', marker.id);
  const main = hiddenComment('draft', marker.id, encodeField(anchorSchema.parse(clampAnchor(marker.anchor))));
  if (!marker.around) return main;
  return `${main}\n${hiddenComment('around', marker.id, encodeField(aroundSchema.parse(marker.around)))}`;
}

/** Cuts the anchored text to the cap (never inside a surrogate pair). */
export function clampAnchor(anchor: PostedAnchor): PostedAnchor {
  if (anchor.text.length <= MAX_ANCHOR_TEXT) return anchor;
  let end = MAX_ANCHOR_TEXT;
  const code = anchor.text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { ...anchor, text: anchor.text.slice(0, end), truncated: true };
}

// Unbounded `+` rather than `{1,40000}`: V8 compiles large counted repeats slowly, and the
// payload's size is checked after matching.
const markerPattern = hiddenCommentPattern(['draft'], '([A-Za-z0-9-]{8,64})(?: ([A-Za-z0-9_-]+))?');
const MAX_PAYLOAD = 40_000;

/** The first well-formed marker in `body`; a malformed payload still yields the id. */
export function parseMarker(body: string): Marker | undefined {
  for (const match of body.matchAll(markerPattern)) {
    const id = match[1];
    if (id === undefined) continue;
    const payload = match[2];
    if (payload === undefined) return { id };
    if (payload.length > MAX_PAYLOAD) return { id, anchor: undefined };
    const anchor = decodeField(payload, anchorSchema);
    const around = anchor ? aroundOf(body, id) : undefined;
    return { id, anchor, ...(around ? { around } : {}) };
  }
  return undefined;
}

const aroundPattern = hiddenCommentPattern(['around'], '([A-Za-z0-9-]{8,64}) ([A-Za-z0-9_-]{1,2000})');

/** The `around` comment of draft `id`, when well-formed. */
function aroundOf(body: string, id: string): Around | undefined {
  for (const match of body.matchAll(aroundPattern)) {
    if (match[1] === id && match[2] !== undefined) return decodeField(match[2], aroundSchema);
  }
  return undefined;
}

/** Whether `body` carries the marker of draft `id` (used to find a post that already went through). */
export function hasMarker(body: string, id: string): boolean {
  for (const match of body.matchAll(markerPattern)) if (match[1] === id) return true;
  return false;
}

/** Removes every request and reply marker (a user may paste one; the canonical one is appended at post time). */
export function stripMarkers(body: string): string {
  return stripHiddenComments(body, ['draft', 'reply', 'pickup', 'around']);
}
