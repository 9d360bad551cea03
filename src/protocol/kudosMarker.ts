import * as z from 'zod/mini';
import { GITHUB_LOGIN } from './githubLogin';
import { hiddenComment, hiddenCommentPattern, mayHoldHiddenComment, parseJson } from './hiddenComment';

/**
 * The hidden marker a kudos comment carries so the panel can count it:
 * `<!-- team-support:kudos {"to":"sam","from":"mona","pr":12} -->`.
 * Comments are hostile text: parsing never throws, and the JSON is validated.
 */

const login = z.string().check(z.regex(GITHUB_LOGIN));

export const kudosMarkerSchema = z.strictObject({
  to: login,
  from: login,
  pr: z.int().check(z.positive(), z.lte(1_000_000_000)),
});
export type KudosMarker = z.infer<typeof kudosMarkerSchema>;

/**
 * What parsing accepts: `from` may be missing (older or hand-written markers) — then the comment's
 * author is the sender. Extra keys are refused so the format stays ours.
 */
const parsedMarkerSchema = z.strictObject({
  to: login,
  from: z.optional(login),
  pr: z.int().check(z.positive(), z.lte(1_000_000_000)),
});
export type ParsedMarker = z.infer<typeof parsedMarkerSchema>;

// Bounded, no nested braces, no `<`/`>`: a hostile body can't make this slow or smuggle markup.
const MARKER_RE = hiddenCommentPattern(['kudos'], '(\\{[^{}<>]{0,300}\\})');

export function formatMarker(marker: KudosMarker): string {
  const valid = kudosMarkerSchema.parse(marker);
  // Fixed key order so the marker is byte-stable (findApplied compares bodies).
  return hiddenComment('kudos', JSON.stringify({ to: valid.to, from: valid.from, pr: valid.pr }));
}

/** The last valid marker in `body` (ours is appended last), or undefined. */
export function parseMarker(body: string): ParsedMarker | undefined {
  if (!mayHoldHiddenComment(body, 'kudos')) return undefined;
  let found: ParsedMarker | undefined;
  for (const match of body.matchAll(MARKER_RE)) {
    const marker = match[1] === undefined ? undefined : parseJson(match[1], parsedMarkerSchema);
    if (marker) found = marker;
  }
  return found;
}

/**
 * A marker counts only when the comment's author is its `from` and it sits on the pull request it
 * names: anyone can paste a marker, but nobody can send kudos in someone else's name.
 */
export function trustedMarker(body: string, commentAuthor: string | undefined, prNumber: number): KudosMarker | undefined {
  return trustMarker(parseMarker(body), commentAuthor, prNumber);
}

/** `trustedMarker` for a marker parsed earlier (the response schema parses each comment once). */
export function trustMarker(marker: ParsedMarker | undefined, commentAuthor: string | undefined, prNumber: number): KudosMarker | undefined {
  if (!marker || commentAuthor === undefined) return undefined;
  const from = marker.from ?? commentAuthor;
  if (from.toLowerCase() !== commentAuthor.toLowerCase() || marker.pr !== prNumber) return undefined;
  return { to: marker.to, from, pr: marker.pr };
}

/** The visible part of a kudos comment: the mention and the message. */
export function kudosVisibleText(to: string, message: string): string {
  return `@${to} ${message.trim()}`;
}

/** The comment body for a kudos: the mention, the message, the hidden marker (what the outgoing guard composes). */
export function formatKudosBody(marker: KudosMarker, message: string): string {
  return `${kudosVisibleText(marker.to, message)}\n\n${formatMarker(marker)}`;
}

/** The visible message of a kudos comment: without the marker and the leading mention. */
export function kudosMessageOf(body: string, to: string): string {
  let visible = body.replace(MARKER_RE, '').trim();
  const mention = `@${to} `;
  if (visible.toLowerCase().startsWith(mention.toLowerCase())) visible = visible.slice(mention.length);
  return visible.length > 500 ? `${visible.slice(0, 499)}…` : visible;
}
