import { createHash, randomBytes } from 'node:crypto';
import { hiddenComment, hiddenCommentPattern } from './hiddenComment';

/**
 * The hidden marker on a reply Team Support posts to a #Blocked discussion:
 *
 *   <!-- team-support:reply <key> -->    a reply written in a reply draft
 *   <!-- team-support:pickup <key> -->   "I'm On It": the replier picked the blocker up
 *
 * `key` only lets a retried post find what already reached GitHub. It is never the draft's id
 * (that names a file on the replier's computer): a reply draft's key is a one-way hash of its id,
 * a pick-up's key is random. The `pickup` kind is what every teammate's Blocked view reads to
 * show "picked up by @x", so the state is GitHub's, shared across machines.
 * Bodies come from GitHub and are hostile: only the exact shape below is recognised.
 */

export type ReplyKind = 'reply' | 'pickup';

export interface ReplyMarker {
  readonly kind: ReplyKind;
  readonly key: string;
}

const KEY = /^[0-9a-f]{16}$/;
const markerPattern = hiddenCommentPattern(['reply', 'pickup'], '([0-9a-f]{16})');

/** A reply draft's key: stable across retries, and no way back to the draft's id. */
export function replyKeyFor(draftId: string): string {
  return createHash('sha256').update(`team-support reply ${draftId}`).digest('hex').slice(0, 16);
}

export function newReplyKey(): string {
  return randomBytes(8).toString('hex');
}

export function formatReplyMarker(marker: ReplyMarker): string {
  if (!KEY.test(marker.key)) throw new Error('invalid reply key');
  return hiddenComment(marker.kind, marker.key);
}

/** The first reply marker in `body`. */
export function parseReplyMarker(body: string): ReplyMarker | undefined {
  for (const match of body.matchAll(markerPattern)) {
    const kind = match[1];
    const key = match[2];
    if ((kind === 'reply' || kind === 'pickup') && key !== undefined) return { kind, key };
  }
  return undefined;
}

export function isPickUp(body: string): boolean {
  return parseReplyMarker(body)?.kind === 'pickup';
}

/** Whether `body` carries the marker with `key` (a retry looks for its earlier attempt). */
export function hasReplyKey(body: string, key: string): boolean {
  for (const match of body.matchAll(markerPattern)) if (match[2] === key) return true;
  return false;
}
