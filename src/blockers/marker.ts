import * as z from 'zod/mini';

/**
 * The hidden marker every #Blocked request and reply carries in its body:
 *
 *   <!-- team-support:draft <id> <payload> -->
 *
 * `id` is the draft's random id (so a retried post can find what already reached GitHub);
 * `payload` (optional) is base64url of the JSON anchor below: where the code was when it was asked
 * about, for the Blocked view and the language server. base64url keeps `-->` and Markdown out of
 * the comment. Lines are 1-based and inclusive, like GitHub permalinks (`#L10-L12`).
 * Bodies come from GitHub and are hostile: everything parsed here is validated and size-capped.
 */

export const MARKER_PREFIX = 'team-support:draft';
/** The anchored text is capped so the marker stays small next to GitHub's body limit. */
export const MAX_ANCHOR_TEXT = 4000;

const draftId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

export const anchorSchema = z.strictObject({
  path: z.string().check(z.minLength(1), z.maxLength(1000)),
  startLine: z.int().check(z.gte(1)),
  endLine: z.int().check(z.gte(1)),
  commit: z.optional(z.string().check(z.regex(/^[0-9a-f]{7,64}$/))),
  /** The anchored lines' text (at most MAX_ANCHOR_TEXT characters; `truncated` says when cut). */
  text: z.string().check(z.maxLength(MAX_ANCHOR_TEXT)),
  truncated: z.optional(z.boolean()),
}).check(z.refine((a) => a.endLine >= a.startLine, { message: 'endLine before startLine' }));

export type Anchor = z.infer<typeof anchorSchema>;

export interface Marker {
  readonly id: string;
  readonly anchor?: Anchor;
}

export function isDraftId(id: string): boolean {
  return draftId.safeParse(id).success;
}

export function formatMarker(marker: Marker): string {
  if (!isDraftId(marker.id)) throw new Error('invalid draft id');
  if (!marker.anchor) return `<!-- ${MARKER_PREFIX} ${marker.id} -->`;
  const anchor = anchorSchema.parse(clampAnchor(marker.anchor));
  const payload = Buffer.from(JSON.stringify(anchor), 'utf8').toString('base64url');
  return `<!-- ${MARKER_PREFIX} ${marker.id} ${payload} -->`;
}

/** Cuts the anchored text to the cap (never inside a surrogate pair). */
export function clampAnchor(anchor: Anchor): Anchor {
  if (anchor.text.length <= MAX_ANCHOR_TEXT) return anchor;
  let end = MAX_ANCHOR_TEXT;
  const code = anchor.text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { ...anchor, text: anchor.text.slice(0, end), truncated: true };
}

// Unbounded `+` rather than `{1,40000}`: V8 compiles large counted repeats slowly, and the
// payload's size is checked after matching.
const markerPattern = /<!-- team-support:draft ([A-Za-z0-9-]{8,64})(?: ([A-Za-z0-9_-]+))? -->/g;
const MAX_PAYLOAD = 40_000;

/** The first well-formed marker in `body`; a malformed payload still yields the id. */
export function parseMarker(body: string): Marker | undefined {
  for (const match of body.matchAll(markerPattern)) {
    const id = match[1];
    if (id === undefined) continue;
    const payload = match[2];
    if (payload === undefined) return { id };
    if (payload.length > MAX_PAYLOAD) return { id, anchor: undefined };
    return { id, anchor: decodeAnchor(payload) };
  }
  return undefined;
}

function decodeAnchor(payload: string): Anchor | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const parsed = anchorSchema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `body` carries the marker of draft `id` (used to find a post that already went through). */
export function hasMarker(body: string, id: string): boolean {
  for (const match of body.matchAll(markerPattern)) if (match[1] === id) return true;
  return false;
}

/** Removes every request and reply marker (a user may paste one; the canonical one is appended at post time). */
export function stripMarkers(body: string): string {
  return body.replace(/\n?<!-- team-support:(?:draft|reply|pickup) [^>]*-->\n?/g, '\n');
}
