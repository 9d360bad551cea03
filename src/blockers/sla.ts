import type { Blocker } from '../snapshot/snapshotSchema';
import { type CompactClock, WALL_CLOCK } from '../team/compactClock';

/**
 * The team compact's promise: someone replies to a blocker within `respondToBlockersWithinHours`.
 * A reply is a comment by someone other than the asker. Only the last comments are in the snapshot;
 * when there are more comments than shown, someone else is assumed to have replied.
 */

export type SlaState =
  | { readonly kind: 'replied' }
  | { readonly kind: 'waiting'; readonly dueAt: number }
  | { readonly kind: 'overdue'; readonly dueAt: number; readonly overdueMs: number };

export function hasReply(blocker: Pick<Blocker, 'author' | 'comments'>): boolean {
  const asker = blocker.author?.login.toLowerCase();
  const shown = blocker.comments.nodes.filter((c) => c !== null);
  if (blocker.comments.totalCount > shown.length) return true;
  return shown.some((c) => c.author === null || c.author.login.toLowerCase() !== asker);
}

export function slaState(blocker: Pick<Blocker, 'author' | 'comments' | 'createdAt'>, now: number, withinHours: number, clock: CompactClock = WALL_CLOCK): SlaState {
  if (hasReply(blocker)) return { kind: 'replied' };
  const created = Date.parse(blocker.createdAt);
  // An unparsable date cannot be overdue: better no warning than a false one.
  if (Number.isNaN(created)) return { kind: 'waiting', dueAt: Number.POSITIVE_INFINITY };
  const dueAt = clock.dueAt(created, withinHours * 3_600_000, blocker.author?.login);
  return now >= dueAt ? { kind: 'overdue', dueAt, overdueMs: now - dueAt } : { kind: 'waiting', dueAt };
}

/** "3h", "2d", "now": compact age for tree descriptions. */
export function formatAge(ms: number): string {
  if (!(ms >= 60_000)) return 'now';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}
